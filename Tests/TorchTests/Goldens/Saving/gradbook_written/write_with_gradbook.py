# Run with Gradbook (`gradbook exec write_with_gradbook.py`): prints each torch.save file
# as hex, since a lesson's writes stay in memory. make.sh turns the hex into .pt files.
import io
import torch

torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loss = model(torch.randn(5, 3)).pow(2).sum()
loss.backward()
optimizer.step()

base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
files = {
    "state_dict.pt": model.state_dict(),
    "checkpoint.pt": {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": 1},
    "tensors.pt": {"matrix": base, "row": base[1], "column": base[:, 2], "longs": torch.tensor([1, -2, 3]),
                   "doubles": torch.tensor([0.5, 1e-300], dtype=torch.float64), "flags": torch.tensor([True, False]),
                   "scalar": torch.tensor(2.5), "empty": torch.zeros(0, 3), "grad": torch.ones(2, requires_grad=True),
                   "meta": {"name": "run-1", "sizes": [3, 4, 2], "pair": (1, None), "big": 2**70}},
    "parameter.pt": model[0].bias,
}
for name, obj in files.items():
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    print(name, buffer.getvalue().hex())
