#!/usr/bin/env python3
"""Record what an asyncio event loop did, as a Chrome Trace Event file for Event Loop Lab.

Standard library only; CPython 3.9-3.14. Three ways to start it:

    python event_loop_lab_record.py -o trace.json -- uvicorn app:app --loop asyncio
    python event_loop_lab_record.py -o trace.json -m mypackage.server --port 8000
    import event_loop_lab_record; event_loop_lab_record.start("trace.json")   # e.g. in lifespan

It records until the process ends, or until --duration seconds have passed, then writes the
file. Every loop callback and task step becomes an `X` slice on the loop thread (cat task-step or
callback), every selector wait a `select` slice with the timeout asked for, every thread-pool
work item an `executor` slice on its thread with a flow arrow from where it was submitted, and
every ASGI request an async `b`/`e` pair. Under uvloop, whose callbacks never reach
`Handle._run`, it says so and falls back to a heartbeat plus a watchdog that samples the loop
thread's stack during a stall.
"""

import argparse
import asyncio
import asyncio.events
import atexit
import concurrent.futures.thread as _cf_thread
import itertools
import json
import os
import runpy
import sys
import threading
import time

VERSION = "1.0.0"
FORMAT = "event-loop-lab/trace@1"

# The loop's own clock (loop.time() is time.monotonic()), so a timer's lateness is start - when.
_clock = time.monotonic
# The loop thread's CPU time: a run that took far longer than its CPU time waited in a blocking
# call (time.sleep, a sync socket), which releases the GIL, rather than computing, which holds it.
# Where a platform has no per-thread CPU clock, runs carry no CPU time.
_HAS_CPU_CLOCK = hasattr(time, "thread_time")
_cpu_clock = time.thread_time if _HAS_CPU_CLOCK else (lambda: 0.0)
# Runs shorter than this carry no CPU time: the difference would be below the clocks' resolution.
_CPU_MIN_S = 0.001
_SELECT_WAITED_S = 20e-6
_CPU_MARK_AGE_S = 0.001
_SELF_FILE = os.path.abspath(__file__)


class _Recorder:
    """Holds the raw records; turning them into trace events waits until the file is written."""

    def __init__(self, path, redact=False, heartbeat_s=0.01, stall_s=0.05):
        self.path = path
        self.redact = redact
        self.heartbeat_s = heartbeat_s
        self.stall_s = stall_s
        self.runs = []  # (t0, t1, callback, when, line, cpu s of a long run or None, task a timer wakes)
        self.selects = []  # (t0, t1, timeout)
        self.work = []  # (t0, t1, native thread id, thread name, fn, submit id)
        self.submits = {}  # submit id -> (t, task)
        self.tasks = []  # (t, task, parent)
        self.requests = []  # (id, t0, t1, method, path, status, task)
        self.beats = []  # (due, ran) of the uvloop heartbeat
        self.samples = []  # (t, stack) taken by the watchdog during a stall
        self.running_since = 0.0  # start of the callback running now, 0 when none
        # The loop thread's CPU clock and the wall clock, read together after each select; a loop
        # whose select is not hooked (the proactor's) gets no CPU times.
        self.cpu_marks = False
        self.cpu_mark = _cpu_clock()
        self.wall_mark = _clock()
        self.last_beat = 0.0
        self.loop_class = None
        self.loop_tid = None
        self.loop_ident = None
        self.uvloop = False
        self.t_start = _clock()
        self.done = False
        self.ids = itertools.count(1)


_rec = None
_originals = {}


def _note(message):
    sys.stderr.write("event_loop_lab_record: %s\n" % message)


# --- hooks -------------------------------------------------------------------------------------


def _hook_handle_run():
    orig = asyncio.events.Handle._run
    _originals["Handle._run"] = orig
    task_types = tuple({asyncio.Task, getattr(asyncio.tasks, "_PyTask", asyncio.Task)})
    clock, cpu_clock = _clock, _cpu_clock

    def _run(self):
        rec = _rec
        cb = self._callback
        when = getattr(self, "_when", None)
        woken = _woken_task(self._args, task_types) if when is not None else None
        t0 = clock()
        rec.running_since = t0
        try:
            return orig(self)
        finally:
            t1 = clock()
            rec.running_since = 0.0
            long_run = t1 - t0 >= _CPU_MIN_S and rec.cpu_marks
            cpu = _long_run_cpu(rec, t0, t1, cpu_clock) if long_run else None
            # The line a step suspended at is only readable now; later the frame has moved on.
            line = 0
            task = getattr(cb, "__self__", None)
            if isinstance(task, task_types):
                frame = getattr(task.get_coro(), "cr_frame", None)
                if frame is not None:
                    line = frame.f_lineno
            rec.runs.append((t0, t1, cb, when, line, cpu, woken))

    asyncio.events.Handle._run = _run


