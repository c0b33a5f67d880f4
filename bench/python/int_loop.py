# 1,000,000 integer additions in a loop.
def run():
    total = 0
    i = 0
    while i < 1000000:
        total += i
        i += 1
    return total

print(run())
