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
