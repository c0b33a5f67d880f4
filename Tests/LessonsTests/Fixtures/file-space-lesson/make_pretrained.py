"""Makes pretrained.pt, the checkpoint this lesson loads, with real PyTorch.

Run from this folder: ~/torch-venv/bin/python make_pretrained.py
"""
import torch

torch.manual_seed(7)
model = torch.nn.Linear(1, 1)
torch.save({"model": model.state_dict(), "note": "made by PyTorch", "steps": 0}, "pretrained.pt")
