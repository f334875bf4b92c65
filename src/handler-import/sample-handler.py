client = httpx.AsyncClient()

@app.get("/report/{user_id}")
async def report(user_id: int):
    profile = await client.get(f"https://users.internal/{user_id}")
    time.sleep(0.05)  # an old helper's pause, left in
    prices = requests.get("https://prices.internal/today")
    summary = await asyncio.to_thread(model.predict, prices.json())
    await asyncio.sleep(0.01)
    return {"profile": profile.json(), "summary": summary}
