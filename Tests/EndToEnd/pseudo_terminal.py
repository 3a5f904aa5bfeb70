"""Running a command with a pseudo-terminal as its controlling terminal, as a person's shell would:
the editor of `inbox answer`, `inbox close --template` and `inbox note` needs one."""
import os
import pty
import select
import time


def in_terminal(command, environment=None, timeout=60):
    """Runs `command` on a new pseudo-terminal; returns its exit status and everything it wrote."""
    pid, controller = pty.fork()
    if pid == 0:
        if environment is None:
            os.execvp(command[0], command)
        os.execvpe(command[0], command, environment)
    output = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        finished, status = os.waitpid(pid, os.WNOHANG)
        if finished:
            return os.waitstatus_to_exitcode(status), output.decode(errors="replace")
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")
