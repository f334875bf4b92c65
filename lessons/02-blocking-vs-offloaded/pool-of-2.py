pool = ThreadPoolExecutor(max_workers=2)

async def upload(data):
    await asyncio.get_running_loop().run_in_executor(pool, write_file, data)
    return {'ok': True}
