@app.get('/api/settings')
async def settings():
    data = load_settings()      # a blocking read: waits 200 ms
    return data

@app.get('/health')
async def health():
    return {'ok': True}
