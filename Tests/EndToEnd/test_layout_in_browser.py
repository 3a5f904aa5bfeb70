"""WCAG 2.1 AA beyond what axe can see, in headless Chromium against the real inbox-server, on
every page state (the form, the form with errors, the form refused by the rate limit, the thanks
page) in both languages, with a policy whose addresses and URLs are 60 characters long and
unbreakable as a real agency's often are:

- 1.4.10 Reflow: at 320 CSS pixels nothing scrolls sideways and no element reaches past the viewport;
- 1.4.12 Text spacing: with the criterion's spacing applied as a user style sheet, no text is clipped
  by a box that hides its overflow;
- 1.4.4 Resize text: at 200 % zoom of a 1280-pixel window (640 CSS pixels) nothing is lost;
- forced colours (Windows high contrast), emulated through the DevTools protocol: field borders,
  the button's border and the focus ring stay visible.

With INBOX_SCREENSHOT_DIR set, the 320-pixel form is saved there in both languages."""
from pathlib import Path

import pytest
from conftest import POLICY, Inbox, Server
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
# `browser` is the form tests' fixture (a Swedish headless Chromium), imported for pytest to find.
from test_form_in_browser import browser, chromium, screenshot  # noqa: F401

LONG_EMAIL = "registrator.kommunikationsenheten@exempelmyndigheten.example"
LONG_URL = "https://www.integritetsskyddsmyndigheten.example/dataskydd/klagomal"
LANGUAGES = ["sv", "en"]

# WCAG 2.1 success criterion 1.4.12's values, as a user style sheet.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Elements whose overflow or position is by design: the honeypot is moved off screen on purpose.
IGNORED = ".trap, .trap *"

OVERFLOWING = """
const ignored = new Set(document.querySelectorAll(arguments[0]));
const width = document.documentElement.clientWidth;
const found = [];
for (const element of document.body.querySelectorAll('*')) {
    if (ignored.has(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const name = `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}${element.className ? '.' + element.className : ''}`;
    if (box.right > width + 0.5 || box.left < -0.5) {
        found.push(`${name} at ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
    }
    // Text that sticks out of its own box (an unbreakable address) though the box fits.
    const style = getComputedStyle(element);
    if (style.overflowX === 'visible' && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1
        && element.tagName !== 'TEXTAREA' && element.tagName !== 'INPUT') {
        found.push(`${name}: content ${element.scrollWidth} wide in a box of ${element.clientWidth}`);
    }
}
return found;
"""

CLIPPED = """
const ignored = new Set(document.querySelectorAll(arguments[0]));
const found = [];
for (const element of document.body.querySelectorAll('*')) {
    if (ignored.has(element)) continue;
    const style = getComputedStyle(element);
    const hides = (value) => value === 'hidden' || value === 'clip';
    if (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT') continue;  // scroll their own text
    if ((hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
        || (hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1)) {
        found.push(`${element.tagName.toLowerCase()}${element.className ? '.' + element.className : ''}`);
    }
}
return found;
"""


def long_policy(directory: Path) -> Path:
    """The default policy with the controller's and the supervisory authority's addresses and URL
    60 characters long and without a place to break."""
    text = Path(POLICY).read_text()
    text = text.replace('"registrator@exempelmyndigheten.example (PLACEHOLDER)"', f'"{LONG_EMAIL}"')
    text = text.replace('"dataskyddsombud@exempelmyndigheten.example (PLACEHOLDER)"', f'"dpo.{LONG_EMAIL}"')
    text = text.replace('url = "https://www.imy.se"', f'url = "{LONG_URL}"')
    assert LONG_EMAIL in text and LONG_URL in text
    path = directory / "long-policy.toml"
    path.write_text(text)
    return path


@pytest.fixture
def long_server(tmp_path):
    """A server whose notice holds the long addresses, and whose rate limit takes two posts a
    minute (the one with errors and the one thanked), so that the refused form is seen third."""
    inbox = Inbox(tmp_path).init()
    running = Server(inbox, "--rate-limit", "2/minute", policy=long_policy(tmp_path)).start()
    yield running
    running.stop()


def wait_for(driver, selector):
    """Waits for the next page to show `selector` (a click returns before the page it posts to)."""
    WebDriverWait(driver, 30).until(lambda current: current.find_elements(By.CSS_SELECTOR, selector))


