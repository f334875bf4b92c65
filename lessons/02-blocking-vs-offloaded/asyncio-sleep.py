async def upload(data):
    await asyncio.sleep(0.2)         # waits without holding the loop
    return {'ok': True}
