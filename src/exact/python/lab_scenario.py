"""A scenario@1 document run as real asyncio code on LabLoop.

Each handler step is the Python it stands for: `sleep` is asyncio.sleep, `io` a selector
readiness event, `gather` asyncio.gather, `lock` an asyncio.Lock or a threading.Lock, `fail` a
raise, `offload` asyncio's own run_in_executor on the default ThreadPoolExecutor, `rpc` a client
whose responses come back through the selector, call_soon_threadsafe or a bare set_result from a
reader thread. `cpu` and `block` hold the loop thread while the virtual clock moves on.
`run(doc)` returns the records the TypeScript side turns into result@1 (its rules, not ours).
"""

import asyncio
import gc
import itertools
import json
import traceback
from asyncio import futures
from concurrent.futures import ThreadPoolExecutor

import lab_loop
from lab_anyio import AnyioPool
from lab_rpc import RpcClient
from lab_server import Server
from lab_steps import Steps
from lab_threads import VirtualQueue, VirtualThreads, VirtualWork
from lab_trace import Tracer
from lab_world import Stop, World


BACKGROUND = ('heartbeat', 'lagMonitor')


class Lab(Steps):
    def __init__(self, scenario, rules, record):
        self.scenario = scenario
        self.rules = rules
        sleep_for = rules.select_sleep_ms
        self.runtime = scenario['runtime']
        self.world = World(scenario['limitMs'] / 1000)
        self.tracer = Tracer(self.world, record)
        self.tracer.requests = {r['id']: r['handler'] for r in scenario['requests']}
        self.fd_requests = self.tracer.fd_requests
        self.fds = itertools.count(1000)
        self.loop = lab_loop.new_loop(self.world, self.tracer, self.fds, sleep_for)
        self.loop.lab_selector.before_sleep = self.before_sleep
        self.loop.set_task_factory(fresh_task_names(self.tracer))
        news = any(r.get('connection') == 'new' for r in scenario['requests'])
        self.server = Server(self) if news else None
        self.threads = VirtualThreads(self, self.runtime)
        self.records = {
            r['id']: {
                'id': r['id'],
                'handler': r['handler'],
                'arriveMs': r['at'],
                'startMs': None,
                'endMs': None,
                'status': 'unfinished',
            }
            for r in scenario['requests']
        }
        self.heartbeats = []
        self.lag = []
        self.ended = 0
        self.async_locks = {}
        self.thread_locks = {}
        self.rpc = RpcClient(self)
        self.anyio = AnyioPool(self)
        self._handlers = {}
        self.host_call = None

    # -- the loop thread held -----------------------------------------------------------------

    def hold_loop(self, ms):
        """cpu / block: the running callback keeps the loop thread for `ms` of virtual time."""
        self.world.advance(self.world.now + ms / 1000)

    def block_loop(self, doing, ms):
        """A blocking call on the loop thread (GIL released, loop held) for `ms`."""
        self.tracer.loop_thread('blocked', doing)
        self.hold_loop(ms)
        self.tracer.loop_thread('running', None)

    def now_ms(self):
        return round(self.world.now * 1000, 6) + 0.0

    # -- set-up -------------------------------------------------------------------------------

    def start(self):
        self.threads.install()
        # threads: 0 means the host refuses every new thread, not a pool of size 0: the pool keeps
        # CPython's default size, min(32, cpu_count + 4), and Thread.start raises.
        rt = self.runtime
        size = rt['threads'] if rt['threads'] > 0 else min(32, rt['cores'] + 4)
        executor = ThreadPoolExecutor(
            max_workers=max(size, rt['threadsStarted']), thread_name_prefix='asyncio'
        )
        executor._work_queue = VirtualQueue()
        self.loop.set_default_executor(executor)
        self.executor = executor
        self._prestart(executor)
        if self.runtime['debug']:
            self.loop.set_debug(True)
            self.loop.slow_callback_duration = self.runtime['slowCallbackMs'] / 1000
        self._bootstrap()
        host = self.runtime['host']
        for request in self.scenario['requests']:
            if host == 'hostThreads':
                self._host_thread(request)
            elif host == 'runUntilComplete':
                self._host_queue(request)
            elif request.get('connection') == 'new':
                self.server.connect(request)
            else:
                self._listen(request)

    def _bootstrap(self):
        """main() (Task-1) and the background tasks take their first steps before anything arrives,
        so at t = 0 their sleeps' timers are set, as in a server that has been up for a while."""
        main = self._main()
        self.tracer.own_coro(main, 'lab:main')
        self.loop.create_task(main)
        for spec in self.scenario['background']:
            coro = self._heartbeat(spec) if spec['kind'] == 'heartbeat' else self._lag_monitor(spec)
            self.tracer.own_coro(coro, spec['kind'])
            self.loop.create_task(coro)
        asyncio.events._set_running_loop(self.loop)
        try:
            while self.loop._ready:
                self.loop._run_once()
        finally:
            asyncio.events._set_running_loop(None)

    def _prestart(self, executor):
        """`threadsStarted` workers that each ran one item before t = 0 (so they sit idle)."""
        recording, self.tracer.recording = self.tracer.recording, False
        self.threads.prestarting = True
        for _ in range(self.runtime['threadsStarted']):
            executor.submit(VirtualWork(self, 0, 'block'))
            self.world.advance(0)
        self.threads.prestarting = False
        self.tracer.recording = recording

    async def _main(self):
        if self.server is not None:
            await self.server.start()
        await self.loop.create_future()

    def _listen(self, request):
        """A keep-alive connection: its bytes make the socket readable at `at`."""
        fd = next(self.fds)
        rid = request['id']

        def read_request():
            self.loop.remove_reader(fd)
            coro = self._handler(request['handler'])(rid)
            self.tracer.own_coro(coro, rid)
            self.loop.create_task(coro)

        read_request.lab_label = f'read request {rid}'
        read_request.lab_request = rid
        self.loop.add_reader(fd, read_request)

        def arrive():
            self.tracer.emit(rid, 'arrive', {'waitsAt': 'selector'})
            self.loop.lab_selector.make_readable(fd)

        self.world.at(request['at'] / 1000, arrive)

    def _host_thread(self, request):
        """hostThreads: a thread of the host hands the request over with CPython's own
        run_coroutine_threadsafe (call_soon_threadsafe: it wakes the loop) and waits in
        fut.result() until the handler has returned."""
        rid = request['id']
        thread = f'host-{rid}'

        def emit(state, doing):
            self.tracer.emit(thread, 'thread', {'state': state, 'doing': doing, 'kind': 'host'})

        def hand_over():
            self.tracer.emit(rid, 'arrive', {'waitsAt': 'host'})
            coro = self._handler(request['handler'])(rid)
            self.tracer.own_coro(coro, rid)
            fut = self.world.on_thread(lambda: asyncio.run_coroutine_threadsafe(coro, self.loop))
            emit('blocked', f'fut.result() for {rid}')
            fut.add_done_callback(lambda _: emit('idle', f"returned {rid}'s response to the host"))

        self.world.at(request['at'] / 1000, hand_over, thread=True)

    def _host_queue(self, request):
        """runUntilComplete: the request arrives in the host, which calls run_until_complete()
        for one request at a time (see `_drive_host`)."""
        rid = request['id']

        def arrive():
            self.tracer.emit(rid, 'arrive', {'waitsAt': 'host'})
            if self.host_call is not None:
                on = f'in the host: run_until_complete() is busy with {self.host_call}'
                self.tracer.emit(rid, 'task', {'state': 'arrived', 'on': on})

        self.world.at(request['at'] / 1000, arrive)

    def _drive_host(self):
        """The host thread: `loop.run_until_complete(handler())` per request, in arrival order;
        between calls the loop does not run at all (no select, no timers)."""
        for request in self.scenario['requests']:
            self.world.advance(max(self.world.now, request['at'] / 1000))
            rid = request['id']
            coro = self._handler(request['handler'])(rid)
            self.tracer.own_coro(coro, rid)
            self.host_call = rid
            try:
                self.loop.run_until_complete(coro)
            except Exception:
                pass  # the handler's error is its request's record; the host goes on
            self.host_call = None
        raise Stop('done')

    def handler_of(self, rid):
        return self._handler(self.tracer.requests[rid])

    async def handler_body(self, name, rid):
        """What a request's handler does: its scenario steps."""
        handler = self.scenario['handlers'][name]
        if handler.get('sync'):
            await self.anyio.run_sync(handler['steps'], rid)
        else:
            await self.run_steps(handler['steps'], rid)

    def _handler(self, name):
        if name not in self._handlers:

            async def handler(rid):
                self.records[rid]['startMs'] = self.now_ms()
                try:
                    await self.handler_body(name, rid)
                except Exception as exc:
                    self.end(rid, 'error', error_text(exc))
                    raise
                else:
                    self.end(rid, 'ok')

            handler.__name__ = handler.__qualname__ = name
            self._handlers[name] = handler
        return self._handlers[name]

    def end(self, rid, status, error=None):
        record = self.records[rid]
        record['endMs'] = self.now_ms()
        record['status'] = status
        detail = {'status': status}
        if error is not None:
            record['error'] = error
            detail['error'] = error
        self.tracer.emit(rid, 'done', detail)
        self.ended += 1

    def before_sleep(self):
        """The loop is about to sleep in select(): end the run if it is over or can never be."""
        if self.ended == len(self.records) and not self._threads_busy() and not self._live():
            raise Stop('done')
        if self.world.next_time() is not None or self._foreground_waiting():
            return
        raise Stop('nothing' if not self.loop._scheduled else 'stalled')

    def _threads_busy(self):
        return self.threads.busy() or self.anyio.busy()

    def _live(self):
        """Tasks still at work for the requests (an orphaned coroutine, a branch left running)."""
        return any(
            self.tracer.owner_of(t) not in (*BACKGROUND, 'lab:main')
            for t in asyncio.all_tasks(self.loop)
        )

    def _foreground_waiting(self):
        """A request's callback is queued, or one of its timers is set (not only background ones)."""
        if any(self.tracer.owner_of_handle(h) not in BACKGROUND for h in self.loop._ready):
            return bool(self.loop._scheduled)  # queued, and a timer will wake the loop to run it
        return any(
            not h._cancelled and self.tracer.owner_of_handle(h) not in BACKGROUND
            for h in self.loop._scheduled
        )

    # -- background tasks ---------------------------------------------------------------------

    async def _heartbeat(self, spec):
        every = spec['everyMs'] / 1000
        self.tracer.waits_on('heartbeat', f"asyncio.sleep({spec['everyMs']:g} ms)")
        await self._first_wake(spec)
        while True:
            self.heartbeats.append(self.now_ms())
            self.tracer.emit('heartbeat', 'beat', {})
            await asyncio.sleep(every)

    async def _lag_monitor(self, spec):
        every = spec['everyMs'] / 1000
        mark = spec['markMs'] / 1000
        self.tracer.waits_on('lagMonitor', f"asyncio.sleep({spec['everyMs']:g} ms)")
        await self._first_wake(spec)
        while True:
            sample = [self.now_ms(), round(mark * 1000, 6) + 0.0, spec['everyMs']]
            self.lag.append(sample)
            self.tracer.emit('lagMonitor', 'lag', {'sample': sample})
            mark = self.loop.time()
            await asyncio.sleep(every)

    async def _first_wake(self, spec):
        """The sleep a task started before 0 is in at 0: asyncio.sleep's own timer, due at `dueMs`
        (even when that is now: a sleep begun earlier has a timer, unlike a fresh sleep(0))."""
        fut = self.loop.create_future()
        self.loop.call_at(spec['dueMs'] / 1000, futures._set_result_unless_cancelled, fut, None)
        await fut

    # -- the end ------------------------------------------------------------------------------

    def run(self):
        stop = None
        # Pyodide marks its own WebLoop as running; CPython's loop refuses to nest in it.
        outer = asyncio.events._get_running_loop()
        asyncio.events._set_running_loop(None)
        release_log = self.tracer.capture_log()
        try:
            self.start()
            if self.runtime['host'] == 'runUntilComplete':
                self._drive_host()
            self.loop.run_forever()
        except Stop as exc:
            stop = exc
        finally:
            self._abandon()
            self.threads.uninstall()
            release_log()
            asyncio.set_event_loop(None)
            asyncio.events._set_running_loop(outer)
        return self.output(stop)

    def _abandon(self):
        """The run is over with tasks still pending: drop them quietly and now, so no "Task was
        destroyed" message reaches a later run's log when the collector happens to run."""
        for task in asyncio.all_tasks(self.loop):
            task._log_destroy_pending = False
        self.loop._ready.clear()
        self.loop._scheduled.clear()
        gc.collect()

    def output(self, stop):
        hung = None
        if stop is not None and stop.kind != 'done':
            hung = {
                'kind': stop.kind,
                'atMs': self.now_ms(),
                'info': stop.info,
                'waits': self.waits(),
            }
        return {
            'endMs': self.now_ms(),
            'hung': hung,
            'requests': list(self.records.values()),
            'heartbeats': self.heartbeats,
            'lag': self.lag,
            'warnings': self.tracer.warnings,
            'trace': self.tracer.events,
        }

    def waits(self):
        out = []
        for rid, record in self.records.items():
            if record['status'] == 'unfinished':
                out.append([rid, self.tracer.wait_of(rid)])
        return out


