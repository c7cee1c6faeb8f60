"""Headless chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: commands in on file
descriptor 3, answers out on 4, each a JSON message ended by a NUL byte): open a page at a given viewport size,
evaluate JavaScript in it, take a screenshot. No driver or websocket library needed."""

import base64
import fcntl
import json
import os
import select
import subprocess
import time

TIMEOUT = 60


class DevTools:
    """One chromium process with one page; ``close`` ends it."""

    def __init__(self, chromium, flags, profile):
        to_browser, self.commands = os.pipe()
        self.answers, from_browser = os.pipe()
        # above 4, so that putting them at 3 and 4 in the child cannot overwrite one with the other
        ends = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_browser, from_browser)]
        for fd in (to_browser, from_browser):
            os.close(fd)

        def at_3_and_4():
            os.dup2(ends[0], 3)
            os.dup2(ends[1], 4)

        self.process = subprocess.Popen([str(chromium), *flags, f"--user-data-dir={profile}",
                                         "--remote-debugging-pipe", "about:blank"],
                                        preexec_fn=at_3_and_4, close_fds=False,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in ends:
            os.close(fd)
        self.buffer, self.events, self.last_id, self.session = b"", [], 0, None

    def message(self, deadline):
        while b"\0" not in self.buffer:
            ready, _, _ = select.select([self.answers], [], [], max(0, deadline - time.monotonic()))
            chunk = os.read(self.answers, 1 << 16) if ready else b""
            if not chunk:
                raise RuntimeError("chromium did not answer" if not ready else "chromium closed its pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=True):
        """The result of DevTools command ``method`` (on the page's session unless ``session=False``)."""
        self.last_id += 1
        command = {"id": self.last_id, "method": method, "params": params or {}}
        if session and self.session:
            command["sessionId"] = self.session
        os.write(self.commands, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self.message(deadline)
            if message.get("id") == self.last_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]
            self.events.append(message)

    def wait_for(self, event):
        deadline = time.monotonic() + TIMEOUT
        while not any(message.get("method") == event for message in self.events):
            self.events.append(self.message(deadline))
        self.events = []

    def open(self, url, width, height):
        """Load ``url`` in a viewport of ``width`` x ``height`` CSS pixels and wait for its load event."""
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.enable")
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression):
        """The value (as JSON) of JavaScript ``expression`` in the page."""
        answer = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in answer:
            raise RuntimeError(answer["exceptionDetails"])
        return answer["result"].get("value")

    def screenshot(self, path):
        """Write the whole page, as wide as the viewport, as a PNG to ``path``."""
        size = self.send("Page.getLayoutMetrics")["cssContentSize"]
        width = self.evaluate("window.innerWidth")
        clip = {"x": 0, "y": 0, "width": width, "height": size["height"], "scale": 1}
        shot = {"format": "png", "clip": clip, "captureBeyondViewport": True}
        data = self.send("Page.captureScreenshot", shot)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self):
        try:
            self.send("Browser.close", session=False)
            self.process.wait(timeout=10)
        except (RuntimeError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self.commands)
            os.close(self.answers)
