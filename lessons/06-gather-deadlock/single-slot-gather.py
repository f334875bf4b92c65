class RpcClient:
    def __init__(self, proc):
        self.proc, self.loop = proc, asyncio.get_running_loop()
        self.waiter = None     # ONE pending slot, not one per id
        self.next_id = 0
        t = threading.Thread(target=self.reader, name='rpc-reader')
        t.start()

    async def call(self, method, params=None):
        self.next_id += 1
        fut = self.loop.create_future()
        self.waiter = fut              # overwrites the slot
        self.send(self.next_id, method, params)
        return (await fut)['result']

    def reader(self):                  # the reader thread
        for line in self.proc.stdout:
            msg = json.loads(line)
            # the response goes to whoever is in the slot
            fut, self.waiter = self.waiter, None
            if fut is not None:
                self.loop.call_soon_threadsafe(fut.set_result, msg)

async def main(client):
    return await asyncio.gather(
        client.call('a'), client.call('b'), client.call('c'))
