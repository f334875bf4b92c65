async def serve_table(order):
    note = write_down(order)  # 10 ms of Python
    dish = cook_myself(note)  # blocking!
    return bring(dish)        # 10 ms of Python
