def prestart_pool(n: int) -> ThreadPoolExecutor:
    pool = ThreadPoolExecutor(max_workers=n)
    barrier = threading.Barrier(n)  # n waiting tasks: n threads
    for f in [pool.submit(barrier.wait) for _ in range(n)]:
        f.result()
    return pool  # full: it never starts a thread again

@asynccontextmanager
async def lifespan(app):  # while threads can still start
    loop = asyncio.get_running_loop()
    loop.set_default_executor(prestart_pool(2))
    yield

app = FastAPI(lifespan=lifespan)  # or the pool is never installed

@app.post('/run')
async def run_graph(state: dict):
    # both threads busy? the call waits in the pool's queue
    return await asyncio.to_thread(graph.invoke, state)

@app.get('/health')
async def health():
    return {'status': 'ok'}
