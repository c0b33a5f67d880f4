import torch
x = torch.tensor([1., 2.])
y = torch.tensor([3., 4.])
r = torch.empty(3)
z = torch.add(x, y, out=r)
print(z is r, r)
#---
r = torch.empty(0, dtype=torch.float64)
print(torch.add(x, y, alpha=2, out=r), r.dtype)
#---
a = torch.ones(2, 2)
c = torch.empty(2, 2)
print(torch.matmul(a, a, out=c) is c, c)
#---
torch.matmul(input=x, other=y), torch.mm(input=a, mat2=a), torch.dot(x, tensor=y), torch.outer(x, vec2=y)
#---
torch.add(x, y, out=torch.empty(2, dtype=torch.long))
#---
torch.flatten(x, out=r)
#---
torch.add(torch.ones(2, requires_grad=True), 1, out=torch.empty(2))
#---
torch.mm(a, a, out=torch.empty(0, dtype=torch.float64))
#---
torch.argmax(a, out=torch.empty(0))
#---
print(torch.eq(x, y, out=torch.empty(2)))
print(torch.sin(torch.tensor([1, 2]), out=torch.empty(2, dtype=torch.float64)))
print(torch.arange(3, out=torch.empty(0, dtype=torch.float64)))
print(torch.zeros(2, 2, out=torch.empty(0, dtype=torch.int32)))
#---
v = torch.empty(0)
i = torch.empty(0, dtype=torch.long)
print(torch.sort(torch.tensor([3., 1., 2.]), out=(v, i)), v, i)
#---
torch.max(a, 0, out=(v, i))
#---
print(torch.sum(a, 0, out=torch.empty(0)), torch.cat([x, y], out=torch.empty(0)), torch.clamp(x, 0, 1.5, out=torch.empty(2)))
#---
w = torch.zeros(2)
torch.mul(x, 3, out=w)
w
#---
with torch.no_grad():
    q = torch.ones(2, requires_grad=True)
    print(torch.mul(q, 2, out=torch.empty(2)))
#---
x.add(y, out=torch.empty(2))
#---
x.matmul(y, out=torch.empty(()))
