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
#---
x = torch.tensor([[1., -2.], [3., 4.]])
calls = [
    ('torch.add(input=x, other=x, alpha=2)', lambda: torch.add(input=x, other=x, alpha=2)),
    ('torch.sum(input=x, dim=0, keepdim=True)', lambda: torch.sum(input=x, dim=0, keepdim=True)),
    ('torch.cat(tensors=[x, x], dim=1)', lambda: torch.cat(tensors=[x, x], dim=1)),
    ('torch.clamp(input=x, min=0.)', lambda: torch.clamp(input=x, min=0.)),
    ('torch.mean(x, dim=(0, 1))', lambda: torch.mean(x, dim=(0, 1))),
    ('torch.max(input=x, dim=1)', lambda: torch.max(input=x, dim=1)),
    ('torch.softmax(input=x, dim=0)', lambda: torch.softmax(input=x, dim=0)),
    ('torch.reshape(input=x, shape=(4,))', lambda: torch.reshape(input=x, shape=(4,))),
    ('torch.transpose(input=x, dim0=0, dim1=1)', lambda: torch.transpose(input=x, dim0=0, dim1=1)),
    ('torch.where(condition=x > 0, input=x, other=0.)', lambda: torch.where(condition=x > 0, input=x, other=0.)),
    ('torch.stack(tensors=[x, x])', lambda: torch.stack(tensors=[x, x])),
    ('torch.argmax(input=x, dim=1)', lambda: torch.argmax(input=x, dim=1)),
    ('torch.topk(input=x, k=1)', lambda: torch.topk(input=x, k=1)),
    ('torch.sort(input=x, dim=0, descending=True)', lambda: torch.sort(input=x, dim=0, descending=True)),
    ('torch.mul(input=x, other=3)', lambda: torch.mul(input=x, other=3)),
    ('torch.pow(input=x, exponent=2)', lambda: torch.pow(input=x, exponent=2)),
    ('torch.exp(input=x)', lambda: torch.exp(input=x)),
    ('torch.abs(input=x)', lambda: torch.abs(input=x)),
    ('torch.flatten(input=x, start_dim=0)', lambda: torch.flatten(input=x, start_dim=0)),
    ('torch.unsqueeze(input=x, dim=0).shape', lambda: torch.unsqueeze(input=x, dim=0).shape),
    ('torch.squeeze(input=x)', lambda: torch.squeeze(input=x)),
    ('torch.gather(input=x, dim=1, index=torch.tensor([[0],[1]]))', lambda: torch.gather(input=x, dim=1, index=torch.tensor([[0],[1]]))),
    ('torch.zeros(size=(2,))', lambda: torch.zeros(size=(2,))),
    ('torch.ones(size=(1,), dtype=torch.int64)', lambda: torch.ones(size=(1,), dtype=torch.int64)),
    ('torch.full(size=(2,), fill_value=3.)', lambda: torch.full(size=(2,), fill_value=3.)),
    ('torch.arange(start=0, end=3)', lambda: torch.arange(start=0, end=3)),
    ('torch.std(input=x, dim=0)', lambda: torch.std(input=x, dim=0)),
    ('torch.var(x, dim=0, correction=0)', lambda: torch.var(x, dim=0, correction=0)),
    ('torch.norm(input=x)', lambda: torch.norm(input=x)),
    ('torch.eq(input=x, other=x)', lambda: torch.eq(input=x, other=x)),
    ("torch.einsum('ij->j', x)", lambda: torch.einsum('ij->j', x)),
    ('torch.chunk(input=x, chunks=2)', lambda: torch.chunk(input=x, chunks=2)),
    ('torch.split(tensor=x, split_size_or_sections=1)', lambda: torch.split(tensor=x, split_size_or_sections=1)),
    ('torch.cumsum(input=x, dim=0)', lambda: torch.cumsum(input=x, dim=0)),
    ('torch.masked_fill(input=x, mask=x > 0, value=0.)', lambda: torch.masked_fill(input=x, mask=x > 0, value=0.)),
    ('torch.index_select(input=x, dim=0, index=torch.tensor([1]))', lambda: torch.index_select(input=x, dim=0, index=torch.tensor([1]))),
    ('torch.tril(input=x, diagonal=-1)', lambda: torch.tril(input=x, diagonal=-1)),
    ('torch.matmul(x, other=x)', lambda: torch.matmul(x, other=x)),
    ('torch.mm(x, mat2=x)', lambda: torch.mm(x, mat2=x)),
    ('torch.bmm(x[None], mat2=x[None]).shape', lambda: torch.bmm(x[None], mat2=x[None]).shape),
    ('torch.outer(input=x[0], vec2=x[1])', lambda: torch.outer(input=x[0], vec2=x[1])),
]
for c, f in calls:
    try:
        r = repr(f())
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e).splitlines()[0]
    print(c, '->', r.replace('\n', ' '))
#---
torch.manual_seed(0)
w = torch.randn(1000, 3)
for name, call in [("sum", lambda o: torch.sum(w, 0, out=o)), ("nansum", lambda o: torch.nansum(w, 0, out=o)), ("mean", lambda o: torch.mean(w, 0, out=o)),
                   ("nanmean", lambda o: torch.nanmean(w, 0, out=o)), ("prod", lambda o: torch.prod(w[:20], 0, out=o)), ("var", lambda o: torch.var(w, 0, out=o)),
                   ("std", lambda o: torch.std(w, 0, out=o)), ("mean_all", lambda o: torch.mean(w, out=o)), ("norm", lambda o: torch.norm(w, dim=0, out=o)),
                   ("amax", lambda o: torch.amax(w, 0, out=o)), ("amin", lambda o: torch.amin(w, 0, out=o)), ("sum_all", lambda o: torch.sum(w, out=o)),
                   ("sum_dtype", lambda o: torch.sum(w, dtype=torch.float64, out=o)), ("prod_all", lambda o: torch.prod(w, out=o))]:
    o = torch.empty(0, dtype=torch.float64)
    try:
        call(o)
        print(name, o.dtype, [float(v) for v in o.flatten()])
    except Exception as e:
        print(name, type(e).__name__, str(e))
#---
o = torch.empty(3)
print(torch.norm(w, dim=0, out=o) is o, torch.nansum(w, 0, out=o) is o, o)
#---
torch.manual_seed(0)
x = torch.randn(50, 4)
x[3, 1] = float("-inf")
for d, k in [(0, False), (1, True), ((0, 1), False), (-1, False)]:
    o = torch.empty(0, dtype=torch.float64)
    torch.logsumexp(x, d, keepdim=k, out=o)
    print(d, k, o.flatten().tolist()[:4])
o = torch.empty(0, dtype=torch.float64)
print(torch.logsumexp(x, dim=0, out=o) is o)
