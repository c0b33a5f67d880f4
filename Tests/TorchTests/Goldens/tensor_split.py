import torch
x = torch.arange(7)
print(torch.tensor_split(x, 3), torch.tensor_split(x, [1, 5, 9]), x.tensor_split((2,), dim=0))
#---
y = torch.arange(12.).reshape(2, 6)
print(torch.hsplit(y, 3), torch.hsplit(y, [1, 4]), torch.vsplit(y, 2), y.tensor_split(4, dim=1))
#---
torch.hsplit(y, 4)
#---
torch.vsplit(x, 1)
#---
torch.dsplit(y, 2)
#---
torch.tensor_split(x, 0)
#---
print(torch.hsplit(x, 7), torch.dsplit(torch.zeros(1, 1, 4), [1])[1].shape, y.hsplit(2)[0].is_contiguous())
