import asyncio
import time

async def blocking():
    # time.sleep is not awaited: it holds the event loop, so nothing else runs meanwhile.
    time.sleep(0.3)
    print(f"{time.perf_counter():.3f}s  blocking done")

async def polite():
    # asyncio.sleep hands the loop back; its timer is due at 0.100s.
    await asyncio.sleep(0.1)
    print(f"{time.perf_counter():.3f}s  polite done (its timer was due at 0.100s)")

async def main():
    await asyncio.gather(polite(), blocking())

asyncio.run(main())
