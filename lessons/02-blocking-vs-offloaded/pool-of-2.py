pool = ThreadPoolExecutor(max_workers=2)

async def upload(data):
    await loop.run_in_executor(pool, write_file, data)
    return {'ok': True}
