"""The recorder's overhead: the same asyncio workloads unrecorded, then recorded, interleaved in
rounds in one process (the recorder's hooks installed and removed between rounds) so machine
load hits each alike. Prints JSON: {"rounds": [{"plainCbUs", "recCbUs", "plainStepUs",
"recStepUs"}, ...], "python": "..."}: µs per empty callback (call_soon of a no-op) and per step of
a task whose steps each do ~100 µs of pure-Python work between awaits, as a realistic handler
does, unrecorded and recorded. All are the loop thread's CPU time (time.thread_time), which other
processes' load distorts less, though not enough on a busy machine: bench/recorder.bench.ts
compares the best round of each (as timeit does) and shows the paired rounds' spread.
"""

import asyncio
import asyncio.base_events
import asyncio.events
import concurrent.futures.thread as cf_thread
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "public"))
import event_loop_lab_record as rec  # noqa: E402

CALLBACKS = 20_000
STEPS = 2_000
ROUNDS = 15


async def empty_callbacks():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    left = [CALLBACKS]

    def tick():
        left[0] -= 1
        if left[0] == 0:
            done.set_result(None)
        else:
            loop.call_soon(tick)

    t0 = time.thread_time()
    loop.call_soon(tick)
    await done
    return (time.thread_time() - t0) / CALLBACKS * 1e6


def calibrate():
    """Loop iterations that take about 100 µs of CPU here: fixed work, so load cannot stretch it."""
    n, t0 = 200_000, time.thread_time()
    work(n)
    return max(1, int(n * 100e-6 / (time.thread_time() - t0)))


def work(n):
    total = 0
    for i in range(n):
        total += i
    return total


async def handler():
    t0 = time.thread_time()
    for _ in range(STEPS):
        work(ITERATIONS)
        await asyncio.sleep(0)
    return time.thread_time() - t0


def measure():
    async def both():
        return await empty_callbacks(), await handler()

    return asyncio.run(both())


def recorded():
    out = tempfile.NamedTemporaryFile(suffix=".json", delete=False).name
    rec.start(out)
    try:
        return measure()
    finally:
        rec._rec.done = True  # stop without writing: only the hooks' cost is measured
        undo()
        os.unlink(out)


def undo():
    asyncio.events.Handle._run = rec._originals.pop("Handle._run")
    base = asyncio.base_events.BaseEventLoop
    base.__init__, base.run_forever = rec._originals.pop("BaseEventLoop")
    cf_thread._WorkItem.__init__, cf_thread._WorkItem.run = rec._originals.pop("_WorkItem")
    rec._rec = None


ITERATIONS = 1


def main():
    global ITERATIONS
    ITERATIONS = calibrate()
    rounds = []
    for _ in range(ROUNDS):
        plain_cb, plain_h = measure()
        rec_cb, rec_h = recorded()
        rounds.append({"plainCbUs": plain_cb, "recCbUs": rec_cb,
                       "plainStepUs": plain_h / STEPS * 1e6, "recStepUs": rec_h / STEPS * 1e6})
    print(json.dumps({"rounds": rounds, "python": sys.version.split()[0]}))


if __name__ == "__main__":
    main()
