"""The world around the loop thread: a virtual clock and what happens off the loop.

Nothing here runs a callback of the loop. Events of the world (a request's bytes arriving,
a server's response, a virtual thread finishing its work) fire at their virtual time, in order,
either while the loop sleeps in select() or while a callback holds the loop thread (the clock
jumps inside `time.sleep` / CPU work). They may only do what another thread or the kernel can:
make a file descriptor readable, or touch the loop from "another thread" (see `on_thread`).
"""

import heapq
import threading

# A thread id no real thread has: what threading.get_ident() returns while a virtual thread runs,
# so CPython's own debug-mode _check_thread() sees a foreign thread (F11).
_VIRTUAL_IDENT_BASE = 1 << 40


class Stop(SystemExit):
    """Ends the run from anywhere: Task and Handle re-raise SystemExit, so it leaves run_forever."""

    def __init__(self, kind, **info):
        super().__init__(kind)
        self.kind = kind
        self.info = info


class World:
    """The virtual clock (seconds, as loop.time()) and the queue of off-loop events."""

    def __init__(self, limit_s):
        self.now = 0.0
        self.limit = limit_s
        self._events = []
        self._seq = 0
        self._ident = None
        self._real_get_ident = threading.get_ident
        # While a virtual thread runs a function of yours (see `timed`): its sleeps so far, in s.
        self.spent = None

    def at(self, when, fn, thread=False):
        """Runs `fn()` at virtual time `when` (never earlier than now). `thread`: it is Python on
        another thread (it needs the GIL), not the kernel making a descriptor readable."""
        self._seq += 1
        heapq.heappush(self._events, (max(when, self.now), self._seq, fn, thread))

    def next_time(self):
        return self._events[0][0] if self._events else None

    def advance(self, until):
        """Moves the clock to `until`, firing every event due by then at its own time."""
        while self._events and self._events[0][0] <= until:
            when, _, fn, _ = heapq.heappop(self._events)
            self._check_limit(when)
            self.now = when
            fn()
        self._check_limit(until)
        self.now = max(self.now, until)

    def fire_kernel_events(self):
        """What the kernel holds at this instant (readable descriptors) without running another
        thread: a select() that returns at once keeps the GIL, so threads due now wait (F36)."""
        later = []
        while self._events and self._events[0][0] <= self.now:
            event = heapq.heappop(self._events)
            if event[3]:
                later.append(event)
            else:
                event[2]()
        for event in later:
            heapq.heappush(self._events, event)

    def fire_next(self):
        """Jumps to the next event's time and fires every event due then; False if none is left."""
        when = self.next_time()
        if when is None:
            return False
        self.advance(when)
        return True

    def _check_limit(self, when):
        if when > self.limit:
            self.now = max(self.now, self.limit)
            raise Stop('limit')

    def on_thread(self, fn):
        """Runs `fn()` as if on another OS thread: threading.get_ident() is not the loop's."""
        saved = self._ident
        self._ident = _VIRTUAL_IDENT_BASE
        threading.get_ident = lambda: self._ident
        try:
            return fn()
        finally:
            self._ident = saved
            if saved is None:
                threading.get_ident = self._real_get_ident

    def on_other_thread(self):
        return self._ident is not None

    def timed(self, fn):
        """Runs `fn()` on a virtual thread's own clock: `sleep` moves it (the world waits for no
        one); returns the seconds it spent."""
        saved, self.spent = self.spent, 0.0
        try:
            fn()
            return self.spent
        finally:
            self.spent = saved

    def thread_now(self):
        """The time on the running thread's clock: a timed thread's, else the world's."""
        return self.now + (self.spent or 0.0)

    def sleep_on_thread(self, seconds):
        """A timed thread's time.sleep: True if it moved that thread's clock."""
        if self.spent is None:
            return False
        self.spent += max(0.0, seconds)
        return True
