async def upload(data):
    time.sleep(0.05)      # the blocking call we want to catch
    return {'ok': True}

# python -X dev app.py  (under uvicorn: loop.set_debug(True) in lifespan)
