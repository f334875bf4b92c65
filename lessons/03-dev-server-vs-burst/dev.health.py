@app.get('/health')
async def health():
    return {'ok': True}
