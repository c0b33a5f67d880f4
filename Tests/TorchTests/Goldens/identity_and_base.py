# Tensor identity (the same tensor comes back as the same object) and ._base of views of
# tensors without grad; expected output from PyTorch 2.15.
import torch
import torch.nn as nn
lin = nn.Linear(2, 2)
w = lin.weight
print(w.requires_grad_(True) is w)
with torch.no_grad(): print(w.add_(0) is w)
with torch.no_grad(): print(type(w.mul_(1)).__name__)
x = torch.ones(2, 2)
print(x.contiguous() is x, x.t().contiguous() is x)
t = torch.ones(2)
t.note = "hello"
print(t.add_(1).note)
import torch
u = torch.arange(6.)
for name, v in [("view", u.view(2,3)), ("slice", u[1:]), ("select", u[0]), ("detach", u.detach()), ("reshape", u.reshape(3,2)), ("t", u.view(2,3).t()), ("expand", u[:1].expand(3)), ("unsqueeze", u.unsqueeze(0)), ("flatten", u.flatten()), ("data", u.data), ("chain", u.view(2,3)[0]), ("contig", u.contiguous()), ("split", u.split(2)[1])]:
    print(name, v._base is u, v._base is None, v._is_view())
import torch
u=torch.zeros(4)
print(u.flatten() is u, u.view(2,2).flatten()._base is u, u.reshape(4) is u, u.reshape(4)._base is u, u.view(2,2).t().reshape(4)._base is None, u.view(2,2).view(-1)._base is u, u[None]._base is u, u[...]._base is u, u[[0,1]]._base is None, u.unbind()[0]._base is u, u.chunk(2)[0]._base is u, u.narrow(0,1,2)._base is u, u.squeeze()._base is u, u.view(1,4).squeeze(0)._base is u, u.movedim(0,0)._base is u)
