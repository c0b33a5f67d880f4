import torch
x = torch.tensor([[1., 2.], [3., 4.]])
y = x.cumsum_(1)
print(y is x, x, x.cumprod_(dim=0))
#---
a = torch.tensor([3., 5.])
print(a.hypot_(torch.tensor([4., 12.])), a.atan2_(torch.tensor([1., -1.])), a.arctan2_(torch.tensor([2., 2.])))
#---
n = torch.tensor([float('nan'), float('inf'), -float('inf'), 1.])
print(n.nan_to_num_(nan=0.5, posinf=9.), torch.tensor([0., 2.]).logical_not_(), torch.tensor([0, 3]).logical_not_())
#---
torch.tensor([1, 2]).cumsum_(0, dtype=torch.float32)
#---
w = torch.tensor([1., 2., 3.], requires_grad=True)
h = w * 1
h.cumsum_(0)
h.sum().backward()
print(h, w.grad)
#---
torch.tensor([1, 2]).hypot_(torch.tensor([1., 1.]))
#---
torch.tensor([1., 2.]).cumsum_(dim=5)
