loop = asyncio.new_event_loop()
threading.Thread(target=loop.run_forever).start()

# The Rust server calls this on any of its threads.
def handle(request):
    coro = handler(request)
    fut = asyncio.run_coroutine_threadsafe(coro, loop)
    return fut.result()  # blocks this host thread only

async def handler(request):
    # 100 ms of awaited, non-blocking I/O
    user = await db.fetch_user(request.user_id)
    return render(user)