def _long_run_cpu(rec, t0, t1, cpu_clock):
    """A long run's CPU time without a clock reading before every callback (the thread's CPU
    clock is a system call, most of the recorder's cost per callback): the CPU since the mark (see
    _hook_select; a long run moves it to its end) less the wall time from the mark to the run's
    start, which the loop spent on its own work and short callbacks, all on this thread."""
    c1 = cpu_clock()
    cpu = (c1 - rec.cpu_mark) - (t0 - rec.wall_mark)
    rec.cpu_mark, rec.wall_mark = c1, t1
    return min(max(cpu, 0.0), t1 - t0)


def _woken_task(args, task_types):
    """The task a timer wakes: asyncio.sleep's timer sets a future the task awaits, whose
    callbacks (read before the timer runs them) hold the task's wake-up."""
    future = args[0] if args else None
    for callback, _context in getattr(future, "_callbacks", None) or ():
        task = getattr(callback, "__self__", None)
        if isinstance(task, task_types):
            return task
    return None


def _hook_loop_start():
    """Patches loop creation (the task factory: asyncio.run creates its main task before the
    loop runs) and run_forever (the selector hook, and which thread is the loop's)."""
    base = asyncio.base_events.BaseEventLoop
    orig_init, orig = base.__init__, base.run_forever
    _originals["BaseEventLoop"] = (orig_init, orig)

    def __init__(self, *args, **kwargs):
        orig_init(self, *args, **kwargs)
        _instrument(self)

    def run_forever(self):
        _attach(self)
        return orig(self)

    base.__init__ = __init__
    base.run_forever = run_forever
    try:
        import uvloop  # noqa: F401  (only to patch it when the app uses it)
    except ImportError:
        return
    uv_orig = uvloop.Loop.run_forever
    _originals["uvloop.run_forever"] = uv_orig

    def uv_run_forever(self):
        _attach(self)
        return uv_orig(self)

    uvloop.Loop.run_forever = uv_run_forever


def _attach(loop):
    rec = _rec
    if rec is None or getattr(loop, "_event_loop_lab", False):
        return
    loop._event_loop_lab = True
    rec.loop_class = "%s.%s" % (type(loop).__module__, type(loop).__qualname__)
    rec.loop_tid = threading.get_native_id()
    rec.loop_ident = threading.get_ident()
    rec.uvloop = type(loop).__module__.startswith("uvloop")
    if rec.uvloop:
        _note(
            "uvloop detected: its callbacks never pass through Handle._run, so this trace has a "
            "heartbeat and stall samples only; per-callback timings need --loop asyncio"
        )
        _start_heartbeat(loop)
    selector = getattr(loop, "_selector", None)
    if selector is not None:
        _hook_select(selector)
    _instrument(loop)


def _instrument(loop):
    if getattr(loop, "_event_loop_lab_factory", False):
        return
    loop._event_loop_lab_factory = True
    _set_task_factory(loop)


def _hook_select(selector):
    orig = selector.select
    clock = _clock

    cpu_clock = _cpu_clock
    _rec.cpu_marks = True

    def select(timeout=None):
        rec = _rec
        t0 = clock()
        try:
            return orig(timeout)
        finally:
            t1 = clock()
            rec.selects.append((t0, t1, timeout))
            # Waiting costs no CPU, so the next long run counts its CPU from a mark taken after
            # the last select that waited. A select that returns at once (a busy loop's) keeps the
            # mark for up to a millisecond: the CPU clock is a system call, and what the estimate
            # can miss is a short callback's blocking since the mark, at most that millisecond.
            if t1 - t0 > _SELECT_WAITED_S or t1 - rec.wall_mark > _CPU_MARK_AGE_S:
                rec.cpu_mark, rec.wall_mark = cpu_clock(), t1

    selector.select = select


def _set_task_factory(loop):
    inner = loop.get_task_factory()

    def factory(loop, coro, **kwargs):
        if inner is None:
            task = asyncio.Task(coro, loop=loop, **kwargs)
        else:
            task = inner(loop, coro, **kwargs)
        try:
            parent = asyncio.current_task(loop)
        except RuntimeError:
            parent = None
        _rec.tasks.append((_clock(), task, parent))
        return task

    loop.set_task_factory(factory)


