# The Rust server calls this for each request,
# on its one worker thread, with one reused loop.
def handle(request):
    return loop.run_until_complete(handler(request))

async def handler(request):
    # 100 ms of awaited, non-blocking I/O
    user = await db.fetch_user(request.user_id)
    return render(user)
