# Method calls on a small class in a loop.
class Counter:
    def __init__(self):
        self.count = 0

    def add(self, step):
        self.count += step
        return self.count

c = Counter()
for i in range(300000):
    c.add(1)
print(c.count)
