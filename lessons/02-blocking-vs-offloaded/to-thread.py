async def upload(data):
    await asyncio.to_thread(write_file, data)   # blocking call in a pool thread
    return {'ok': True}