def _hook_thread_pool():
    work_item = _cf_thread._WorkItem
    orig_init, orig_run = work_item.__init__, work_item.run
    _originals["_WorkItem"] = (orig_init, orig_run)
    clock = _clock

    def __init__(self, *args, **kwargs):
        orig_init(self, *args, **kwargs)
        rec = _rec
        sid = next(rec.ids)
        self._event_loop_lab = sid
        task = None
        if threading.get_ident() == rec.loop_ident:
            try:
                task = asyncio.current_task()
            except RuntimeError:
                pass
        rec.submits[sid] = (clock(), task)

    def run(self, *args, **kwargs):  # 3.14 passes the worker's context
        t0 = clock()
        try:
            return orig_run(self, *args, **kwargs)
        finally:
            current = threading.current_thread()
            _rec.work.append(
                (t0, clock(), threading.get_native_id(), current.name, _work_fn(self),
                 getattr(self, "_event_loop_lab", None))
            )

    work_item.__init__ = __init__
    work_item.run = run


def _work_fn(item):
    """The function a work item runs: `fn` up to 3.13, the first of its `task` tuple in 3.14."""
    fn = getattr(item, "fn", None)
    if fn is None:
        task = getattr(item, "task", None)
        fn = task[0] if isinstance(task, tuple) and task else task
    return fn


# --- requests ----------------------------------------------------------------------------------


