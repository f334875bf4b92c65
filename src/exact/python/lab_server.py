"""Requests on new TCP connections, through CPython's own server code (F6).

`loop.create_server(sock=...)` serves a virtual listening socket: CPython's `_accept_connection`
accepts every connection in the backlog and creates an `_accept_connection2` task for each; that
task builds a real `_SelectorSocketTransport`, which schedules `connection_made` and `_add_reader`;
once the reader is registered the selector reports the socket readable (the request's bytes came
with the connection) and `_read_ready` hands them to the protocol, which starts the handler's
task (what uvicorn's protocol does in `data_received`). Only the sockets are virtual.
"""

import asyncio
import collections
import socket


class VirtualSocket:
    """What CPython's server and transport code ask of a TCP socket."""

    family = socket.AF_INET
    type = socket.SOCK_STREAM
    proto = socket.IPPROTO_TCP

    def __init__(self, fd, port):
        self.fd = fd
        self.port = port

    def fileno(self):
        return self.fd

    def setblocking(self, flag):
        pass

    def setsockopt(self, *args):
        pass

    def getsockname(self):
        return ('127.0.0.1', 8000)

    def getpeername(self):
        return ('127.0.0.1', self.port)

    def close(self):
        pass

    def shutdown(self, how):
        pass


class Connection(VirtualSocket):
    """An accepted connection; the request's bytes are waiting in it."""

    def __init__(self, fd, port, rid):
        super().__init__(fd, port)
        self.rid = rid
        self.data = f'GET /{rid} HTTP/1.1\r\n\r\n'.encode()

    def recv(self, n):
        if not self.data:
            raise BlockingIOError
        data, self.data = self.data[:n], self.data[n:]
        return data

    def send(self, data):
        return len(data)


class Listener(VirtualSocket):
    """The listening socket: connections wait in its backlog until accept()."""

    def __init__(self, fd):
        super().__init__(fd, 0)
        self.backlog = collections.deque()

    def listen(self, backlog):
        pass

    def accept(self):
        if not self.backlog:
            raise BlockingIOError
        conn = self.backlog.popleft()
        return conn, conn.getpeername()


class Server:
    """The lab's server on new connections: its listener, and what each request is on the way."""

    def __init__(self, lab):
        self.lab = lab
        self.listener = Listener(next(lab.fds))

    async def start(self):
        lab = self.lab

        class RequestProtocol(asyncio.Protocol):
            def connection_made(self, transport):
                self.rid = transport._sock.rid

            def data_received(self, data):
                rid = self.rid
                coro = lab.handler_of(rid)(rid)
                lab.tracer.own_coro(coro, rid)
                lab.loop.create_task(coro)

        await lab.loop.create_server(RequestProtocol, sock=self.listener)

    def connect(self, request):
        """The connection reaches the listening socket at the request's arrival time."""
        rid = request['id']
        conn = Connection(next(self.lab.fds), 50000 + len(self.lab.fd_requests), rid)
        self.lab.fd_requests[conn.fd] = rid

        def arrive():
            self.lab.tracer.emit(rid, 'arrive', {'waitsAt': 'selector'})
            self.listener.backlog.append(conn)
            self.lab.loop.lab_selector.has_data(conn.fd)
            self.lab.loop.lab_selector.make_readable(self.listener.fd)

        self.lab.world.at(request['at'] / 1000, arrive)
