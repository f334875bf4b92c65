@app.post('/predict')
async def predict(features: list[float] = Body()):  # the JSON body
    # calls a remote model server with a blocking client
    reply = await asyncio.to_thread(requests.post, MODEL_URL, json=features)
    return reply.json()
