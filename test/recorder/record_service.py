"""Serves fixtures/blocking_app.py with real uvicorn (--loop asyncio) under the recorder, sends it
one burst over loopback from a bounded client on connections it opened first, stops the server
and prints what the client measured as JSON: {"trace": path, "requests": [{"path", "sentMs", "doneMs", "ms", "status"}]}.

Run: python3 test/recorder/record_service.py OUT_DIR [--fixed]   (exits 3 without fastapi/uvicorn)
--fixed serves the app with its blocking endpoint offloaded (BLOCKING_APP_FIXED=1).
"""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDER = os.path.join(HERE, "..", "..", "public", "event_loop_lab_record.py")
BURST = ["/block", "/await", "/offload", "/block", "/await", "/offload", "/block", "/await"]
LATER_S = 0.05  # the rest of the burst goes this long after the first request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, deadline):
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("uvicorn did not listen on port %d" % port)


def burst(port):
    """One thread per request, each on its own connection opened first (keep-alive, as behind a
    proxy that pools connections). The first request (a blocking one) goes alone, the rest
    together while it holds the loop, so the loop reads them all in one go when it lets go, as
    in a burst behind a stall; each request waits at most 10 s."""
    results = [None] * len(BURST)
    connected = threading.Barrier(len(BURST) + 1)
    go = threading.Event()
    t_base = [0.0]

    def one(i, path):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.connect()
        connected.wait()
        go.wait()
        if i > 0:
            time.sleep(LATER_S)
        sent = time.monotonic()
        conn.request("GET", path)
        r = conn.getresponse()
        r.read()
        done = time.monotonic()
        conn.close()
        results[i] = {"path": path, "sentMs": (sent - t_base[0]) * 1e3,
                      "doneMs": (done - t_base[0]) * 1e3, "ms": (done - sent) * 1e3,
                      "status": r.status}

    threads = [threading.Thread(target=one, args=(i, p)) for i, p in enumerate(BURST)]
    for t in threads:
        t.start()
    connected.wait()
    time.sleep(0.05)  # the server accepts and registers every connection while the loop idles
    t_base[0] = time.monotonic()
    go.set()
    for t in threads:
        t.join(15)
    return results


def main():
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as e:
        print("fastapi/uvicorn are not installed (%s)" % e, file=sys.stderr)
        sys.exit(3)
    out_dir = sys.argv[1]
    fixed = "--fixed" in sys.argv[2:]
    trace = os.path.join(out_dir, "service-fixed-trace.json" if fixed else "service-trace.json")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, RECORDER, "-o", trace, "--", "uvicorn", "blocking_app:app",
         "--loop", "asyncio", "--port", str(port), "--log-level", "warning"],
        cwd=os.path.join(HERE, "fixtures"),
        env=dict(os.environ, BLOCKING_APP_FIXED="1" if fixed else ""),
    )
    try:
        wait_for(port, time.monotonic() + 15)
        time.sleep(0.1)
        requests = burst(port)
        time.sleep(0.1)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(15)
    print(json.dumps({"trace": trace, "requests": requests}))


if __name__ == "__main__":
    main()
