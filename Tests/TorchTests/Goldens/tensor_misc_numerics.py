import torch
torch.manual_seed(0)
xs = [torch.randn(5, 7), torch.randn(33, 20), torch.randn(3, 100), torch.randn(64, 9), torch.randn(4, 5, 6)]
for x in xs:
    for d in range(x.dim()):
        print("prod", list(x.shape), d, (x * 0.5 + 1).prod(d).tolist())
        for p in [1, 3, 2]:
            print("norm", p, list(x.shape), d, x.norm(p=p, dim=d).tolist())
    print("all", (x * 0.1 + 1).prod().item(), x.norm(p=1).item(), x.norm(p=3).item())
#---
torch.manual_seed(5)
y = torch.randn(6, 11, dtype=torch.float64)
print(y.norm(dim=1).tolist(), y.norm(p=3, dim=0).tolist(), torch.linalg.vector_norm(y, 1).item())
t = torch.randn(7, 50).t()
print(t.norm(p=1, dim=0).tolist(), t.norm(dim=1).tolist()[:5], t.norm(p=3).item(), t.prod(0).tolist()[:3])
#---
z = torch.tensor([[0.1, 0.7, 1.3], [2.2, -0.4, 0.9]])
print(z.prod(0), z.prod(1, keepdim=True), z.norm(p=1, dim=0), z.norm(p=3, dim=1), torch.norm(z, dim=0))
