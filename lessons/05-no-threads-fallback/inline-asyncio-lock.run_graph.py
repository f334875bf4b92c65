sync_execution_lock = asyncio.Lock()

@app.post('/run')
async def run_graph(state: dict):
    try:
        return await asyncio.to_thread(graph.invoke, state)
    except RuntimeError:  # can't start new thread
        async with sync_execution_lock:
            return graph.invoke(state)  # inline

@app.get('/health')
async def health():
    return {'status': 'ok'}   # never touches the lock
