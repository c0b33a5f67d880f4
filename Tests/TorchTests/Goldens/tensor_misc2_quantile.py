import torch
x = torch.tensor([[1., 5., 2., 8.], [3., 0.5, 7., 4.]], requires_grad=True)
for m in ["linear", "lower", "higher", "midpoint", "nearest"]:
    print(m, torch.quantile(x, 0.4, dim=1, interpolation=m))
#---
x = torch.tensor([[1., 5., 2., 8.], [3., 0.5, 7., 4.]], requires_grad=True)
y = torch.quantile(x, torch.tensor([0.25, 0.6]))
print(y)
y.sum().backward()
print(x.grad)
#---
x = torch.tensor([[1., 5., 2., 8.], [3., 0.5, 7., 4.]], requires_grad=True)
z = x.quantile(torch.tensor([0.3, 0.7]), dim=0, keepdim=True)
print(z, z.shape)
(z * torch.arange(8.).reshape(2, 1, 4)).sum().backward()
print(x.grad)
#---
d = torch.tensor([[0.1, 0.9, 0.35], [0.7, 0.2, 0.5]], dtype=torch.float64)
print(torch.quantile(d, 0.5, dim=0), torch.quantile(d, 0.33, dim=-1, keepdim=True))
print(torch.quantile(d, torch.tensor([0., 0.5, 1.], dtype=torch.float64), dim=1, interpolation="nearest"))
print(torch.quantile(torch.tensor(3.), 0.5), torch.quantile(torch.tensor(3.), 0.5, dim=0, keepdim=True))
#---
n = torch.tensor([[1., float("nan"), 3., 2.], [float("nan"), float("nan"), float("nan"), float("nan")], [4., 1., 2., 3.]])
print(torch.quantile(n, 0.5, dim=1))
print(torch.nanquantile(n, 0.5, dim=1))
print(torch.nanquantile(n, torch.tensor([0.1, 0.9]), dim=1, interpolation="higher"))
print(n.nanquantile(0.75), n.quantile(0.75))
#---
torch.quantile(torch.tensor([1., 2.]), 1.5)
#---
torch.quantile(torch.tensor([1., 2.]), torch.tensor([0.5, 2.]))
#---
torch.quantile(torch.tensor([1., 2.]), 0.5, interpolation="cubic")
#---
torch.quantile(torch.tensor([1, 2]), 0.5)
#---
torch.quantile(torch.tensor([1., 2.]), torch.tensor([0.5], dtype=torch.float64))
#---
torch.quantile(torch.tensor([]), 0.5)
#---
torch.tensor([[1., 2.]]).quantile(0.5, dim=3)
#---
torch.quantile(torch.tensor([1., 2.]), torch.ones(2, 2))
