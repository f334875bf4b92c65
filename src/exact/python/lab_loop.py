"""CPython's own selector event loop under a virtual clock.

`LabLoop` subclasses `asyncio.selector_events.BaseSelectorEventLoop`, so `BaseEventLoop._run_once`
(timeout, select, I/O callbacks, due timers, one batch) is CPython's, unchanged. What differs:
  - the selector is virtual: `select(timeout)` moves the clock to the next off-loop event or to
    the timeout instead of asking the kernel (Emscripten's poll() ignores timeouts);
  - `time()` reads that clock;
  - the self-pipe is a pair of virtual sockets (socketpair() fails in Pyodide), so
    call_soon_threadsafe wakes select() through CPython's own `_write_to_self`.
Every hook only records (see lab_trace.py); none decides an order.
"""

import asyncio
import selectors
from asyncio import selector_events

from lab_world import Stop


class VirtualSelector(selectors.BaseSelector):
    """A selector over virtual file descriptors that the world makes readable."""

    def __init__(self, world, tracer, sleep_for):
        self._world = world
        self._tracer = tracer
        self._sleep_for = sleep_for
        self._map = {}
        self._readable = []
        self._data = set()

    def register(self, fileobj, events, data=None):
        fd = selectors._fileobj_to_fd(fileobj)
        key = selectors.SelectorKey(fileobj, fd, events, data)
        self._map[fd] = key
        if fd in self._data:
            self._data.discard(fd)
            self.make_readable(fd)
        return key

    def has_data(self, fd):
        """Bytes wait in `fd` before anyone watches it: readable as soon as it is registered."""
        self._data.add(fd)

    def unregister(self, fileobj):
        fd = selectors._fileobj_to_fd(fileobj)
        key = self._map.pop(fd)
        if fd in self._readable:
            self._readable.remove(fd)
        return key

    def get_map(self):
        return self._map

    def make_readable(self, fd):
        """The kernel has data for `fd`: the next select() reports it (once, in order)."""
        if fd not in self._readable:
            self._readable.append(fd)

    def close(self):
        self._map.clear()

    def select(self, timeout=None):
        timeout_ms = None if timeout is None else timeout * 1000
        self._tracer.select(timeout_ms)
        self._world.fire_kernel_events()
        if not self._readable and timeout_ms != 0:
            deadline = None
            if timeout_ms is not None:
                deadline = self._world.now + self._sleep_for(timeout_ms) / 1000
            while not self._readable:
                self.before_sleep()
                nxt = self._world.next_time()
                if nxt is None or (deadline is not None and nxt > deadline):
                    if deadline is None:
                        raise Stop('nothing')
                    self._world.advance(deadline)
                    self._tracer.wake('timeout')
                    return []
                self._world.fire_next()
        if not self._readable:
            self._tracer.wake('poll')
            return []
        self._tracer.wake('io')
        ready = [(self._map[fd], selectors.EVENT_READ) for fd in self._readable if fd in self._map]
        self._readable = []
        return ready

    def before_sleep(self):
        """Called each time select() would sleep; the run may end here (raises Stop)."""


class VirtualSocket:
    """One end of the virtual self-pipe."""

    def __init__(self, fd, on_send=None):
        self._fd = fd
        self._on_send = on_send
        self._pending = 0

    def fileno(self):
        return self._fd

    def setblocking(self, flag):
        pass

    def send(self, data):
        self._on_send(data)
        return len(data)

    def recv(self, n):
        if self._pending == 0:
            raise BlockingIOError
        data, self._pending = b'\0' * self._pending, 0
        return data

    def close(self):
        pass


class LabLoop(selector_events.BaseSelectorEventLoop):
    """BaseSelectorEventLoop with the virtual selector, clock and self-pipe; nothing else."""

    def __init__(self, world, tracer, fds, sleep_for):
        self._world = world
        self._fds = fds
        selector = VirtualSelector(world, tracer, sleep_for)
        self.lab_selector = selector
        super().__init__(selector)
        # Linux's monotonic clock resolution: timers due within it run in this iteration.
        self._clock_resolution = 1e-9
        self._ready = tracer.ready_queue(self)
        tracer.attach(self)

    def time(self):
        return self._world.now

    def _make_self_pipe(self):
        ssock = VirtualSocket(next(self._fds))

        def on_send(data):
            ssock._pending += len(data)
            self.lab_selector.make_readable(ssock.fileno())

        self._ssock = ssock
        self._csock = VirtualSocket(next(self._fds), on_send)
        self._internal_fds += 1
        self._add_reader(self._ssock.fileno(), self._read_from_self)

    def _close_self_pipe(self):
        self._remove_reader(self._ssock.fileno())
        self._ssock = None
        self._csock = None
        self._internal_fds -= 1

    def call_soon_threadsafe(self, callback, *args, context=None):
        with self._lab_tracer.via('threadsafe'):
            return super().call_soon_threadsafe(callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        timer = super().call_at(when, callback, *args, context=context)
        self._lab_tracer.timer_created(timer)
        return timer


def new_loop(world, tracer, fds, sleep_for):
    loop = LabLoop(world, tracer, fds, sleep_for)
    asyncio.set_event_loop(loop)
    return loop

