@app.get('/api/settings')
async def settings():
    data = load_settings()      # sync read + parse: 200 ms
    return data

@app.get('/health')
async def health():
    return {'ok': True}