def fresh_task_names(tracer):
    """A task factory that names tasks as a fresh interpreter would (Task-1 is main()): CPython's
    own counter is process-wide, so a warm Pyodide would otherwise print other names each run.
    It also tells the tracer which connection an `_accept_connection2` task sets up."""
    names = itertools.count(1)

    def factory(loop, coro, name=None, **kwargs):
        conn = coro.cr_frame.f_locals.get('conn') if coro.__name__ == '_accept_connection2' else None
        if conn is not None:
            tracer.own_coro(coro, f'accept:{conn.rid}')
        task = asyncio.Task(coro, loop=loop, name=name or f'Task-{next(names)}', **kwargs)
        if task._source_traceback:  # as create_task does: the factory is not the caller
            del task._source_traceback[-1]
        return task

    return factory


def error_text(exc):
    """`ValueError: bad`, or the bare class name for an exception without a message."""
    return f'{type(exc).__name__}: {exc}' if str(exc) else type(exc).__name__


class Rules:
    """The rulebook's functions a run needs, passed in from TypeScript so no rule is copied here."""

    def __init__(self, select_sleep_ms, threads_may_start):
        self.select_sleep_ms = select_sleep_ms
        self.threads_may_start = threads_may_start


def run(doc_json, select_sleep_ms, threads_may_start, record=True):
    """Runs one scenario (JSON, defaults filled in) and returns the records as JSON."""
    lab = Lab(json.loads(doc_json), Rules(select_sleep_ms, threads_may_start), record)
    try:
        return json.dumps(lab.run())
    except Exception:
        raise RuntimeError(traceback.format_exc())
