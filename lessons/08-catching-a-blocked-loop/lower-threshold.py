async def upload(data):
    time.sleep(0.05)      # the blocking call we want to catch
    return {'ok': True}

# python -X dev app.py, then on the running loop:
# loop.slow_callback_duration = 0.02
