"""A JSON-RPC client over a pipe to a server that answers in order, `ms` per request.

The response reaches the waiting future by the step's hand-off, each the real call:
  selector   - the loop watches the pipe (`add_reader`); its callback resolves the future;
  threadsafe - a reader thread calls `loop.call_soon_threadsafe(fut.set_result, ...)`;
  unsafe     - a reader thread calls `fut.set_result(...)` itself: CPython's Future schedules the
               wake-up with `call_soon`, which appends to the ready queue and wakes nobody (and in
               debug mode `_check_thread()` raises in the reader thread, which dies).
`singleSlot` keeps one pending future, which a later request overwrites.
"""

import traceback

# What the reader thread does between responses (`for line in proc.stdout`).
READING = 'os.read() on the pipe'


class RpcClient:
    def __init__(self, lab):
        self.lab = lab
        self.next_id = 1
        self.server_free_at = 0.0
        self.pending = {}
        self.slot = None
        self.reader_alive = True
        self.fd = None
        self.inbox = []
        self.owners = {}
        self.reader_started = False

    async def call(self, step, owner):
        lab = self.lab
        rid = self.next_id
        self.next_id += 1
        fut = lab.loop.create_future()
        self.owners[id(fut)] = owner
        if step['client'] == 'perRequest':
            self.pending[rid] = fut
        else:
            self.slot = fut
        if step['handoff'] == 'selector':
            self._pipe()
        elif not self.reader_started:
            self.reader_started = True
            self._reader_lane('blocked', READING)
        lab.tracer.emit('client', 'rpc', {'id': rid, 'what': f'{owner} sends request #{rid}'})
        at = max(lab.world.now, self.server_free_at) + step['ms'] / 1000
        self.server_free_at = at
        lab.tracer.waits_on(owner, f'response #{rid}')
        handoff = step['handoff']
        lab.world.at(at, lambda: self.respond(rid, handoff), thread=handoff != 'selector')
        await fut

    def claim(self, rid):
        fut = self.pending.pop(rid, None)
        if fut is None:
            fut, self.slot = self.slot, None
        what = (
            f'response #{rid} resolves a waiting future'
            if fut is not None
            else f"response #{rid} dropped: no future is waiting in the client's single slot"
        )
        self.lab.tracer.emit('client', 'rpc', {'id': rid, 'what': what})
        return fut

    def respond(self, rid, handoff):
        lab = self.lab
        if handoff == 'selector':
            self.inbox.append(rid)
            self._readable()
            return
        if not self.reader_alive:
            lab.tracer.emit('client', 'rpc', {'id': rid, 'what': f'response #{rid} never read: the reader thread has died'})
            return
        doing = (
            f'call_soon_threadsafe(fut.set_result, response #{rid})'
            if handoff == 'threadsafe'
            else f'fut.set_result(response #{rid})'
        )
        self._reader_lane('running', doing)
        lab.world.on_thread(lambda: self._reader(rid, handoff))
        if self.reader_alive:
            self._reader_lane('blocked', READING)
        else:
            self._reader_lane('idle', 'exited: RuntimeError (see stderr)')

    def _reader_lane(self, state, doing):
        self.lab.tracer.emit('reader', 'thread', {'state': state, 'doing': doing, 'kind': 'reader'})

    def _reader(self, rid, handoff):
        lab = self.lab
        if handoff == 'threadsafe':

            def set_result():
                fut = self.claim(rid)
                if fut is not None and not fut.done():
                    fut.set_result(rid)

            set_result.lab_label = f'set_result #{rid}'
            lab.loop.call_soon_threadsafe(set_result)
            return
        fut = self.claim(rid)
        if fut is None or fut.done():
            return
        try:
            fut.set_result(rid)
        except RuntimeError as exc:
            # Debug mode's _check_thread() raised in this thread; threading.excepthook prints it.
            self.reader_alive = False
            text = 'Exception in thread reader:\n' + traceback.format_exc().rstrip()
            lab.tracer.emit('stderr', 'log', {'source': 'threading.excepthook', 'text': text})
            message = f'RuntimeError: {exc} (raised in the reader thread, which dies)'
            lab.tracer.emit('loop', 'warning', {'kind': 'threadCheck', 'message': message})
            lab.tracer.warnings.append(
                {
                    'atMs': lab.now_ms(),
                    'kind': 'threadCheck',
                    'task': self.owners.get(id(fut), 'client'),
                    'message': message,
                }
            )

    def _pipe(self):
        """The pipe the loop watches (`add_reader`), registered on the loop thread at first use."""
        if self.fd is not None:
            return

        def read_response():
            rid = self.inbox.pop(0)
            if self.inbox:
                self._readable()
            fut = self.claim(rid)
            if fut is not None and not fut.done():
                fut.set_result(rid)

        self.fd = next(self.lab.fds)
        self._on_readable = read_response
        self.lab.loop.add_reader(self.fd, read_response)

    def _readable(self):
        # One response per callback, as a line-by-line reader; named after the one it reads.
        self._on_readable.lab_label = f'read response #{self.inbox[0]}'
        self.lab.loop.lab_selector.make_readable(self.fd)
