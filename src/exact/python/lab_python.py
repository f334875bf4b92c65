"""Your own asyncio code on the lab's loop: what `lab.py` declares becomes the run's requests and
background tasks; each handler is your coroutine function, run by CPython's own loop in virtual
time. `time.sleep` blocks the loop thread (the virtual clock moves on), as it would for real.
"""

import json
import linecache
import time
import traceback

import lab as lab_api
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


class PythonLab(Lab):
    def __init__(self, scenario, functions, rules, record):
        super().__init__(scenario, rules, record)
        self.functions = functions
        self.errors = []

    async def handler_body(self, name, rid):
        try:
            await self.functions[name]()
        except Exception as exc:
            self.errors.append({'request': rid, **where(exc)})
            raise


def where(exc):
    """The traceback of your code's frames (the lab's own left out), and the line it ends at."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == SOURCE]
    te = traceback.TracebackException.from_exception(exc)
    lines = ['Traceback (most recent call last):\n', *traceback.StackSummary.from_list(frames).format()]
    text = ''.join(lines + list(te.format_exception_only())).rstrip()
    return {'line': frames[-1].lineno if frames else None, 'text': text}


def declare(source):
    """Runs the module-level code: your definitions and the lab.* declarations."""
    # Tracebacks quote your lines, as for a file on disk.
    linecache.cache[SOURCE] = (len(source), None, source.splitlines(True), SOURCE)
    code = compile(source, SOURCE, 'exec')
    declared = {'requests': [], 'background': [], 'debug': False, 'slowCallbackMs': 100, 'limitMs': 10000}
    lab_api._declared = declared
    try:
        exec(code, {'__name__': '__main__'})
    finally:
        lab_api._declared = None
    return declared


def scenario_of(declared, first_wake):
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
    runtime = {**RUNTIME, 'debug': declared['debug'], 'slowCallbackMs': declared['slowCallbackMs']}
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


def run(source, select_sleep_ms, threads_may_start, first_wake, record=True):
    """Runs your module and its declared requests; returns the records (or the source error) as JSON."""
    try:
        declared = declare(source)
    except SyntaxError as exc:
        return json.dumps({'sourceError': {'line': exc.lineno, 'text': f'SyntaxError: {exc.msg}'}})
    except Exception as exc:
        return json.dumps({'sourceError': where(exc)})
    scenario, functions = scenario_of(declared, first_wake)
    lab = PythonLab(scenario, functions, Rules(select_sleep_ms, threads_may_start), record)
    real_sleep = time.sleep

    def blocking_sleep(seconds):
        owner = lab.tracer.current_owner() or 'loop'
        lab.block_loop(f'{owner}: time.sleep({seconds:g})', seconds * 1000)

    time.sleep = blocking_sleep
    lab_api._lab = lab
    try:
        out = lab.run()
    finally:
        time.sleep = real_sleep
        lab_api._lab = None
    out['scenario'] = scenario
    out['errors'] = lab.errors
    return json.dumps(out)
