"""FastAPI's `def` endpoints (F32), their threads modelled: Starlette's `run_in_threadpool` →
`anyio.to_thread.run_sync`. Pyodide has neither anyio nor threads, so this follows anyio's worker
model at virtual time, as the engine's AnyioPool does: `async with limiter` takes one of 40 tokens
after a checkpoint, or waits first-in first-out for one; the call goes to the most recently idle
worker, or a new thread starts (a refused start raises inside the `async with`, which gives the
token back); the worker runs the endpoint's cpu / block steps and reports through the loop's real
`call_soon_threadsafe`, and only then is idle again."""

import asyncio
import collections

from lab_steps import make_error
from lab_threads import CANT_START

TOKENS = 40


class _Call:
    def __init__(self, steps, owner, fut):
        self.steps = steps
        self.owner = owner
        self.fut = fut
        self.pc = 0
        self.error = None


class _Worker:
    def __init__(self, pool, number):
        self.pool = pool
        self.lab = pool.lab
        self.name = f'anyio-{number}'
        self.call = None

    def give(self, call):
        self.call = call
        self.lab.world.at(self.lab.world.now, self._next, thread=True)

    def _next(self):
        call = self.call
        while call.pc < len(call.steps):
            step = call.steps[call.pc]
            call.pc += 1
            if step['op'] == 'fail':
                call.error = step['error']
                break
            state = 'blocked' if step['op'] == 'block' else 'running'
            self._emit(state, f"{call.owner}: def endpoint, {step['op']}")
            self.lab.world.at(self.lab.world.now + step['ms'] / 1000, self._next, thread=True)
            return
        self.call = None
        self._emit('idle', 'anyio worker: waiting for work')

        def report():
            self.pool.idle.append(self)
            if not call.fut.done():
                call.fut.set_result(call.error)

        report.lab_label = f'_report_result → {call.owner}'
        self.lab.world.on_thread(lambda: self.lab.loop.call_soon_threadsafe(report))

    def _emit(self, state, doing):
        self.lab.tracer.emit(self.name, 'thread', {'state': state, 'doing': doing, 'kind': 'pool'})


class AnyioPool:
    def __init__(self, lab, tokens=TOKENS):
        self.lab = lab
        self.total = tokens
        self.tokens = tokens
        self.waiters = collections.deque()
        self.idle = []
        self.workers = []

    def busy(self):
        return any(w.call is not None for w in self.workers)

    async def run_sync(self, steps, owner):
        """The endpoint's steps on a worker thread; the error they end in is raised here."""
        await self._acquire(owner)
        try:
            error = await self._run(steps, owner)
        finally:
            self._release()
        if error is not None:
            raise make_error(error)

    async def _acquire(self, owner):
        if self.tokens > 0:
            self.tokens -= 1
            await asyncio.sleep(0)  # anyio's checkpoint
            return
        fut = self.lab.loop.create_future()
        self.waiters.append(fut)
        self.lab.tracer.waits_on(owner, f'anyio limiter: waiting for a token (all {self.total} in use)')
        await fut  # the releasing call hands its token over

    def _release(self):
        while self.waiters:
            fut = self.waiters.popleft()
            if not fut.done():
                fut.set_result(None)
                return
        self.tokens += 1

    def _run(self, steps, owner):
        fut = self.lab.loop.create_future()
        if self.idle:
            worker = self.idle.pop()
        elif self.lab.threads.may_start():
            worker = _Worker(self, len(self.workers) + 1)
            self.workers.append(worker)
        else:
            raise RuntimeError(CANT_START)
        self.lab.tracer.waits_on(owner, f"anyio.to_thread.run_sync: {owner}'s def endpoint")
        worker.give(_Call(steps, owner, fut))
        return fut
