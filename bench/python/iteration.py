# The loops course code runs most: over a list, a dict's items, keys and values,
# enumerate and zip (the iterators read their containers live, as CPython's do).
def run():
    items = list(range(1000))
    table = {i: i * 2 for i in range(1000)}
    total = 0
    for _ in range(100):
        for x in items:
            total += x
        for k, v in table.items():
            total += v
        for k in table:
            total += k
        for v in table.values():
            total += v
        for i, x in enumerate(items):
            total += i
        for a, b in zip(items, items):
            total += b
    return total

print(run())
