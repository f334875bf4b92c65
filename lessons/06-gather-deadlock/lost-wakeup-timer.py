class RpcClient:
    def __init__(self, proc):
        self.proc, self.loop = proc, asyncio.get_running_loop()
        self.pending, self.next_id = {}, 0  # one future per id
        t = threading.Thread(target=self.reader, name='rpc-reader')
        t.start()

    async def call(self, method, params=None):
        self.next_id += 1
        fut = self.loop.create_future()
        self.pending[self.next_id] = fut
        self.send(self.next_id, method, params)
        return (await fut)['result']

    def reader(self):                  # the reader thread
        for line in self.proc.stdout:
            msg = json.loads(line)
            fut = self.pending.pop(msg['id'])
            fut.set_result(msg)        # wrong thread: no wake-up

async def tick():                      # like uvicorn's main_loop
    while True:
        await asyncio.sleep(0.1)

async def main(client):
    asyncio.create_task(tick())
    a = await client.call('a')
    b = await client.call('b')
    c = await client.call('c')
    return [a, b, c]
