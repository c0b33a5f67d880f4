import torch
x = torch.arange(6.).reshape(2, 3)
y = x.unsqueeze_(0)
print(y is x, x.shape, x.stride())
x.squeeze_()
print(x.shape)
x.t_()
print(x, x.is_contiguous())
x.transpose_(0, 1).swapaxes_(0, 1).swapdims_(1, 0)
print(x.shape)
#---
z = torch.zeros(1, 2, 1)
z.squeeze_(0)
z.shape
#---
torch.ones(2, requires_grad=True).unsqueeze_(0)
#---
v = torch.tensor([-2., 0.5, 3.])
print(v.clamp_min_(0.), v.clamp_max_(1), v)
#---
m = torch.tensor([[3, 1], [1, 2], [2, 0]])
print(torch.msort(m), m.msort(), torch.positive(m) is m)
#---
a = torch.tensor([0., 90., 180.])
print(torch.deg2rad(a), a.rad2deg(), torch.deg2rad(torch.tensor([180])))
b = torch.tensor([1., 2.])
b.deg2rad_()
b
#---
p = torch.tensor([[1., 0., 0.], [0., 1., 0.]])
q = torch.tensor([[0., 1., 0.], [0., 0., 1.]])
print(torch.cross(p, q, dim=1), p.cross(q, dim=-1), torch.linalg.vector_norm(torch.cross(p, q, dim=1), dim=1))
#---
torch.cross(torch.ones(2, 2), torch.ones(2, 2), dim=1)
#---
print(torch.logit(torch.tensor([0.25, 0.5, 0.9])), torch.tensor([0., 1.]).logit(eps=1e-6), torch.logit(torch.tensor([0.5], dtype=torch.float64)))
#---
print(torch.finfo(torch.float32), torch.finfo(torch.float64), torch.finfo(torch.float16), torch.finfo(torch.bfloat16))
f = torch.finfo()
print(f.eps, f.max, f.min, f.tiny, f.bits, f.resolution, f.dtype, torch.finfo(torch.float64).eps)
print(torch.iinfo(torch.int32), torch.iinfo(torch.int64), torch.iinfo(torch.uint8), torch.iinfo(torch.int8).min, torch.iinfo(torch.int16).max, torch.iinfo(torch.int64).bits)
#---
torch.finfo(torch.int32)
#---
torch.iinfo(torch.float32)
#---
torch.iinfo(torch.bool)
#---
torch.set_default_device("cpu")
print(torch.get_default_device(), torch.zeros(1).device)
torch.set_default_device(None)
#---
import torch.special
s = torch.tensor([-1., 0., 0.5, 2.])
print(torch.special.expit(s), torch.special.erf(s), torch.special.erfc(s), torch.special.exp2(s), torch.special.expm1(s))
print(torch.special.log1p(s), torch.special.gammaln(torch.tensor([0.5, 3.])), torch.special.round(torch.tensor([1.26, 2.5]), decimals=1))
print(torch.special.softmax(s, 0), torch.special.log_softmax(s, dim=0), torch.special.logsumexp(s, 0))
#---
print(torch.special.logit(torch.tensor([0.1, 0.5, 0.75])), torch.special.logit(torch.tensor([0., 1.]), eps=0.01))
print(torch.special.xlogy(torch.tensor([0., 1., 2.]), torch.tensor([0., 3., float('nan')])), torch.special.xlogy(2, torch.tensor([3.])))
print(torch.special.xlog1py(torch.tensor([0., 2.]), torch.tensor([-1., 1.])))
print(torch.special.entr(torch.tensor([-1., 0., 0.5, 1., 2.])), torch.special.sinc(torch.tensor([0., 0.5, 1., 1.5])))
print(torch.special.ndtr(torch.tensor([-1., 0., 1.96])), torch.special.sinc(torch.tensor([0, 1])))
#---
torch.random.manual_seed(3)
a = torch.rand(2)
state = torch.random.get_rng_state()
b = torch.rand(2)
torch.random.set_rng_state(state)
c = torch.rand(2)
print(torch.equal(b, c), torch.random.initial_seed(), state.dtype, state.shape)
with torch.random.fork_rng():
    torch.rand(5)
#---
torch.random.manual_seed(5)
with torch.random.fork_rng():
    inside = torch.rand(3)
after = torch.rand(3)
print(torch.equal(inside, after), type(torch.random.seed()))
