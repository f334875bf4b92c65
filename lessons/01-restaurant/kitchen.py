async def serve_table(order):
    note = write_down(order)  # 10 ms of Python
    dish = await kitchen.cook(note)  # waiter is free
    return bring(dish)        # 10 ms of Python
