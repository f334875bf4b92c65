class RpcClient:                       # Unix only: no thread
    def __init__(self, proc):
        self.proc, self.loop = proc, asyncio.get_running_loop()
        self.pending, self.next_id, self.buf = {}, 0, b''
        self.fd = proc.stdout.fileno()
        os.set_blocking(self.fd, False)
        # the selector watches the pipe and wakes the loop
        self.loop.add_reader(self.fd, self.on_readable)

    async def call(self, method, params=None):
        self.next_id += 1
        fut = self.loop.create_future()
        self.pending[self.next_id] = fut
        self.send(self.next_id, method, params)
        return (await fut)['result']

    def on_readable(self):             # runs on the loop thread
        data = os.read(self.fd, 65536)
        if not data:                   # EOF: or this fires forever
            self.loop.remove_reader(self.fd)
            for fut in self.pending.values():
                fut.set_exception(ConnectionError('server exited'))
            return
        *lines, self.buf = (self.buf + data).split(b'\n')
        for line in lines:
            msg = json.loads(line)
            self.pending.pop(msg['id']).set_result(msg)

async def main(client):
    return await asyncio.gather(
        client.call('a'), client.call('b'), client.call('c'))
