async def upload(data):
    time.sleep(0.2)                  # stands in for any blocking call
    return {'ok': True}