def page_states(server, driver, language):
    """Loads each state of the public pages in turn and yields its name once it is on screen."""
    base = f"http://127.0.0.1:{server.port}"
    driver.get(f"{base}/?lang={language}")
    assert LONG_EMAIL in driver.page_source
    yield "form"
    # The form with errors: an address that is not one, posted by the browser itself.
    driver.find_element(By.ID, "question").send_keys("En fråga om " + "x" * 40)
    driver.find_element(By.ID, "email").send_keys("inte-en-adress-" + "y" * 60)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, ".summary")
    yield "form with errors"
    # The thanks page, with its reference.
    driver.get(f"{base}/?lang={language}")
    driver.find_element(By.ID, "question").send_keys("Hur lång tid tar det?")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, ".reference")
    yield "thanks"
    # The form refused by the rate limit (the failure page a citizen sees), the question kept.
    driver.get(f"{base}/?lang={language}")
    driver.find_element(By.ID, "question").send_keys("En fråga till")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, ".summary[role=alert]")
    yield "refused"


def set_viewport(driver, width, height=900, scale=1):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False})


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_reflows_at_320_css_pixels(long_server, browser, language, tmp_path):
    set_viewport(browser, 320)
    for state in page_states(long_server, browser, language):
        width = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"{state} ({language}) scrolls sideways: {width}"
        assert browser.execute_script(OVERFLOWING, IGNORED) == [], f"{state} ({language})"
        if state == "form":
            screenshot(browser, f"form-320-{language}", tmp_path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_text_spacing_clips_nothing(long_server, browser, language):
    # A person's own style sheet is not the page's: it is not subject to the page's
    # Content-Security-Policy (which forbids inline styles), so the test lifts it for its sheet.
    browser.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
    set_viewport(browser, 320)
    for state in page_states(long_server, browser, language):
        browser.execute_script("const s = document.createElement('style'); s.textContent = arguments[0]; document.head.append(s);",
                               TEXT_SPACING)
        assert browser.execute_script("return getComputedStyle(document.body).wordSpacing") != "0px"
        assert browser.execute_script(CLIPPED, IGNORED) == [], f"{state} ({language})"
        assert browser.execute_script(OVERFLOWING, IGNORED) == [], f"{state} ({language})"


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_is_lost_at_200_percent_zoom(long_server, browser, language):
    # A 1280-pixel window at 200 %: 640 CSS pixels, each two device pixels.
    set_viewport(browser, 640, height=800, scale=2)
    for state in page_states(long_server, browser, language):
        width = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"{state} ({language}) at 200 %: {width}"
        assert browser.execute_script(OVERFLOWING, IGNORED) == [], f"{state} ({language})"
        assert browser.execute_script(CLIPPED, IGNORED) == [], f"{state} ({language})"


def border(driver, selector):
    return driver.execute_script(
        "const s = getComputedStyle(document.querySelector(arguments[0]));"
        "return [s.borderTopStyle, parseFloat(s.borderTopWidth), s.outlineStyle, parseFloat(s.outlineWidth)];", selector)


@pytest.mark.parametrize("language", LANGUAGES)
def test_forced_colours_keep_borders_and_the_focus_ring(long_server, browser, language):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
    browser.get(f"http://127.0.0.1:{long_server.port}/?lang={language}")
    assert browser.execute_script("return matchMedia('(forced-colors: active)').matches")
    for selector in ("#question", "#email", "button[type=submit]"):
        style, width, _, _ = border(browser, selector)
        assert style not in ("none", "hidden") and width >= 1, f"{selector} has no border in forced colours"
        # The focus ring: an outline (forced colours keep outlines and drop box-shadows).
        browser.execute_script("document.querySelector(arguments[0]).focus()", selector)
        assert browser.execute_script("return document.activeElement.matches(arguments[0])", selector)
        _, _, outline, outline_width = border(browser, selector + ":focus")
        assert outline not in ("none", "hidden") and outline_width >= 2, f"{selector} shows no focus ring"


def test_the_reflow_check_can_fail(browser):
    """The positive control: an unbreakable line in a page without overflow-wrap scrolls sideways."""
    set_viewport(browser, 320)
    browser.get("data:text/html;charset=utf-8,<meta name=viewport content='width=device-width'>"
                f"<p>{'x' * 80}@example.se</p><div style='overflow:hidden;height:1em'>two<br>lines</div>")
    width = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] > width[1]
    assert browser.execute_script(OVERFLOWING, IGNORED) != []
    assert browser.execute_script(CLIPPED, IGNORED) == ["div"]
