@app.post('/run')
async def run_graph(state: dict):
    # graph.invoke() calls the LLM and its tools synchronously
    return await asyncio.to_thread(graph.invoke, state)
