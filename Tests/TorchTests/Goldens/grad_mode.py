import torch
x = torch.ones(2, requires_grad=True)
torch.set_grad_enabled(False)
print(torch.is_grad_enabled(), (x * 2).requires_grad)
#---
print(torch.is_grad_enabled(), (x * 2).requires_grad)
with torch.enable_grad():
    print((x * 2).requires_grad)
print((x * 2).requires_grad)
#---
print((x + 1).requires_grad)
torch.set_grad_enabled(True)
#---
print(torch.is_grad_enabled(), (x * 2).requires_grad)
with torch.set_grad_enabled(False):
    print((x * 2).requires_grad)
#---
print(torch.is_grad_enabled(), (x * 2).requires_grad)

#---
# Grad mode belongs to the one Python thread: a generator body runs under the mode of
# whoever resumes it, and a mode it enters stays in force when it yields.
import torch
x = torch.ones(2, requires_grad=True)
def gen():
    for i in range(2):
        yield x * 2
with torch.no_grad():
    for y in gen():
        print(y.requires_grad)
torch.set_grad_enabled(False)
print([t.requires_grad for t in gen()])
torch.set_grad_enabled(True)
def gen2():
    with torch.no_grad():
        yield 1
        print("inside", torch.is_grad_enabled())
    yield 2
g = gen2()
next(g)
print("outside", torch.is_grad_enabled())
next(g)
print("after", torch.is_grad_enabled())
