"""Your own asyncio code on the lab's loop (CPython's BaseSelectorEventLoop, in virtual time).

Two ways to start it, as in a real program:
  - `asyncio.run(main())` runs main() right there, on the lab's loop, with run_until_complete as
    asyncio.run does; the code after it runs after it, with its return value or its exception;
  - `lab.request` / `lab.arrivals` declare a server's requests (see lab.py): they arrive at their
    times once your module has run, each handled by your coroutine function.
While it runs, `time.sleep` blocks the loop thread (the virtual clock moves on), `time.time`,
`time.monotonic` and `time.perf_counter` read that clock, and what it prints is kept with the
virtual time it was printed at.
"""

import asyncio
import contextlib
import json
import linecache
import sys
import time
import traceback

import lab as lab_api
from lab_output import Output, Stream
from lab_scenario import Lab, Rules

SOURCE = 'main.py'
RUNTIME = {
    'host': 'loop',
    'threads': 6,
    'threadsStarted': 0,
    'gil': True,
    'switchIntervalMs': 5,
    'cores': 2,
    'timerLateness': 'epoll',
}
# What time.time() says at virtual 0: a fixed date, so every run prints the same.
EPOCH_S = 1_767_225_600.0
ONE_RUN = 'the lab runs one asyncio.run() per program: start what else should run from main()'
# Pyodide's own loop (WebLoop) is not CPython's: every way to make a loop but asyncio.run says so.
USE_RUN = (
    'the lab runs your program on CPython\'s own event loop only through asyncio.run(main()) '
    '(or lab.request); {what} would make a different loop'
)
MIXED = (
    'lab.request() and lab.arrivals() declare requests the lab starts after your module; with '
    'asyncio.run(), start your handlers yourself (asyncio.gather, asyncio.create_task)'
)


class Hung(BaseException):
    """asyncio.run() never returns when its loop hangs: the rest of the module does not run."""


class PythonLab(Lab):
    def __init__(self, scenario, functions, rules, record):
        super().__init__(scenario, rules, record)
        self.functions = functions
        self.errors = []
        self.raised = None
        taken = {r['id'] for r in scenario['requests']}
        self.loop.set_task_factory(named_tasks(self.tracer, self.loop.get_task_factory(), taken))

    async def handler_body(self, name, rid):
        try:
            await self.functions[name]()
        except Exception as exc:
            self.errors.append({'request': rid, **where(exc)})
            self.raised = exc
            raise


def named_tasks(tracer, factory, taken):
    """Your tasks' lanes are named after their coroutines (`upload`, `upload-2`), not Task-N."""
    counts = dict.fromkeys(taken, 1)

    def named(loop, coro, **kwargs):
        code = getattr(coro, 'cr_code', None)
        if code is not None and code.co_filename == SOURCE and not tracer.has_owner(coro):
            name = coro.__name__
            counts[name] = counts.get(name, 0) + 1
            tracer.own_coro(coro, name if counts[name] == 1 else f'{name}-{counts[name]}')
        return factory(loop, coro, **kwargs)

    return named


def where(exc):
    """The traceback of your code's frames (the lab's own left out), and the line it ends at."""
    if isinstance(exc, SyntaxError):
        text = ''.join(traceback.format_exception_only(exc)).rstrip()
        return {'line': exc.lineno, 'text': text}
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == SOURCE]
    te = traceback.TracebackException.from_exception(exc)
    lines = ['Traceback (most recent call last):\n', *traceback.StackSummary.from_list(frames).format()]
    text = ''.join(lines + list(te.format_exception_only())).rstrip()
    return {'line': frames[-1].lineno if frames else None, 'text': text}


