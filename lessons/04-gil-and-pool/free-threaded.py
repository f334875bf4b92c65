model = load_model()               # a pure-Python model

@app.post('/predict')
async def predict(features: list[float] = Body()):  # the JSON body
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, model.predict, features)
