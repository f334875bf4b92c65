"""The helper module for your own asyncio code in the lab (the playground's Python tab).

What cannot exist in a browser, declared in a line each; everything else is plain asyncio on
CPython's own event loop, in virtual time:

    import asyncio, time, lab

    async def upload():
        time.sleep(0.2)            # blocks the loop thread: the virtual clock moves 200 ms
        lab.cpu(50)                # pure-Python work that holds the loop for 50 ms
        await lab.io(100)          # awaited non-blocking I/O that completes after 100 ms
        await asyncio.sleep(0.1)   # a timer

    lab.arrivals(upload, count=5, every_ms=2)    # or lab.request(upload, at_ms=0)
    lab.heartbeat(every_ms=100)
    lab.lag_monitor(every_ms=100)
    lab.debug(slow_callback_ms=100)              # loop.set_debug(True)
    lab.limit(5000)                              # stop after 5 s of virtual time (default 10 s)
"""

_declared = None
_lab = None


def _declarations():
    if _declared is None:
        raise RuntimeError('lab declarations are read when the lab runs your code')
    return _declared


def request(handler, at_ms=0, id=None):
    """One request for `handler` (an async def taking no arguments), arriving at `at_ms`."""
    d = _declarations()
    d['requests'].append({'id': id or f"r{len(d['requests']) + 1}", 'at': at_ms, 'handler': handler})


def arrivals(handler, count, start_ms=0, every_ms=0):
    """`count` requests for `handler`, the first at `start_ms`, then one every `every_ms`."""
    for i in range(count):
        request(handler, start_ms + i * every_ms)


def heartbeat(every_ms=100, start_ms=-250):
    """`while True: await asyncio.sleep(every); beat()`, in steady state at 0 when it started earlier."""
    _declarations()['background'].append({'kind': 'heartbeat', 'everyMs': every_ms, 'startMs': start_ms})


def lag_monitor(every_ms=100, start_ms=-250):
    """`t = now; await asyncio.sleep(every); lag = now - t - every`."""
    _declarations()['background'].append({'kind': 'lagMonitor', 'everyMs': every_ms, 'startMs': start_ms})


def debug(slow_callback_ms=100):
    """asyncio debug mode: `loop.set_debug(True)`, `loop.slow_callback_duration`."""
    d = _declarations()
    d['debug'] = True
    d['slowCallbackMs'] = slow_callback_ms


def limit(ms):
    """The run stops at `ms` of virtual time; what has not finished is reported as hung."""
    _declarations()['limitMs'] = ms


def cpu(ms):
    """Pure-Python work of `ms` in the running callback: the loop is held, the clock moves on."""
    _running().hold_loop(ms)


async def io(ms):
    """Awaited non-blocking I/O: a selector readiness event `ms` from now."""
    lab = _running()
    await lab.io(ms, lab.tracer.current_owner() or 'io')


def _running():
    if _lab is None:
        raise RuntimeError('lab.cpu() and lab.io() work only while the lab runs your code')
    return _lab
