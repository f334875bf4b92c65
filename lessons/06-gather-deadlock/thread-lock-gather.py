class RpcClient:
    def __init__(self, proc):
        self.proc, self.loop = proc, asyncio.get_running_loop()
        self.lock = threading.Lock()
        self.pending, self.next_id = {}, 0  # id -> future
        t = threading.Thread(target=self.reader, name='rpc-reader')
        t.start()

    async def call(self, method, params=None):
        with self.lock:                # held across the await!
            self.next_id += 1
            fut = self.loop.create_future()
            self.pending[self.next_id] = fut
            self.send(self.next_id, method, params)
            return (await fut)['result']

    def reader(self):                  # the reader thread
        for line in self.proc.stdout:
            msg = json.loads(line)
            fut = self.pending.pop(msg['id'])
            self.loop.call_soon_threadsafe(fut.set_result, msg)

async def main(client):
    return await asyncio.gather(
        client.call('a'), client.call('b'), client.call('c'))
