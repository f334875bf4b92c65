@app.get('/api/settings')
async def settings():
    data = await asyncio.to_thread(load_settings)
    return data

@app.get('/health')
async def health():
    return {'ok': True}
