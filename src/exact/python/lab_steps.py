"""Each scenario step as the Python it stands for, run by a request's task on LabLoop (a mixin
of lab_scenario.Lab: it uses the lab's loop, world, tracer, threads, locks and RPC client)."""

import asyncio
import builtins
import contextvars
import functools
import threading

from lab_threads import CANT_START, VirtualWork
from lab_world import Stop


class Steps:
    # -- steps --------------------------------------------------------------------------------

    async def run_steps(self, steps, owner):
        for step in steps:
            await self.run_step(step, owner)

    async def run_step(self, step, owner):
        op = step['op']
        if op == 'cpu':
            self.hold_loop(step['ms'])
        elif op == 'block':
            self.block_loop(f"{owner}: blocking call ({step['ms']:g} ms)", step['ms'])
        elif op == 'sleep':
            self.tracer.waits_on(owner, f"asyncio.sleep({step['ms']:g} ms)")
            await asyncio.sleep(step['ms'] / 1000)
        elif op == 'io':
            await self.io(step['ms'], owner)
        elif op == 'offload':
            await self.offload(step, owner)
        elif op == 'lock':
            await self.lock(step, owner)
        elif op == 'gather':
            await self.gather(step, owner)
        elif op == 'rpc':
            self.tracer.waits_on(owner, 'an RPC response')
            await self.rpc.call(step, owner)
        elif op == 'fail':
            raise make_error(step['error'])
        elif op == 'threadsafeResult':
            await self.threadsafe_result(step, owner)
        else:
            raise NotImplementedError(op)

    async def io(self, ms, owner):
        fd = next(self.fds)
        fut = self.loop.create_future()

        def ready():
            self.loop.remove_reader(fd)
            fut.set_result(None)

        ready.lab_label = f'I/O ready → {owner}'
        self.loop.add_reader(fd, ready)
        self.world.at(self.world.now + ms / 1000, lambda: self.loop.lab_selector.make_readable(fd))
        self.tracer.waits_on(owner, f'I/O ({ms:g} ms)')
        await fut

    async def offload(self, step, owner):
        work = VirtualWork(self, step['ms'], step['work'])
        call = functools.partial(contextvars.copy_context().run, work)
        try:
            fut = self.loop.run_in_executor(None, call)
        except RuntimeError as exc:
            if step['noThread'] == 'inline' and str(exc) == CANT_START:
                doing = f"{owner}: inline fallback, {step['work']} {step['ms']:g} ms"
                self.tracer.loop_thread('blocked' if step['work'] == 'block' else 'running', doing)
                work()
                self.tracer.loop_thread('running', None)
                return
            raise
        self.tracer.future_owner(fut, owner)
        self.tracer.waits_on(owner, f"to_thread({step['work']} {step['ms']:g} ms)")
        await fut

    async def lock(self, step, owner):
        name = step['name']
        if step['kind'] == 'asyncio':
            lock = self.async_locks.setdefault(name, asyncio.Lock())
            self.tracer.waits_on(owner, f"asyncio.Lock '{name}'")
            async with lock:
                await self.run_steps(step['steps'], owner)
            return
        lock, holder = self.thread_locks.get(name, (None, None))
        if lock is None:
            lock = threading.Lock()
        actor = f'lock:{name}'
        if not lock.acquire(blocking=False):
            # A blocking acquire on the loop thread: the holder can only release it on this same
            # thread, which now waits for good. CPython would hang here; the lab reports it.
            self.tracer.loop_thread('blocked', f"{owner}: threading.Lock '{name}'.acquire()")
            self.tracer.emit(actor, 'lock', {'kind': 'thread', 'holder': holder, 'joined': [owner], 'left': []})
            raise Stop('deadlock', name=name, waiter=owner, holder=holder)
        self.thread_locks[name] = (lock, owner)
        self.tracer.emit(actor, 'lock', {'kind': 'thread', 'holder': owner, 'joined': [], 'left': []})
        try:
            await self.run_steps(step['steps'], owner)
        finally:
            self.thread_locks[name] = (lock, None)
            lock.release()
            self.tracer.emit(actor, 'lock', {'kind': 'thread', 'holder': None, 'joined': [], 'left': []})

    async def threadsafe_result(self, step, owner):
        """`run_coroutine_threadsafe(coro, loop).result(timeout)` called on the loop's own thread."""
        child = f'{owner}/coro'
        coro = self.run_steps(step['steps'], child)
        self.tracer.own_coro(coro, child)
        asyncio.run_coroutine_threadsafe(coro, self.loop)
        # .result() waits in a threading.Condition on this thread, the only one that could run
        # coro. Pyodide's Condition cannot wait in virtual time, so the wait is played here: for
        # ever (reported, as CPython would hang), or for the timeout, holding the loop.
        timeout = step.get('timeoutMs')
        if timeout is None:
            self.tracer.loop_thread('blocked', f'{owner}: Future.result() for {child}')
            raise Stop('resultOnLoop', waiter=owner, child=child)
        self.block_loop(f'{owner}: Future.result(timeout={timeout:g} ms)', timeout)
        raise TimeoutError()

    async def gather(self, step, owner):
        coros = []
        for i, branch in enumerate(step['branches']):
            child = f'{owner}/{len(self.tracer.children(owner)) + 1}'
            self.tracer.add_child(owner, child)
            coro = self.run_steps(branch, child)
            self.tracer.own_coro(coro, child)
            coros.append(coro)
        self.tracer.waits_on(owner, 'asyncio.gather(...)')
        if step.get('collect', 'gather') == 'gather':
            await asyncio.gather(*coros)
            return
        # as_completed wraps bare coroutines in Tasks in set order (by address: arbitrary, and not
        # the same from run to run); Tasks created in list order keep the run deterministic.
        tasks = [self.loop.create_task(c) for c in coros]
        for fut in asyncio.as_completed(tasks):
            await fut


def make_error(text):
    """`ValueError: bad` as a real exception of that class (a new class if no builtin has the name)."""
    name, _, message = text.partition(': ')
    cls = getattr(builtins, name, None)
    if not (isinstance(cls, type) and issubclass(cls, Exception)):
        cls = type(name, (Exception,), {})
    return cls(message) if message else cls()
