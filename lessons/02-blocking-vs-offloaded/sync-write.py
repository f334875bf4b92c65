async def upload(data):
    with open(path, 'wb') as f:      # 200 ms: write + fsync
        f.write(data); os.fsync(f.fileno())
    return {'ok': True}
