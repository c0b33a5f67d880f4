import torch
print(torch.get_float32_matmul_precision(), torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled(), torch.get_deterministic_debug_mode(), torch.is_warn_always_enabled())
torch.use_deterministic_algorithms(True, warn_only=True)
print(torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled(), torch.get_deterministic_debug_mode())
torch.set_deterministic_debug_mode('error')
print(torch.get_deterministic_debug_mode(), torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled())
torch.set_deterministic_debug_mode(0)
print(torch.are_deterministic_algorithms_enabled())
#---
torch.set_deterministic_debug_mode('x')
#---
torch.set_float32_matmul_precision('fast')
torch.set_float32_matmul_precision('high')
print(torch.get_float32_matmul_precision())
torch.set_float32_matmul_precision('highest')
torch.set_warn_always(True)
print(torch.is_warn_always_enabled())
torch.set_warn_always(False)
#---
print(torch.typename(torch.ones(1)), torch.typename(torch.ones(1, dtype=torch.long)), torch.typename(3), torch.typename(torch.ones(1).__class__))
print(torch.scalar_tensor(3), torch.scalar_tensor(2, dtype=torch.int64), torch.scalar_tensor(1.5))
#---
x = torch.arange(6.).reshape(2, 3)
print(x.H, x.mH.shape, torch.ones(2, 2, 3).mH.shape)
#---
torch.ones(2, 2, 2).H
