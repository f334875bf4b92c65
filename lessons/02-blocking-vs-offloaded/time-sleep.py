async def upload(data):
    time.sleep(0.2)                  # stands in for a slow sync write
    return {'ok': True}
