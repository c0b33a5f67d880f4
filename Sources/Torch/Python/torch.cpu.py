# torch.cpu: the CPU device module (what scripts query next to torch.cuda) and torch.cpu.amp.
import torch


def is_available():
    return True


def device_count():
    return 1


def current_device():
    return "cpu"


def synchronize(device=None):
    pass

import torch.cpu.amp
