# Loads the fixtures make_fixtures.py wrote. Its output with real PyTorch is
# load_fixtures.out; SavingTests runs this file in Gradbook and compares.
import io
import torch

sd = torch.load("sequential_state.pt")
print(type(sd).__name__, list(sd), sd._metadata)
for k, v in sd.items():
    print(k, v)
model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
print(model.load_state_dict(sd))

t = torch.load("tensors.pt")
for k, v in t.items():
    print(k, v)
t["row_view"] += 100
print(t["matrix"], t["column_view"])

ck = torch.load("checkpoint.pt", map_location="cpu")
print(ck["epoch"], list(ck["optimizer"]["state"]), ck["optimizer"]["param_groups"])
print(ck["optimizer"]["state"][3])
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
optimizer.load_state_dict(ck["optimizer"])
print(optimizer.state_dict()["state"][1]["exp_avg_sq"])

p = torch.load("parameter.pt", weights_only=True)
print(type(p).__name__, p, p.requires_grad)
print(torch.load("list.pt", map_location=torch.device("cpu")))

try:
    torch.load("custom_class.pt")
except Exception as e:
    print(type(e).__name__, str(e).split("\n")[3])


class Point:
    pass


with torch.serialization.safe_globals([Point]):
    print(torch.load("custom_class.pt")["point"].__dict__)
loaded = torch.load("custom_class.pt", weights_only=False)
print(type(loaded["point"]).__name__, loaded["point"].x, loaded["t"])

buffer = io.BytesIO()
torch.save(sd, buffer)
buffer.seek(0)
again = torch.load(buffer)
print(all(torch.equal(a, b) for a, b in zip(again.values(), sd.values())), again._metadata == sd._metadata)
try:
    torch.load("missing.pt")
except FileNotFoundError as e:
    print(e)