class EventLoopLabMiddleware:
    """ASGI middleware: records each HTTP request's path, arrival, response end and task."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        rec = _rec
        if rec is None or scope.get("type") != "http":
            return await self.app(scope, receive, send)
        rid = next(rec.ids)
        t0 = _clock()
        state = {"status": None, "end": None}

        async def send_recorded(message):
            if message.get("type") == "http.response.start":
                state["status"] = message.get("status")
            await send(message)
            if message.get("type") == "http.response.body" and not message.get("more_body"):
                state["end"] = _clock()

        try:
            await self.app(scope, receive, send_recorded)
        finally:
            try:
                task = asyncio.current_task()
            except RuntimeError:
                task = None
            end = state["end"] if state["end"] is not None else _clock()
            rec.requests.append(
                (rid, t0, end, scope.get("method", ""), scope.get("path", ""), state["status"], task)
            )


def _hook_uvicorn():
    """Wraps the app uvicorn loads in the middleware, when uvicorn is the program being run."""
    try:
        import uvicorn.config
    except ImportError:
        return
    config = uvicorn.config.Config
    orig = config.load
    _originals["uvicorn.load"] = orig

    def load(self):
        orig(self)
        if not isinstance(self.loaded_app, EventLoopLabMiddleware):
            self.loaded_app = EventLoopLabMiddleware(self.loaded_app)

    config.load = load


# --- uvloop fallback: heartbeat and watchdog ----------------------------------------------------


def _start_heartbeat(loop):
    def beat(due):
        now = _clock()
        _rec.beats.append((due, now))
        _rec.last_beat = now
        if not _rec.done:
            loop.call_at(now + _rec.heartbeat_s, beat, now + _rec.heartbeat_s)

    now = _clock()
    _rec.last_beat = now
    loop.call_soon_threadsafe(beat, now)


def _watchdog():
    """Samples the loop thread's stack while one callback (or, under uvloop, the gap between two
    heartbeats) has run longer than the stall threshold: it names the line a stall sat on."""
    rec = _rec
    while not rec.done:
        time.sleep(rec.stall_s / 2)
        if rec.loop_ident is None:
            continue
        since = rec.last_beat if rec.uvloop else rec.running_since
        if since and _clock() - since > rec.stall_s:
            frame = sys._current_frames().get(rec.loop_ident)
            if frame is not None:
                rec.samples.append((_clock(), _stack(frame)))


def _stack(frame, depth=8):
    out = []
    while frame is not None and len(out) < depth:
        code = frame.f_code
        if os.path.abspath(code.co_filename) != _SELF_FILE:
            out.append("%s (%s:%d)" % (code.co_name, code.co_filename, frame.f_lineno))
        frame = frame.f_back
    return out


# --- output ------------------------------------------------------------------------------------


class _Names:
    """Stable placeholders for --redact: the same path, task or route gets the same name."""

    def __init__(self, on):
        self.on = on
        self.seen = {}

    def __call__(self, kind, value):
        if not self.on or value in (None, ""):
            return value
        key = (kind, value)
        if key not in self.seen:
            self.seen[key] = "%s-%d" % (kind, sum(1 for k in self.seen if k[0] == kind) + 1)
        return self.seen[key]


def _us(t):
    return round(t * 1e6, 3)


def _coro_info(coro):
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    name = getattr(coro, "__qualname__", None) or type(coro).__name__
    return name, code


def _callback_name(cb):
    inner = getattr(cb, "func", cb)  # functools.partial
    return getattr(inner, "__qualname__", None) or type(inner).__name__


def _callback_where(cb):
    inner = getattr(cb, "func", cb)
    code = getattr(getattr(inner, "__func__", inner), "__code__", None)
    return (code.co_filename, code.co_firstlineno) if code is not None else (None, 0)


def build_trace(rec):
    """Turns the raw records into the Chrome Trace Event object form."""
    names = _Names(rec.redact)
    pid = os.getpid()
    loop_tid = rec.loop_tid or threading.get_native_id()
    task_ids = {}

    def task_id(task):
        if task is None:
            return None
        key = id(task)
        if key not in task_ids:
            task_ids[key] = len(task_ids) + 1
        return task_ids[key]

    def where(filename, line):
        return None if filename is None else "%s:%d" % (names("file", filename), line)

    events = [
        {"ph": "M", "pid": pid, "tid": loop_tid, "name": "process_name", "args": {"name": "python"}},
        {"ph": "M", "pid": pid, "tid": loop_tid, "name": "thread_name", "args": {"name": "event loop"}},
    ]
    for t, task, parent in rec.tasks:
        coro, code = _coro_info(task.get_coro())
        events.append({
            "ph": "i", "s": "t", "cat": "task", "name": "task created", "pid": pid, "tid": loop_tid,
            "ts": _us(t), "args": {
                "taskId": task_id(task), "task": names("task", task.get_name()),
                "coro": coro, "parentId": task_id(parent),
            },
        })
    for t0, t1, cb, when, line, cpu, woken in rec.runs:
        task = getattr(cb, "__self__", None)
        args = {}
        if isinstance(task, asyncio.Future) and hasattr(task, "get_coro"):
            coro, code = _coro_info(task.get_coro())
            filename = code.co_filename if code is not None else None
            args = {
                "taskId": task_id(task), "task": names("task", task.get_name()), "coro": coro,
                "where": where(filename, line or (code.co_firstlineno if code else 0)),
            }
            event = {"name": coro, "cat": "task-step"}
        else:
            filename, first = _callback_where(cb)
            args = {"where": where(filename, first)}
            event = {"name": _callback_name(cb), "cat": "callback"}
        if when is not None:
            args["lateMs"] = round(max(0.0, t0 - when) * 1e3, 3)
        if woken is not None:
            args["wakesTaskId"] = task_id(woken)
        if _HAS_CPU_CLOCK and cpu is not None:
            args["cpuMs"] = round(cpu * 1e3, 3)
        event.update({"ph": "X", "pid": pid, "tid": loop_tid, "ts": _us(t0), "dur": _us(t1 - t0),
                      "args": args})
        events.append(event)
    for t0, t1, timeout in rec.selects:
        events.append({
            "ph": "X", "cat": "select", "name": "select", "pid": pid, "tid": loop_tid,
            "ts": _us(t0), "dur": _us(t1 - t0),
            "args": {"timeoutMs": None if timeout is None else round(timeout * 1e3, 3)},
        })
    threads = {}
    for t0, t1, tid, tname, fn, sid in rec.work:
        threads[tid] = tname
        submit = rec.submits.get(sid)
        args = {"fn": _callback_name(fn)}
        if submit is not None:
            args["submittedBy"] = names("task", submit[1].get_name()) if submit[1] else None
            args["submittedByTaskId"] = task_id(submit[1])
            args["submitMs"] = round(submit[0] * 1e3, 3)
            events.append({"ph": "s", "cat": "executor", "name": "submit", "id": sid, "pid": pid,
                           "tid": loop_tid, "ts": _us(submit[0])})
            events.append({"ph": "f", "bp": "e", "cat": "executor", "name": "submit", "id": sid,
                           "pid": pid, "tid": tid, "ts": _us(t0)})
        events.append({"ph": "X", "cat": "executor", "name": args["fn"], "pid": pid, "tid": tid,
                       "ts": _us(t0), "dur": _us(t1 - t0), "args": args})
    for tid, tname in threads.items():
        events.append({"ph": "M", "pid": pid, "tid": tid, "name": "thread_name",
                       "args": {"name": tname}})
    for rid, t0, t1, method, path, status, task in rec.requests:
        common = {"cat": "request", "name": names("route", path), "id": str(rid), "pid": pid,
                  "tid": loop_tid}
        events.append(dict(common, ph="b", ts=_us(t0), args={
            "method": method, "path": names("route", path), "taskId": task_id(task)}))
        events.append(dict(common, ph="e", ts=_us(t1), args={"status": status}))
    for due, ran in rec.beats:
        events.append({"ph": "i", "s": "t", "cat": "heartbeat", "name": "heartbeat", "pid": pid,
                       "tid": loop_tid, "ts": _us(ran), "args": {"lateMs": round(max(0.0, ran - due) * 1e3, 3)}})
    for t, stack in rec.samples:
        if rec.redact:
            stack = [names("frame", s) for s in stack]
        events.append({"ph": "i", "s": "t", "cat": "stall-sample", "name": "stall sample",
                       "pid": pid, "tid": loop_tid, "ts": _us(t), "args": {"stack": stack}})
    return {
        "traceEvents": events,
        "displayTimeUnit": "ms",
        "otherData": {
            "format": FORMAT,
            "recorder": "event_loop_lab_record.py",
            "recorderVersion": VERSION,
            "python": sys.version.split()[0],
            "implementation": sys.implementation.name,
            "loop": rec.loop_class,
            "uvloop": rec.uvloop,
            "perCallback": not rec.uvloop,
            "clock": "time.monotonic, microseconds",
            "redacted": rec.redact,
        },
    }


# --- start and stop ----------------------------------------------------------------------------


def start(path="trace.json", duration=None, redact=False):
    """Starts recording (at most once per process); the file is written at exit or after
    `duration` seconds. Returns the recorder's stop function."""
    global _rec
    if _rec is not None:
        return stop
    _rec = _Recorder(path, redact=redact)
    _hook_handle_run()
    _hook_loop_start()
    _hook_thread_pool()
    _hook_uvicorn()
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if loop is not None:  # started from inside a running app, e.g. its lifespan
        _attach(loop)
    threading.Thread(target=_watchdog, name="event-loop-lab watchdog", daemon=True).start()
    atexit.register(stop)
    if duration:
        timer = threading.Timer(duration, stop)
        timer.daemon = True
        timer.start()
    return stop


