# Start-up: import torch and run one op. Measures what a one-cell lesson pays before
# its first result.
import torch

print(torch.ones(3) + 1)
