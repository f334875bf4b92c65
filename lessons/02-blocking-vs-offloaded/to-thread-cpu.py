async def upload(data):
    await asyncio.to_thread(slow_hash, data)    # pure Python: needs the GIL
    return {'ok': True}
