"""Serves fixtures/blocking_app.py with real uvicorn (--loop asyncio) under the recorder, sends it
one burst over loopback from a bounded client, stops the server and prints what the client
measured as JSON: {"trace": path, "requests": [{"path", "sentMs", "doneMs", "ms", "status"}]}.

Run: python3 test/recorder/record_service.py OUT_DIR   (exits 3 when fastapi/uvicorn are absent)
"""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDER = os.path.join(HERE, "..", "..", "public", "event_loop_lab_record.py")
BURST = ["/block", "/await", "/offload", "/block", "/await", "/offload", "/block", "/await"]


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
    """One thread per request, all released together; each waits at most 10 s."""
    results = [None] * len(BURST)
    go = threading.Barrier(len(BURST))
    t_base = time.monotonic()

    def one(i, path):
        go.wait()
        sent = time.monotonic()
        with urllib.request.urlopen("http://127.0.0.1:%d%s" % (port, path), timeout=10) as r:
            r.read()
            status = r.status
        done = time.monotonic()
        results[i] = {"path": path, "sentMs": (sent - t_base) * 1e3, "doneMs": (done - t_base) * 1e3,
                      "ms": (done - sent) * 1e3, "status": status}

    threads = [threading.Thread(target=one, args=(i, p)) for i, p in enumerate(BURST)]
    for t in threads:
        t.start()
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
    trace = os.path.join(out_dir, "service-trace.json")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, RECORDER, "-o", trace, "--", "uvicorn", "blocking_app:app",
         "--loop", "asyncio", "--port", str(port), "--log-level", "warning"],
        cwd=os.path.join(HERE, "fixtures"),
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
