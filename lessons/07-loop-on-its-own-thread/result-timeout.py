async def handler(request):
    # "I need the result right here", so someone wrote:
    coro = fetch_user(request)
    fut = asyncio.run_coroutine_threadsafe(coro, loop)
    user = fut.result(timeout=1.0)  # on the loop's thread
    return render(user)
