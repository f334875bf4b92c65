"""F37: timers fire late, in whole milliseconds (EpollSelector rounds the timeout up).

An asyncio.Lock handed along five tasks that each sleep 35 ms inside it; prints when each
task left the lock, from the moment the tasks were created, over several rounds.
Run: python3 test/cpython/f37_timer_lateness.py
"""

import asyncio
import sys
import time


async def holder(lock: asyncio.Lock, t0: float, ends: list) -> None:
    async with lock:
        await asyncio.sleep(0.035)
    ends.append((time.perf_counter() - t0) * 1e3)


async def round_once() -> list:
    lock = asyncio.Lock()
    ends: list = []
    t0 = time.perf_counter()
    await asyncio.gather(*(holder(lock, t0, ends) for _ in range(5)))
    return ends


async def main() -> None:
    print("selector:", type(asyncio.get_running_loop()._selector).__name__)
    for _ in range(5):
        ends = await round_once()
        print(" / ".join(f"{e:.1f}" for e in ends), "ms")


print(sys.version.split()[0])
asyncio.run(main())
