async def handler(request):
    # the loop runs fetch_user while this task waits
    user = await fetch_user(request)
    return render(user)
