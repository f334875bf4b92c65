"""Virtual OS threads: what Pyodide cannot run, modelled at their virtual time.

CPython's own `ThreadPoolExecutor.submit` and `_adjust_thread_count` decide when a thread
starts; only `Thread.start` is patched. With threads allowed, it starts a virtual worker that
follows the running CPython's `_worker` loop: 3.14 releases `_idle_semaphore` when it finds the
queue empty, 3.11 after every work item. A work item takes its `ms` of virtual time and
completes through CPython's own future chaining (`call_soon_threadsafe`). Your own function (the
Python tab's) runs when the worker takes it, on the worker's own clock (its `time.sleep` moves
that clock, not the loop's), and completes when that clock says. With threads refused it raises
what `_start_new_thread` raises. The GIL is not modelled: each worker runs as if it had a core.
"""

import functools
import queue
import threading
from concurrent import futures as cf
from concurrent.futures import thread as cf_thread

CANT_START = "can't start new thread"

# 3.13+ workers try get_nowait() and release the semaphore only when the queue is empty.
RELEASE_WHEN_EMPTY = 'get_nowait' in cf_thread._worker.__code__.co_names


class VirtualWork:
    """A blocking call or CPU work of `ms`: on the loop thread it holds the loop that long."""

    def __init__(self, lab, ms, kind):
        self.lab = lab
        self.ms = ms
        self.kind = kind
        self.__name__ = f'{kind}({ms:g} ms)'

    def __call__(self):
        if not self.lab.world.on_other_thread():
            self.lab.hold_loop(self.ms)


def find_work(task):
    """The VirtualWork inside a work item's task (to_thread wraps it in partials)."""
    todo = [task]
    while todo:
        obj = todo.pop(0)
        if isinstance(obj, VirtualWork):
            return obj
        if isinstance(obj, functools.partial):
            todo.extend([obj.func, *obj.args])
        elif isinstance(obj, tuple):
            todo.extend(obj)
    return None


class VirtualQueue(queue.SimpleQueue):
    """The executor's work queue: a put hands the item to a worker blocked in get(), as the OS
    would. It also keeps what it holds in words, for the trace (a SimpleQueue cannot be read)."""

    def __init__(self):
        super().__init__()
        self.waiting = []
        self.shown = []

    def put(self, item, block=True, timeout=None):
        super().put(item)
        work = find_work(getattr(item, 'task', None) or getattr(item, 'fn', None)) if item else None
        self.shown.append(work.__name__ if work else 'work')
        if self.waiting:
            self.waiting.pop(0).wake()

    def get_nowait(self):
        item = super().get_nowait()
        self.shown.pop(0)
        return item


class PoolWorker:
    def __init__(self, threads, thread):
        self.threads = threads
        self.lab = threads.lab
        self.name = f'pool-{len(threads.workers) + 1}'
        if len(thread._args) == 3:  # 3.14: (executor_ref, ctx, work_queue)
            self.executor_ref, self.ctx, self.queue = thread._args
        else:  # 3.11: (executor_ref, work_queue, initializer, initargs)
            self.executor_ref, self.queue = thread._args[:2]
            self.ctx = None
        self.busy = False

    def start(self):
        if self.ctx is not None:
            self.ctx.initialize()
        self._emit('running', 'thread starts')
        self._next()

    def wake(self):
        self.lab.world.at(self.lab.world.now, self._next, thread=True)

    def _next(self):
        try:
            item = self.queue.get_nowait()
        except queue.Empty:
            if RELEASE_WHEN_EMPTY:
                self._release()
            self.busy = False
            self.queue.waiting.append(self)
            self._emit('idle', 'work_queue.get()')
            self.threads.changed()
            return
        if item is None:
            return
        # 3.14 keeps the call as item.task, 3.11 as item.fn.
        work = find_work(getattr(item, 'task', None) or getattr(item, 'fn', None))
        self.busy = True
        self._emit('blocked' if work and work.kind == 'block' else 'running', work.__name__ if work else 'work')
        self.threads.changed()
        if work is not None:
            ms, complete = work.ms, lambda: self._run(item)
        else:
            ms, complete = self._run_on_own_clock(item)

        def finish():
            self.lab.world.on_thread(complete)
            if not RELEASE_WHEN_EMPTY:
                self._release()
            self._next()

        self.lab.world.at(self.lab.world.now + ms / 1000, finish, thread=True)

    def _run(self, item):
        return item.run(self.ctx) if self.ctx else item.run()

    def _run_on_own_clock(self, item):
        """Runs a function now, on this worker's clock, into a stand-in future; returns how long it
        took and what hands its outcome to the real future (and so to the loop) when it is done."""
        real, item.future = item.future, cf.Future()
        world = self.lab.world
        ms = world.on_thread(lambda: world.timed(lambda: self._run(item))) * 1000
        done, item.future = item.future, real

        def complete():
            if not real.set_running_or_notify_cancel():
                return
            if done.exception() is not None:
                real.set_exception(done.exception())
            else:
                real.set_result(done.result())

        return ms, complete

    def _release(self):
        executor = self.executor_ref()
        if executor is not None:
            executor._idle_semaphore.release()

    def _emit(self, state, doing):
        self.lab.tracer.emit(self.name, 'thread', {'state': state, 'doing': doing, 'kind': 'pool'})


class VirtualThreads:
    def __init__(self, lab, runtime):
        self.lab = lab
        self.runtime = runtime
        self.workers = []
        self.started = []
        self.prestarting = False
        self._saved_start = None

    def install(self):
        self._saved_start = threading.Thread.start
        threads = self

        def start(thread):
            if thread._target is cf_thread._worker and threads.may_start():
                worker = PoolWorker(threads, thread)
                threads.workers.append(worker)
                threads.started.append(thread)
                thread._started.set()
                worker.start()
                return
            raise RuntimeError(CANT_START)

        threading.Thread.start = start

    def uninstall(self):
        if self._saved_start is not None:
            threading.Thread.start = self._saved_start
        # No OS thread stands behind these: the interpreter must not join them at exit.
        for thread in self.started:
            cf_thread._threads_queues.pop(thread, None)

    def may_start(self):
        # The host's rule (threads: 0, threadsRefusedUntilMs) is the rulebook's threadsMayStart.
        return self.prestarting or bool(self.lab.rules.threads_may_start(self.lab.now_ms()))

    def busy(self):
        return any(w.busy for w in self.workers)

    def changed(self):
        queue_ = self.workers[0].queue.shown if self.workers else []
        self.lab.tracer.emit('pool', 'pool', {'queue': list(queue_), 'threads': len(self.workers)})
