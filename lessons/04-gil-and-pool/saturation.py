@app.post('/predict')
async def predict(features):
    # calls a remote model server with a blocking client
    return await asyncio.to_thread(requests.post, MODEL_URL, json=features)
