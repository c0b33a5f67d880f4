import torch
x = torch.tensor([[1., 5., 2., 8.], [3., 0.5, 7., 4.]], requires_grad=True)
c = torch.cov(x)
print(c)
c.sum().backward()
print(x.grad)
x.grad = None
r = torch.corrcoef(x)
print(r)
r[0, 1].backward()
print(x.grad)
#---
x = torch.tensor([[1., 5., 2., 8.], [3., 0.5, 7., 4.], [0., 1., 1., 2.]])
print(x.cov(correction=0), torch.cov(x, fweights=torch.tensor([1, 2, 1, 3])))
print(torch.cov(x, aweights=torch.tensor([0.5, 1., 2., 1.5])), torch.cov(x, fweights=torch.tensor([1, 2, 1, 3]), aweights=torch.tensor([0.5, 1., 2., 1.5])))
print(torch.cov(torch.tensor([1, 2, 4])), torch.cov(torch.tensor([1., 2., 4.])), torch.corrcoef(torch.tensor([1., 2., 4.])), x.corrcoef())
print(torch.corrcoef(torch.tensor([[1., 2., 3.], [2., 2., 2.]])))
#---
torch.cov(torch.ones(2, 2, 2))
#---
torch.corrcoef(torch.ones(2, 2, 2))
#---
torch.cov(torch.tensor([True, False]))
#---
torch.cov(torch.ones(2, 3), fweights=torch.tensor([1., 2., 3.]))
#---
torch.cov(torch.ones(2, 3), aweights=torch.tensor([1., -2., 3.]))
#---
x = torch.tensor([[1., 5., 2., 8.], [3., 0.5, 7., 4.]])
print(torch.histogram(x, 3))
print(x.histogram(bins=4, range=(0., 6.)))
print(torch.histogram(x, torch.tensor([0., 1., 2.5, 7.])))
print(torch.histogram(x, 3, weight=torch.tensor([[1., 2., 3., 4.], [0.5, 0.5, 0.5, 0.5]]), density=True))
print(torch.histogram(torch.tensor([0.1, 0.2, 0.3, 0.7, 0.9, 1.0], dtype=torch.float64), 5, density=True))
print(torch.histogram(torch.tensor([2., 2., 2.]), 2), torch.histogram(torch.tensor([]), 2))
#---
torch.histogram(torch.tensor([1, 2]), 2)
#---
print(torch.kaiser_window(8))
print(torch.kaiser_window(7, periodic=False, beta=5.))
print(torch.kaiser_window(6, False, 2.5, dtype=torch.float64))
print(torch.kaiser_window(1), torch.kaiser_window(0), torch.kaiser_window(12, True, 30.))
