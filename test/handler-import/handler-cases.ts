/**
 * Real-world handler snippets and the steps the reader must find in them, written compactly:
 * `block 200 @3` is a block step of 200 ms standing for line 3; `offload cpu 100 @5`;
 * `lock asyncio lock @4 [ … ]`; `gather @6 [ … | … ]`. `unknown` lists the calls left out as
 * "not recognised", by call and line.
 */
export interface HandlerCase {
	name: string;
	code: string;
	steps: string[];
	unknown?: string[];
	sync?: boolean;
}

export const HANDLER_CASES: HandlerCase[] = [
	{
		name: 'time.sleep in async def (the lab’s first lesson)',
		code: `async def upload():
    time.sleep(0.2)
    return 'ok'`,
		steps: ['block 200 @2']
	},
	{
		name: 'awaited asyncio.sleep',
		code: `async def upload():
    await asyncio.sleep(0.2)
    return 'ok'`,
		steps: ['sleep 200 @2']
	},
	{
		name: 'FastAPI route with requests.get (ASYNC210)',
		code: `@app.get("/weather/{city}")
async def weather(city: str):
    r = requests.get(f"https://api.example.com/{city}", timeout=5)
    return r.json()`,
		steps: ['block 150 @3']
	},
	{
		name: 'urllib.request.urlopen(...).read()',
		code: `async def fetch():
    body = urllib.request.urlopen("https://example.com/foo/bar").read()
    return body`,
		steps: ['block 150 @2']
	},
	{
		name: 'httpx.AsyncClient in async with',
		code: `@app.get("/proxy")
async def proxy():
    async with httpx.AsyncClient() as client:
        r = await client.get("https://example.com")
    return r.json()`,
		steps: ['io 150 @4']
	},
	{
		name: 'module-level httpx.AsyncClient',
		code: `client = httpx.AsyncClient(timeout=10)

@app.post("/hook")
async def hook(payload: dict):
    resp = await client.post("https://hooks.example.com", json=payload)
    resp.raise_for_status()
    return {"status": resp.status_code}`,
		steps: ['io 150 @5']
	},
	{
		name: 'sync httpx.Client in async def (ASYNC212)',
		code: `async def fetch():
    client = httpx.Client()
    response = client.get("https://example.com")
    return response.text`,
		steps: ['block 150 @3']
	},
	{
		name: 'aiohttp session and response body',
		code: `async def fetch(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            data = await resp.json()
    return data`,
		steps: ['io 150 @3', 'io 5 @4']
	},
	{
		name: 'open() and write in a with block (ASYNC230)',
		code: `@app.post("/upload")
async def upload(file: UploadFile):
    contents = await file.read()
    with open(f"/data/{file.filename}", "wb") as f:
        f.write(contents)
    return {"size": len(contents)}`,
		steps: ['io 20 @3', 'block 5 @4', 'block 20 @5']
	},
	{
		name: 'aiofiles',
		code: `async def save(data: bytes):
    async with aiofiles.open("/tmp/out.bin", "wb") as f:
        await f.write(data)`,
		steps: ['io 5 @2', 'io 20 @3']
	},
	{
		name: 'subprocess.run (ASYNC221)',
		code: `@app.post("/convert")
async def convert(path: str):
    subprocess.run(["ffmpeg", "-i", path, "out.mp4"], check=True)
    return {"ok": True}`,
		steps: ['block 100 @3']
	},
	{
		name: 'os.system and os.waitpid (ASYNC221, ASYNC222)',
		code: `async def run(cmd):
    os.system(cmd)
    os.waitpid(0, 0)`,
		steps: ['block 100 @2', 'block 100 @3']
	},
	{
		name: 'psycopg2 at module level, cursor in the handler',
		code: `conn = psycopg2.connect(DSN)

@app.get("/users/{uid}")
async def get_user(uid: int):
    cur = conn.cursor()
    cur.execute("SELECT * FROM users WHERE id = %s", (uid,))
    row = cur.fetchone()
    return {"user": row}`,
		steps: ['block 50 @6', 'block 5 @7']
	},
	{
		name: 'sqlite3 connect inside the handler',
		code: `async def count():
    db = sqlite3.connect("app.db")
    n = db.execute("SELECT count(*) FROM items").fetchone()
    db.close()
    return n`,
		steps: ['block 20 @2', 'block 50 @3']
	},
	{
		name: 'asyncpg pool',
		code: `pool = await asyncpg.create_pool(DSN)

async def items():
    async with pool.acquire() as conn:
        rows = await conn.fetch("SELECT * FROM items")
    return rows`,
		steps: ['io 1 @4', 'io 50 @5'],
		unknown: []
	},
	{
		name: 'SQLAlchemy sync Session dependency in async def',
		code: `@app.get("/items")
async def list_items(db: Session = Depends(get_db)):
    items = db.query(Item).all()
    return items`,
		steps: ['block 50 @3']
	},
	{
		name: 'model.predict in the coroutine (CPU-heavy)',
		code: `@app.post("/predict")
async def predict(features: Features):
    x = np.array(features.values).reshape(1, -1)
    y = model.predict(x)
    return {"y": float(y[0])}`,
		steps: ['cpu 100 @4'],
		unknown: ['np.array(features.values) @3']
	},
	{
		name: 'model.predict offloaded with to_thread',
		code: `@app.post("/predict")
async def predict(features: Features):
    y = await asyncio.to_thread(model.predict, features.matrix)
    return {"y": y}`,
		steps: ['offload cpu 100 @3']
	},
	{
		name: 'time.sleep offloaded with to_thread, literal seconds',
		code: `async def slow():
    await asyncio.to_thread(time.sleep, 0.3)`,
		steps: ['offload block 300 @2']
	},
	{
		name: 'run_in_executor with a lambda',
		code: `async def handler(url):
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, lambda: requests.get(url))
    return r.text`,
		steps: ['offload block 150 @3']
	},
	{
		name: 'run_in_executor on get_running_loop() directly, unknown function',
		code: `async def handler():
    data = await asyncio.get_running_loop().run_in_executor(None, load_report, 7)
    return data`,
		steps: ['offload block 100 @2']
	},
	{
		name: 'starlette run_in_threadpool',
		code: `async def resize(img):
    out = await run_in_threadpool(pil_resize, img)
    return out`,
		steps: ['offload block 100 @2']
	},
	{
		name: 'FastAPI def endpoint (runs in the thread pool)',
		code: `@app.get("/report")
def report():
    time.sleep(0.5)
    return {"ok": True}`,
		steps: ['block 500 @3'],
		sync: true
	},
	{
		name: 'FastAPI def endpoint with a sync DB and a model',
		code: `@router.post("/score")
def score(db: Session = Depends(get_db)):
    rows = db.execute(text("SELECT * FROM f")).fetchall()
    return model.predict(rows)`,
		steps: ['block 50 @3', 'cpu 100 @4'],
		unknown: ['text("SELECT * FROM f") @3'],
		sync: true
	},
	{
		name: 'asyncio.gather of awaited calls',
		code: `async def dashboard(client: httpx.AsyncClient):
    users, orders = await asyncio.gather(
        client.get("/users"),
        client.get("/orders"),
    )
    return {"users": users.json(), "orders": orders.json()}`,
		steps: ['gather @2 [io 150 @3 | io 150 @4]']
	},
	{
		name: 'gather with an offload and a sleep, one helper unknown',
		code: `async def mixed():
    await asyncio.gather(asyncio.sleep(0.1), asyncio.to_thread(time.sleep, 0.2), helper())`,
		steps: ['gather @2 [sleep 100 @2 | offload block 200 @2]'],
		unknown: ['await helper() @2']
	},
	{
		name: 'gather over a starred list comprehension is listed',
		code: `async def many(urls):
    return await asyncio.gather(*[fetch(u) for u in urls])`,
		steps: [],
		unknown: ['gather(*…): [fetch(u) for u in urls] @2']
	},
	{
		name: 'asyncio.Lock at module level, async with',
		code: `lock = asyncio.Lock()

async def write_once(data):
    async with lock:
        await asyncio.sleep(0.05)
        time.sleep(0.01)`,
		steps: ['lock asyncio lock @4 [sleep 50 @5 | block 10 @6]']
	},
	{
		name: 'threading.Lock held across an await',
		code: `sync_lock = threading.Lock()

async def call_tool():
    with sync_lock:
        await asyncio.sleep(0.1)`,
		steps: ['lock thread sync_lock @4 [sleep 100 @5]']
	},
	{
		name: 'try/except: the except body is left out',
		code: `async def safe():
    try:
        r = requests.get(URL)
    except requests.RequestException:
        time.sleep(1)
        return None
    finally:
        await asyncio.sleep(0.01)
    return r.json()`,
		steps: ['block 150 @3', 'sleep 10 @8']
	},
	{
		name: 'if guard that raises is skipped, the path to the end is taken',
		code: `@app.get("/items/{item_id}")
async def read_item(item_id: int):
    if item_id not in cache:
        raise HTTPException(status_code=404)
    await asyncio.sleep(0.02)
    return cache[item_id]`,
		steps: ['sleep 20 @5']
	},
	{
		name: 'if/else: the first branch that goes on',
		code: `async def get(key):
    if fast:
        value = await redis_get(key)
    else:
        value = cur.execute(Q)
    return value`,
		steps: [],
		unknown: ['await redis_get(key) @3']
	},
	{
		name: 'for over range(3) repeats its body',
		code: `async def retry():
    for attempt in range(3):
        time.sleep(0.1)`,
		steps: ['block 100 @3', 'block 100 @3', 'block 100 @3']
	},
	{
		name: 'for over a list is counted once',
		code: `async def upload_all(files):
    for f in files:
        await asyncio.sleep(0.01)`,
		steps: ['sleep 10 @3']
	},
	{
		name: 'nested: lock inside a for inside a with',
		code: `lock = asyncio.Lock()

async def batch():
    async with httpx.AsyncClient() as client:
        for i in range(2):
            async with lock:
                await client.get("/x")`,
		steps: ['lock asyncio lock @6 [io 150 @7]', 'lock asyncio lock @6 [io 150 @7]']
	},
	{
		name: 'asyncio.wait_for around an awaited call',
		code: `async def bounded(client: httpx.AsyncClient):
    return await asyncio.wait_for(client.get("/slow"), timeout=2)`,
		steps: ['io 150 @2']
	},
	{
		name: 'FastAPI Request body and a blocking write',
		code: `@app.post("/log")
async def log(request: Request):
    body = await request.body()
    Path("/var/log/app.log").write_bytes(body)`,
		steps: ['io 1 @3', 'block 20 @4']
	},
	{
		name: 'plain asyncio stream server handler',
		code: `async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
    data = await reader.read(100)
    time.sleep(0.05)
    writer.write(data)
    await writer.drain()
    writer.close()`,
		steps: ['io 20 @2', 'block 50 @3', 'io 1 @5']
	},
	{
		name: 'helper calls are listed, not guessed',
		code: `async def checkout(order):
    total = compute_total(order)
    await notify(order.user)
    payment.charge(total)`,
		steps: [],
		unknown: ['compute_total(order) @2', 'await notify(order.user) @3', 'payment.charge(total) @4']
	},
	{
		name: 'an unawaited coroutine does nothing',
		code: `async def oops():
    asyncio.sleep(1)
    time.sleep(0.1)`,
		steps: ['block 100 @3']
	},
	{
		name: 'async with asyncio.timeout: its body is read',
		code: `async def bounded(client: httpx.AsyncClient):
    async with asyncio.timeout(2):
        r = await client.get("/slow")
    logger.info("got %s", r.status_code)
    return r.json()`,
		steps: ['io 150 @3']
	},
	{
		name: 'sleep with a variable: the default, to set',
		code: `async def wait(delay):
    await asyncio.sleep(delay)
    time.sleep(DELAY)`,
		steps: ['sleep 100 @2', 'block 200 @3']
	}
];