class Program:
    """One run of your module: its output, its errors, and the lab run it started (if any)."""

    def __init__(self, rules, first_wake, record, send):
        self.rules = rules
        self.first_wake = first_wake
        self.record = record
        self.lab = None
        # The lab while its loop runs; after it the clock stays at the run's end.
        self.live = None
        self.end_s = 0.0
        self.output = Output(self.now_ms, send)
        self.out = None
        self.scenario = None
        self.errors = []
        self.declared = {
            'requests': [],
            'background': [],
            'debug': False,
            'slowCallbackMs': 100,
            'limitMs': 10000,
        }

    # -- the clock and the output ---------------------------------------------------------------

    def now_s(self):
        return self.live.world.thread_now() if self.live is not None else self.end_s

    def now_ms(self):
        return round(self.now_s() * 1000, 6) + 0.0

    def sleep(self, seconds):
        """time.sleep: in a run it holds the loop thread; outside one there is no loop to block."""
        if self.live is not None and not self.live.world.sleep_on_thread(seconds):
            owner = self.live.tracer.current_owner() or 'loop'
            self.live.block_loop(f'{owner}: time.sleep({seconds:g})', seconds * 1000)

    @contextlib.contextmanager
    def patched(self):
        saved = (time.sleep, time.time, time.monotonic, time.perf_counter)
        loops = (asyncio.run, asyncio.new_event_loop, asyncio.get_event_loop, asyncio.Runner)
        streams = (sys.stdout, sys.stderr)
        # Pyodide marks its WebLoop as running; at module level CPython has no running loop.
        outer = asyncio.events._get_running_loop()
        asyncio.events._set_running_loop(None)
        time.sleep = self.sleep
        time.time = lambda: EPOCH_S + self.now_s()
        time.monotonic = time.perf_counter = self.now_s
        asyncio.run = self.asyncio_run
        asyncio.new_event_loop = refuse('asyncio.new_event_loop()')
        asyncio.get_event_loop = running_loop_or(refuse('asyncio.get_event_loop() outside a coroutine'))
        asyncio.Runner = refuse('asyncio.Runner()')
        sys.stdout, sys.stderr = Stream(self.output, 'stdout'), Stream(self.output, 'stderr')
        lab_api._declared = self.declared
        try:
            yield
        finally:
            time.sleep, time.time, time.monotonic, time.perf_counter = saved
            asyncio.run, asyncio.new_event_loop, asyncio.get_event_loop, asyncio.Runner = loops
            sys.stdout, sys.stderr = streams
            asyncio.events._set_running_loop(outer)
            lab_api._declared = None
            self.output.flush()

    # -- the runs -------------------------------------------------------------------------------

    def run(self, source):
        with self.patched():
            self.module(source)
            if self.out is None and not self.errors and self.declared['requests']:
                self.start_lab('loop')
        return {
            'run': self.out,
            'scenario': self.scenario,
            'errors': self.errors,
            'output': self.output.chunks,
        }

    def module(self, source):
        """Runs the module-level code: your definitions, the lab.* declarations, asyncio.run."""
        # Tracebacks quote your lines, as for a file on disk.
        linecache.cache[SOURCE] = (len(source), None, source.splitlines(True), SOURCE)
        try:
            exec(compile(source, SOURCE, 'exec'), {'__name__': '__main__'})
        except Hung:
            pass
        except (Exception, SystemExit) as exc:
            if isinstance(exc, SystemExit) and exc.code in (None, 0):
                return
            # A handler's exception that asyncio.run passed on is already listed, at its request.
            if self.lab is None or exc is not self.lab.raised:
                self.errors.append(where(exc))

    def asyncio_run(self, main, *, debug=None, loop_factory=None):
        """asyncio.run(main()) on the lab's loop: returns main's value, raises its exception."""
        if self.out is not None:
            raise RuntimeError(ONE_RUN)
        if not asyncio.iscoroutine(main):
            raise ValueError(f'a coroutine was expected, got {main!r}')
        if self.declared['requests']:
            main.close()
            raise RuntimeError(MIXED)
        box = {}

        async def program():
            box['value'] = await main

        program.__name__ = main.__name__
        self.declared['requests'].append({'id': main.__name__, 'at': 0, 'handler': program})
        if debug:
            self.declared['debug'] = True
        self.start_lab('runUntilComplete')
        if self.lab.raised is not None:
            raise self.lab.raised
        if self.out['hung'] is not None:
            raise Hung()
        return box.get('value')

    def start_lab(self, host):
        scenario, functions = scenario_of(self.declared, self.first_wake, host)
        self.scenario = scenario
        self.lab = PythonLab(scenario, functions, self.rules, self.record)
        self.lab.tracer.echo = lambda text: self.output.write('stderr', text + '\n')
        lab_api._lab = self.live = self.lab
        try:
            self.out = self.lab.run()
        finally:
            lab_api._lab = self.live = None
            self.end_s = self.lab.world.now
            self.errors.extend(self.lab.errors)


def refuse(what):
    def refused(*args, **kwargs):
        raise RuntimeError(USE_RUN.format(what=what))

    return refused


def running_loop_or(otherwise):
    """asyncio.get_event_loop(): the running loop (the lab's) inside a coroutine, as in CPython."""

    def get_event_loop():
        loop = asyncio.events._get_running_loop()
        return loop if loop is not None else otherwise()

    return get_event_loop


def scenario_of(declared, first_wake, host):
    functions = {}
    for r in declared['requests']:
        fn = r['handler']
        name = getattr(fn, '__name__', 'handler')
        while name in functions and functions[name] is not fn:
            name += '_'
        functions[name] = fn
        r['handler'] = name
    requests = sorted(declared['requests'], key=lambda r: r['at'])
    background = [{**b, **first_wake(b['startMs'], b['everyMs']).to_py()} for b in declared['background']]
    runtime = {
        **RUNTIME,
        'host': host,
        'debug': declared['debug'],
        'slowCallbackMs': declared['slowCallbackMs'],
    }
    scenario = {
        'format': 'event-loop-lab/scenario@1',
        'id': 'python',
        'title': 'Your Python',
        'seed': 1,
        'limitMs': declared['limitMs'],
        'runtime': runtime,
        'handlers': {name: {'steps': []} for name in functions},
        'requests': [{'id': r['id'], 'at': r['at'], 'handler': r['handler']} for r in requests],
        'background': background,
    }
    return scenario, functions


def run(source, select_sleep_ms, threads_may_start, first_wake, record=True, send=None):
    """Runs your module (and the run it starts or declares); returns what happened as JSON."""
    program = Program(Rules(select_sleep_ms, threads_may_start), first_wake, record, send)
    return json.dumps(program.run(source))
