"""Loads the files Gradbook wrote with real PyTorch (weights_only=True, the default) and
checks them: zip layout as PyTorch's writer makes it, values, views, and that a model
takes the state_dict. Also compares data.pkl with the pickle PyTorch writes itself."""
import io
import zipfile
import torch

torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loss = model(torch.randn(5, 3)).pow(2).sum()
loss.backward()
optimizer.step()

for name in ["state_dict.pt", "checkpoint.pt", "tensors.pt", "parameter.pt"]:
    z = zipfile.ZipFile(name)
    print(name, "crc ok:", z.testzip() is None, "stored:", all(i.compress_type == 0 for i in z.infolist()))
    for info in z.infolist():
        with open(name, "rb") as f:
            f.seek(info.header_offset + 26)
            n = int.from_bytes(f.read(2), "little")
            e = int.from_bytes(f.read(2), "little")
            assert (info.header_offset + 30 + n + e) % 64 == 0, info.filename

sd = torch.load("state_dict.pt")
print(type(sd).__name__, list(sd))
fresh = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
print(fresh.load_state_dict(sd))
print(all(torch.equal(a, b) for a, b in zip(fresh.state_dict().values(), model.state_dict().values())))

ck = torch.load("checkpoint.pt")
print(ck["epoch"], ck["optimizer"]["param_groups"])
print(ck["optimizer"]["state"][0]["momentum_buffer"])
opt2 = torch.optim.SGD(fresh.parameters(), lr=0.1, momentum=0.9)
opt2.load_state_dict(ck["optimizer"])
print(torch.equal(opt2.state_dict()["state"][2]["momentum_buffer"], optimizer.state_dict()["state"][2]["momentum_buffer"]))

t = torch.load("tensors.pt")
for k, v in t.items():
    print(k, v)
t["row"] += 100
print(t["matrix"], t["column"].untyped_storage().data_ptr() == t["matrix"].untyped_storage().data_ptr())

p = torch.load("parameter.pt")
print(type(p).__name__, p)

# The pickle inside each archive, byte for byte against PyTorch's own torch.save.
base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
ours = {"state_dict.pt": model.state_dict(), "parameter.pt": model[0].bias}
for name, obj in ours.items():
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    theirs = zipfile.ZipFile(buffer).read("archive/data.pkl")
    mine = zipfile.ZipFile(name).read("archive/data.pkl")
    print(name, "data.pkl identical to PyTorch's:", mine == theirs)
    names_theirs = [i.filename for i in zipfile.ZipFile(buffer).infolist()]
    names_mine = [i.filename for i in zipfile.ZipFile(name).infolist()]
    print(name, "records identical:", names_theirs == names_mine)
    buffer.seek(0)
    raw_theirs = buffer.getvalue()
    raw_mine = open(name, "rb").read()
    # PyTorch draws .data/serialization_id at random: mask its 40 bytes and its two CRCs.
    masked = set()
    for zf, raw in ((zipfile.ZipFile(buffer), raw_theirs), (zipfile.ZipFile(name), raw_mine)):
        info = zf.getinfo("archive/.data/serialization_id")
        n = int.from_bytes(raw[info.header_offset + 26:info.header_offset + 28], "little")
        e = int.from_bytes(raw[info.header_offset + 28:info.header_offset + 30], "little")
        start = info.header_offset + 30 + n + e
        masked.update(range(start, start + 40 + 8))
        last_central = raw.rfind(b"PK\x01\x02")
        masked.update(range(last_central + 16, last_central + 20))
    differing = [k for k, (a, b) in enumerate(zip(raw_theirs, raw_mine)) if a != b and k not in masked]
    print(name, "same length:", len(raw_theirs) == len(raw_mine), "bytes differing outside serialization_id:", len(differing))
