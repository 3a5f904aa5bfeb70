#!/usr/bin/env python3
"""A flame graph of `perf script` output, as one self-contained SVG (no scripts, no fonts to fetch).

    perf record -F 999 -g -p PID -- sleep 10
    perf script | bench/flamegraph.py --title "inbox-server, SQLite, 64 connections" > flame.svg

Each stack is folded root first ("main;handler;seal;EVP_PKEY_derive"), frames are merged where
their stacks agree, and each frame's width is its share of the samples. Swift symbols are shortened
to what a reader recognises (the type and the function, without the generic signature), demangled
by `swift demangle` when it is on PATH (perf leaves Swift's names mangled).
Frames under `--minimum` per cent are left out, as FlameGraph does. Colours only tell the libraries
apart: libcrypto red, the kernel orange, the Swift runtime and libc grey, SQLite green, ours blue."""
import argparse
import html
import re
import shutil
import subprocess
import sys
from collections import defaultdict

WIDTH = 1200
FRAME_HEIGHT = 16
FONT_SIZE = 11
CHAR_WIDTH = FONT_SIZE * 0.6


def folded_stacks(lines):
    """Counts of each stack, root first, from `perf script`'s blank-line-separated samples."""
    counts = defaultdict(int)
    frames = []
    for line in list(lines) + [""]:
        line = line.rstrip("\n")
        if not line.strip():
            if frames:
                counts[tuple(reversed(frames))] += 1
            frames = []
            continue
        if not line.startswith((" ", "\t")):
            continue  # the sample's header: command, pid, time, event
        parts = line.strip().split(None, 1)
        if len(parts) < 2:
            continue
        symbol, library = parts[1], ""
        match = re.match(r"(.*) \((.*)\)$", symbol)
        if match:
            symbol, library = match.group(1), match.group(2)
        library = library.rsplit("/", 1)[-1]
        # A library shipped without symbols (Debian's libcrypto) gives bare addresses: one frame
        # per library, not one per address.
        symbol = re.sub(r"\+0x[0-9a-f]+$", "", symbol)
        if re.fullmatch(r"(0x)?[0-9a-f]+|\[unknown\]", symbol) and library:
            name = library
        else:
            # Swift's mangled names are demangled later, all at once, and shortened then.
            name = symbol if symbol.startswith(("$s", "_$s")) else shorten(symbol)
        if not (frames and name == library and frames[-1] == (name, library)):
            frames.append((name, library))
    return counts


def shorten(symbol):
    symbol = re.sub(r"\+0x[0-9a-f]+$", "", symbol)
    if symbol == "[unknown]":
        return symbol
    # Swift: drop generic signatures and argument lists, keep "Type.function".
    symbol = re.sub(r"<[^<>]*>", "", re.sub(r"<[^<>]*>", "", symbol))
    symbol = re.sub(r"\(.*", "", symbol)
    symbol = symbol.replace("closure #1 in ", "closure in ").replace("merged ", "")
    return symbol[:120]


def colour(library, name):
    if "libcrypto" in library:
        return "rgb(230,110,100)"
    if "kernel" in library or library.startswith("[k"):
        return "rgb(235,160,80)"
    if "libswift" in library or "libc.so" in library or "libc-" in library or "ld-linux" in library:
        return "rgb(190,190,190)"
    if "sqlite" in library.lower():
        return "rgb(120,190,120)"
    return "rgb(120,160,220)"


def demangled(counts):
    """The same stacks with Swift's mangled names ($s…) demangled in one `swift demangle` run."""
    names = sorted({name for stack in counts for name, _ in stack if name.startswith(("$s", "_$s"))})
    if not names or not shutil.which("swift-demangle"):
        return counts
    output = subprocess.run(["swift-demangle", "--simplified", "--compact"], input="\n".join(names) + "\n",
                            capture_output=True, text=True, check=True).stdout.splitlines()
    readable = {name: shorten(line) for name, line in zip(names, output)}
    merged = defaultdict(int)
    for stack, count in counts.items():
        merged[tuple((readable.get(name, name), library) for name, library in stack)] += count
    return merged


def build_tree(counts):
    root = {"name": "all", "library": "", "count": 0, "children": {}}
    for stack, count in counts.items():
        root["count"] += count
        node = root
        for name, library in stack:
            child = node["children"].setdefault((name, library), {"name": name, "library": library, "count": 0, "children": {}})
            child["count"] += count
            node = child
    return root


def depth(node):
    return 1 + max((depth(child) for child in node["children"].values()), default=0)


def render(root, title, minimum):
    total = root["count"] or 1
    levels = depth(root)
    height = (levels + 3) * FRAME_HEIGHT
    rectangles = []

    def place(node, x, level):
        width = node["count"] / total * WIDTH
        if width < WIDTH * minimum / 100:
            return
        y = height - (level + 1) * FRAME_HEIGHT - FRAME_HEIGHT
        share = node["count"] / total * 100
        label = f"{node['name']} ({node['library']}): {share:.1f} %" if node["library"] else f"{node['name']}: {share:.1f} %"
        text = node["name"]
        fits = int(width / CHAR_WIDTH) - 1
        shown = text if len(text) <= fits else (text[: fits - 2] + ".." if fits > 3 else "")
        rectangles.append(
            f'<g><title>{html.escape(label)}</title><rect x="{x:.1f}" y="{y}" width="{max(width - 0.5, 0.1):.1f}" '
            f'height="{FRAME_HEIGHT - 1}" fill="{colour(node["library"], node["name"])}" rx="1"/>'
            + (f'<text x="{x + 2:.1f}" y="{y + FRAME_HEIGHT - 4}">{html.escape(shown)}</text>' if shown else "") + "</g>")
        child_x = x
        for child in sorted(node["children"].values(), key=lambda child: child["name"]):
            place(child, child_x, level + 1)
            child_x += child["count"] / total * WIDTH

    place(root, 0, 0)
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="monospace" font-size="{FONT_SIZE}">',
        f'<rect width="100%" height="100%" fill="white"/>',
        f'<text x="{WIDTH / 2}" y="{FRAME_HEIGHT}" text-anchor="middle" font-size="{FONT_SIZE + 3}">{html.escape(title)} '
        f"({total} samples)</text>",
        *rectangles,
        "</svg>",
    ]) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--title", default="flame graph")
    parser.add_argument("--minimum", type=float, default=0.2, help="leave out frames under this many per cent")
    arguments = parser.parse_args()
    counts = folded_stacks(sys.stdin)
    if not counts:
        sys.exit("no samples: pipe `perf script` output in")
    sys.stdout.write(render(build_tree(demangled(counts)), arguments.title, arguments.minimum))


if __name__ == "__main__":
    main()
