"""What your program prints: each write stamped with the virtual time it happened at, and passed
on to the page as it comes, so a program that never ends still shows what it printed."""

import io
import json
import time

# Wall time, read before the lab's clock stands in for time.perf_counter in your code.
_wall = time.perf_counter
# A program printing in a loop would otherwise fill the page's memory: the rest is cut.
LIMIT_CHARS = 200_000
# Each write is sent at once, so a program that then spins for ever has shown it; past this many
# sends in a window a tight loop's output is batched, a send per window, not flooding the page.
WINDOW_S = 0.05
SENDS_PER_WINDOW = 20


class Output:
    """Everything written to sys.stdout and sys.stderr: chunks of [ms, stream, text]."""

    def __init__(self, now_ms, send=None):
        self._now_ms = now_ms
        self._send = send
        self.chunks = []
        self._sent = 0
        self._chars = 0
        self._window_start = _wall()
        self._window_sends = 0
        self.cut = False

    def write(self, name, text):
        if not text or self.cut:
            return
        room = LIMIT_CHARS - self._chars
        if len(text) > room:
            text = text[:room] + f'\n[output cut at {LIMIT_CHARS} characters]\n'
            self.cut = True
        self._chars += len(text)
        t = self._now_ms()
        last = self.chunks[-1] if len(self.chunks) > self._sent else None
        if last is not None and last[0] == t and last[1] == name:
            last[2] += text  # the same moment and stream, not sent yet: one chunk
        else:
            self.chunks.append([t, name, text])
        now = _wall()
        if now - self._window_start >= WINDOW_S:
            self._window_start, self._window_sends = now, 0
        if self.cut or self._window_sends < SENDS_PER_WINDOW:
            self.flush()

    def flush(self):
        """Sends what was written since the last send."""
        self._window_sends += 1
        if self._send is not None and len(self.chunks) > self._sent:
            self._send(json.dumps(self.chunks[self._sent :]))
        self._sent = len(self.chunks)


class Stream(io.TextIOBase):
    """sys.stdout or sys.stderr while your code runs."""

    def __init__(self, output, name):
        super().__init__()
        self._output = output
        self.name = name

    def writable(self):
        return True

    def write(self, text):
        self._output.write(self.name, text)
        return len(text)
