import asyncio

async def h():
    await asyncio.sleep(0)
    raise ValueError("boom")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(h())
        tg.create_task(h())

asyncio.run(main())
