import torch
x = torch.tensor([[1., -2.], [3., 4.]])
print(x.conj() is x, torch.resolve_conj(x) is x, torch.resolve_neg(x) is x, torch.real(x) is x, x.real is x, x.conj_physical() is x)
print(x.is_conj(), x.is_neg(), torch.isreal(x), x.is_same_size(x.t()), x.is_same_size(torch.ones(3)), x.is_signed(), torch.tensor([1], dtype=torch.uint8).is_signed())
#---
x.imag
#---
torch.imag(x)
#---
print(torch.atleast_1d(torch.tensor(1.)), torch.atleast_2d(torch.tensor([1., 2.])).shape, torch.atleast_3d(x).shape, torch.atleast_3d(torch.tensor([1, 2])).shape)
torch.atleast_2d(x, torch.tensor(5))
#---
print(torch.vdot(torch.tensor([1., 2.]), torch.tensor([3., 4.])), torch.row_stack([torch.ones(2), torch.zeros(2)]), torch.column_stack([torch.ones(2), torch.zeros(2)]))
print(torch.dstack([torch.ones(2), torch.zeros(2)]).shape, torch.take(x, torch.tensor([[0, 3], [1, 1]])), x.take(torch.tensor([2])))
