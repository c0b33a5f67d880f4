"""Makes the torch.save fixtures Gradbook's torch.load is tested on, with real PyTorch.

Run with the PyTorch venv from this folder: ~/torch-venv/bin/python make_fixtures.py
"""
import collections
import torch

torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
torch.save(model.state_dict(), "sequential_state.pt")

base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
torch.save({
    "matrix": base,
    "row_view": base[1],
    "column_view": base[:, 2],
    "longs": torch.tensor([1, -2, 3]),
    "doubles": torch.tensor([0.5, 1e-300], dtype=torch.float64),
    "flags": torch.tensor([True, False]),
    "scalar": torch.tensor(2.5),
    "halves": torch.tensor([1.5, -2.0], dtype=torch.float16),
    "bytes": torch.tensor([1, 255], dtype=torch.uint8),
    "int32": torch.tensor([7, 8], dtype=torch.int32),
    "empty": torch.zeros(0, 3),
    "grad": torch.ones(2, requires_grad=True),
    "meta": {"epoch": 3, "loss": 0.25, "name": "run-1", "sizes": [3, 4, 2], "pair": (1, None)},
}, "tensors.pt")

optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss = model(torch.randn(5, 3)).pow(2).sum()
loss.backward()
optimizer.step()
torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": 1}, "checkpoint.pt")

torch.save(torch.nn.Parameter(torch.tensor([1.0, 2.0])), "parameter.pt")
torch.save([torch.tensor([1, 2]), torch.tensor([3.0])], "list.pt")


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


torch.save({"point": Point(1, 2), "t": torch.tensor([1.0])}, "custom_class.pt")
