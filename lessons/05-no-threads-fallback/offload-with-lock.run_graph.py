graph_lock = asyncio.Lock()  # still one graph run at a time

@app.post('/run')
async def run_graph(state: dict):
    async with graph_lock:  # waiting here yields
        return await asyncio.to_thread(graph.invoke, state)

@app.get('/health')
async def health():
    return {'status': 'ok'}