def stop():
    """Stops recording and writes the trace file (once)."""
    rec = _rec
    if rec is None or rec.done:
        return
    rec.done = True
    trace = build_trace(rec)
    with open(rec.path, "w", encoding="utf-8") as out:
        json.dump(trace, out, separators=(",", ":"))
    _note("wrote %s (%d events)" % (rec.path, len(trace["traceEvents"])))


def _parse(argv):
    parser = argparse.ArgumentParser(
        prog="event_loop_lab_record.py",
        description="Record an asyncio program's event loop as a Chrome Trace Event file.",
        usage="%(prog)s [-o FILE] [--duration S] [--redact] (-m MODULE | -- PROGRAM) [ARGS...]",
    )
    parser.add_argument("-o", "--output", default="trace.json", help="trace file to write")
    parser.add_argument("--duration", type=float, help="stop recording after this many seconds")
    parser.add_argument("--redact", action="store_true",
                        help="replace paths, task names and routes with stable placeholders")
    parser.add_argument("-m", dest="module", help="run a module, as python -m does")
    parser.add_argument("program", nargs=argparse.REMAINDER, help="program and its arguments")
    args = parser.parse_args(argv)
    program = [a for a in args.program if a != "--"] if args.program[:1] == ["--"] else args.program
    if not args.module and not program:
        parser.error("name a program after -- (e.g. -- uvicorn app:app --loop asyncio) or -m MODULE")
    return args, program


def _run_program(program):
    """Runs a console script (uvicorn, hypercorn, ...) or a .py file in this process."""
    import shutil

    target = program[0]
    sys.argv = list(program)
    if target.endswith(".py"):
        runpy.run_path(target, run_name="__main__")
        return
    if target in ("python", "python3"):
        raise SystemExit("run the script directly: -- app.py, or -m module")
    try:
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    except ImportError:
        script = shutil.which(target)
        if script is None:
            raise SystemExit("cannot find %s on PATH nor as a module" % target)
        runpy.run_path(script, run_name="__main__")


def main(argv=None):
    args, program = _parse(sys.argv[1:] if argv is None else argv)
    sys.path.insert(0, os.getcwd())
    start(args.output, duration=args.duration, redact=args.redact)
    try:
        if args.module:
            sys.argv = [args.module] + program
            runpy.run_module(args.module, run_name="__main__", alter_sys=True)
        else:
            _run_program(program)
    except KeyboardInterrupt:
        pass
    finally:
        stop()


if __name__ == "__main__":
    main()
