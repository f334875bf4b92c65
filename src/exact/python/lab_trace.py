"""Records what CPython's loop does, in the lab's trace vocabulary (simulations/trace.ts).

It wraps, never replaces: the ready deque (enqueue, batch), `Handle._run` (run, return), the
selector (select, wake) and the asyncio logger (log, warning). Labels follow the model's where
the same thing happens ("r1 step", "sleep done → heartbeat", "_read_from_self").
"""

import asyncio
import collections
import contextlib
import logging
from asyncio import events, futures


COLLECTORS = ('_done_callback', '_on_completion', '_handle_completion')


class Tracer:
    def __init__(self, world, recording):
        self.world = world
        self.recording = recording
        self.events = []
        self.warnings = []
        self._via = []
        self._labels = {}
        self._owners = {}
        self._waits = {}
        self._collecting = False
        self._running = []
        self._timer_ids = 0
        self._timer_of = {}
        self._returned_owner = None
        self.requests = {}
        self.fd_requests = {}
        self._steps_taken = {}
        self._coro_owners = {}
        self._future_owners = {}
        self._children = {}
        self.loop = None
        # Where asyncio's log lines are also written, as its logger writes them to stderr.
        self.echo = None

    # -- output -------------------------------------------------------------------------------

    def emit(self, actor, type_, detail):
        # main() is CPython's scaffolding, not a request: its task has no lane of its own.
        if self.recording and not (type_ == 'task' and actor == 'lab:main'):
            t = round(self.world.now * 1000, 6) + 0.0
            self.events.append({'t': t, 'actor': actor, 'type': type_, 'detail': detail})

    # -- who owns what ------------------------------------------------------------------------

    def own(self, task, owner):
        """`task` serves `owner` (a request id, a branch id, heartbeat, lagMonitor)."""
        self._owners[id(task)] = (task, owner)

    def own_coro(self, coro, owner):
        """The task that will wrap `coro` (create_task, gather) serves `owner`."""
        self._coro_owners[id(coro)] = (coro, owner)

    def has_owner(self, coro):
        """Whether some part of the lab already said whom `coro`'s task serves."""
        entry = self._coro_owners.get(id(coro))
        return entry is not None and entry[0] is coro

    def future_owner(self, fut, owner):
        self._future_owners[id(fut)] = (fut, owner)

    def children(self, owner):
        return self._children.get(owner, [])

    def add_child(self, owner, child):
        self._children.setdefault(owner, []).append(child)

    def wait_of(self, owner):
        return self._waits.get(owner)

    def owner_of(self, task):
        entry = self._owners.get(id(task))
        if entry and entry[0] is task:
            return entry[1]
        coro = task.get_coro() if isinstance(task, asyncio.Task) else None
        entry = self._coro_owners.get(id(coro))
        return entry[1] if entry and entry[0] is coro else None

    def owner_of_handle(self, handle):
        known = self._labels.get(id(handle))
        if known is not None and known[0] is handle:
            return known[2]
        return self._label_of(handle)[1]

    def _task_name(self, task):
        return self.owner_of(task) or task.get_name()

    def current_owner(self):
        try:
            task = asyncio.current_task(self.loop)
        except RuntimeError:
            task = None
        return self.owner_of(task) if task is not None else None

    def waits_on(self, owner, what):
        """What `owner`'s task awaits at its next suspension (shown while it waits)."""
        self._waits[owner] = what

    def label(self, fn, text):
        fn.lab_label = text
        return fn

    def _label_of(self, handle):
        known = self._labels.get(id(handle))
        if known is not None and known[0] is handle:
            return known[1], known[2]
        cb = handle._callback
        text = getattr(cb, 'lab_label', None)
        if text is not None:
            return text, getattr(cb, 'lab_owner', None)
        name = getattr(cb, '__name__', None) or repr(cb)
        arg = handle._args[0] if handle._args else None
        task = getattr(cb, '__self__', None)
        if isinstance(task, asyncio.Task):
            owner = self._task_name(task)
            if owner.startswith('accept:'):
                rid = owner[len('accept:') :]
                again = ' (after the waiter)' if self._steps_taken.get(owner) else ''
                return f'_accept_connection2 → {rid}{again}', owner
            return f'{owner} step', owner
        sock = getattr(getattr(cb, '__self__', None), '_sock', None)
        if name == '_read_ready' and hasattr(sock, 'rid'):
            return f'read request {sock.rid}', sock.rid
        if name == 'connection_made' and arg is not None and hasattr(getattr(arg, '_sock', None), 'rid'):
            return f'connection_made → {arg._sock.rid}', arg._sock.rid
        if name == '_add_reader' and arg in self.fd_requests:
            return f'_add_reader → {self.fd_requests[arg]}', self.fd_requests[arg]
        # gather's _done_callback, as_completed's _on_completion (3.11) / _handle_completion
        # (3.14): the model names all of them after gather.
        if name in COLLECTORS and isinstance(arg, asyncio.Task):
            return f'gather: {self._task_name(arg)} done', self.current_owner()
        if name == '_set_state' and arg is not None:
            entry = self._future_owners.get(id(arg))
            if entry and entry[0] is arg:
                return f'executor result → {entry[1]}', entry[1]
        if getattr(cb, '__qualname__', '').startswith('run_coroutine_threadsafe.'):
            coro = next((c.cell_contents for c in cb.__closure__ or () if self._coro_owner(c)), None)
            owner = self._coro_owners[id(coro)][1] if coro is not None else None
            if owner in self.requests:
                return f'run_coroutine_threadsafe({self.requests[owner]}(), loop) for {owner}', owner
            return f'run_coroutine_threadsafe → {owner}', owner
        return name, None

    def _coro_owner(self, cell):
        try:
            value = cell.cell_contents
        except ValueError:
            return False
        entry = self._coro_owners.get(id(value))
        return entry is not None and entry[0] is value

    # -- the loop -----------------------------------------------------------------------------

    def attach(self, loop):
        self.loop = loop
        loop._lab_tracer = self

    def ready_queue(self, loop):
        return _TracingDeque(self)

    def via(self, how):
        @contextlib.contextmanager
        def scope():
            self._via.append(how)
            try:
                yield
            finally:
                self._via.pop()

        return scope()

    def timer_created(self, handle):
        cb = handle._callback
        owner = self.current_owner()
        if cb is futures._set_result_unless_cancelled and owner is not None:
            text = f'sleep done → {owner}'
        else:
            text, owner = self._label_of(handle)
        self._labels[id(handle)] = (handle, text, owner)
        self._timer_ids += 1
        self.emit(
            'loop',
            'timer',
            {'id': self._timer_ids, 'at': round(handle._when * 1000, 6), 'cb': text},
        )
        self._timer_of[id(handle)] = self._timer_ids

    def enqueued(self, handle):
        text, owner = self._label_of(handle)
        self._labels[id(handle)] = (handle, text, owner)
        if self._via:
            how = self._via[-1]
        elif self.world.on_other_thread():
            how = 'unsafe'
        elif isinstance(handle, events.TimerHandle):
            how = 'timer'
        elif self._collecting:
            how = 'io'
        else:
            how = 'call_soon'
        detail = {'cb': text, 'via': how}
        if how == 'timer' and id(handle) in self._timer_of:
            detail['timer'] = self._timer_of.pop(id(handle))
        request = getattr(handle._callback, 'lab_request', None)
        if request is None and text == f'read request {owner}':
            request = owner
        if request is not None:
            detail['request'] = request
        self.emit('loop', 'enqueue', detail)
        if text == f'{owner} step' and owner is not None:
            self.emit(owner, 'task', {'state': 'ready', 'on': None})

    def batch_started(self, n):
        self._collecting = False
        self.emit('loop', 'batch', {'n': n})

    def select(self, timeout_ms):
        if self._collecting:
            self.batch_started(0)
        self.emit('loop', 'select', {'timeoutMs': None if timeout_ms is None else round(timeout_ms, 6)})

    def wake(self, reason):
        self._collecting = True
        self.emit('loop', 'wake', {'reason': reason})
        self.loop_thread('running', None)

    def loop_thread(self, state, doing):
        """The loop thread's lane: running Python, or blocked in a call that holds the loop."""
        self.emit('loop', 'thread', {'state': state, 'doing': doing, 'kind': 'loop'})

    def run_started(self, handle):
        text, owner = self._label_of(handle)
        self._running.append((handle, text, owner, self.world.now))
        self.emit('loop', 'run', {'cb': text})
        if text == f'{owner} step':
            self.emit(owner, 'task', {'state': 'running', 'on': None})

    def run_returned(self, handle):
        _, text, owner, start = self._running.pop()
        if owner is not None and owner.startswith('accept:'):
            self._steps_taken[owner] = True
        self._returned_owner = owner
        self._labels.pop(id(handle), None)
        ms = round((self.world.now - start) * 1000, 6) + 0.0
        self.emit('loop', 'return', {'cb': text, 'ms': ms})
        if text != f'{owner} step':
            return
        task = getattr(handle._callback, '__self__', None)
        if not isinstance(task, asyncio.Task) and handle._args:
            task = handle._args[0]
        if isinstance(task, asyncio.Task) and task.done():
            failed = not task.cancelled() and task.exception() is not None
            self.emit(owner, 'task', {'state': 'failed' if failed else 'done', 'on': None})
        elif isinstance(task, asyncio.Task):
            self.emit(owner, 'task', {'state': 'waiting', 'on': self._waits.get(owner, 'await')})

    def run_abandoned(self):
        self._running.pop()

    def returned_owner(self):
        """Whom the callback that just returned served (debug mode logs after it returns)."""
        return self._returned_owner

    # -- asyncio's logger ---------------------------------------------------------------------

    def capture_log(self):
        tracer = self

        class Capture(logging.Handler):
            def emit(self, record):
                text = record.getMessage()
                if record.exc_info:
                    text += '\n' + logging.Formatter().formatException(record.exc_info)
                tracer.emit('stderr', 'log', {'source': 'asyncio', 'text': text})
                if tracer.echo is not None:
                    tracer.echo(text)
                if record.msg.startswith('Executing %s took'):
                    owner = tracer.returned_owner() or 'loop'
                    tracer.emit('loop', 'warning', {'kind': 'slowCallback', 'message': text})
                    tracer.warnings.append(
                        {
                            'atMs': round(tracer.world.now * 1000, 6) + 0.0,
                            'kind': 'slowCallback',
                            'task': owner,
                            'ms': round(record.args[1] * 1000, 6) + 0.0,
                            'message': text,
                        }
                    )

        logger = logging.getLogger('asyncio')
        handler = Capture()
        logger.addHandler(handler)
        logger.propagate = False
        logger.setLevel(logging.WARNING)
        return lambda: logger.removeHandler(handler)


class _TracingDeque(collections.deque):
    """The loop's `_ready`: CPython appends and pops it; this records both."""

    def __init__(self, tracer):
        super().__init__()
        self._tracer = tracer

    def append(self, handle):
        super().append(handle)
        self._tracer.enqueued(handle)

    def popleft(self):
        if self._tracer._collecting:
            self._tracer.batch_started(len(self))
        return super().popleft()


_active = []
_original_run = events.Handle._run


def _traced_run(self):
    tracer = getattr(self._loop, '_lab_tracer', None)
    if tracer is None:
        return _original_run(self)
    tracer.run_started(self)
    try:
        result = _original_run(self)
    except BaseException:
        # The run ends inside this callback (a deadlock, the limit): it never returns.
        tracer.run_abandoned()
        raise
    tracer.run_returned(self)
    return result


events.Handle._run = _traced_run
