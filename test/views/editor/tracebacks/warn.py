import asyncio

async def main():
    asyncio.sleep(1)

asyncio.run(main())
