# torch.optim — last part: make `optim.lr_scheduler` reachable, as in PyTorch.
# lr_scheduler imports nothing from torch.optim, so loading it here is not circular.

import torch.optim.lr_scheduler as lr_scheduler
