"""F36: a select() that returns at once keeps the GIL; one that sleeps loses it.

Plain asyncio, one worker thread spinning in pure Python. Prints the total time of
20 x `await asyncio.sleep(0)` and of 5 x `await asyncio.sleep(0.002)` on the loop,
over several rounds. Run: python3 test/cpython/f36_select_keeps_gil.py
"""

import asyncio
import sys
import threading
import time


def spin(stop: threading.Event) -> None:
    n = 0
    while not stop.is_set():
        n += 1


async def timed(count: int, delay: float) -> float:
    t0 = time.perf_counter()
    for _ in range(count):
        await asyncio.sleep(delay)
    return (time.perf_counter() - t0) * 1e3


async def main() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=spin, args=(stop,))
    worker.start()
    await asyncio.sleep(0.05)  # the worker holds the GIL and is spinning
    try:
        for _ in range(5):
            zero = await timed(20, 0)
            short = await timed(5, 0.002)
            print(f"20 x sleep(0): {zero:.3f} ms   5 x sleep(0.002): {short:.1f} ms")
    finally:
        stop.set()
        worker.join()


print(sys.version.split()[0], "switch interval", sys.getswitchinterval() * 1e3, "ms")
asyncio.run(main())
