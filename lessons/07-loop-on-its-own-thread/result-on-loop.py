async def handler(request):
    # "I need the result right here", so someone wrote:
    coro = fetch_user(request)
    fut = asyncio.run_coroutine_threadsafe(coro, loop)
    user = fut.result()  # on the loop's own thread
    return render(user)
