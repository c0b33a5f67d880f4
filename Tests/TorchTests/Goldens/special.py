import torch
import math
inf = math.inf
nan = math.nan
edges = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 8.0, -8.0, 5.0, 10.0, 1e-8, -1e-8, 1e-30, 1e-40, 1e-310, 3e38, -3e38, 1e300, -1e300, inf, -inf, nan, 0.25, 0.75, 0.99, -0.99, 0.999999, 1.5, 2.09, -2.09, 8.3, 103.0, 200.0, -30.5, 700.0, 90.0]
grid = [i * 0.173 - 12.0 for i in range(160)]
small = [i * 0.0123 for i in range(90)]
unit = [i * 0.0197 - 0.99 for i in range(101)]
big = [1.5 ** i for i in range(60)]
S = torch.special
def values(dt):
    return torch.tensor(edges + grid + small + big, dtype=dt)
def units(dt):
    return torch.tensor(edges + unit + small, dtype=dt)
#---
for dt in [torch.float32, torch.float64]:
    x = values(dt)
    for name, f in [("digamma", torch.digamma), ("psi", S.psi), ("i0", torch.i0), ("sinc", torch.sinc), ("i0e", S.i0e), ("i1", S.i1), ("i1e", S.i1e),
                    ("trigamma", lambda t: torch.polygamma(1, t)), ("polygamma3", lambda t: t.polygamma(3)), ("lgamma", torch.lgamma)]:
        print(name, dt, f(x).tolist())
#---
for dt in [torch.float32, torch.float64]:
    x = units(dt)
    print("erfinv", dt, torch.erfinv(x).tolist())
    print("ndtri", dt, S.ndtri(x).tolist())
#---
for dt in [torch.float32, torch.float64]:
    x = values(dt)
    for name in ["bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1", "modified_bessel_i0", "modified_bessel_i1",
                 "modified_bessel_k0", "modified_bessel_k1", "scaled_modified_bessel_k0", "scaled_modified_bessel_k1",
                 "airy_ai", "spherical_bessel_j0"]:
        print(name, dt, getattr(S, name)(x).tolist())
#---
for dt in [torch.float32, torch.float64]:
    a = values(dt)
    b = torch.flip(values(dt), [0])
    for name, f in [("xlogy", torch.xlogy), ("logaddexp", torch.logaddexp), ("logaddexp2", torch.logaddexp2),
                    ("copysign", torch.copysign), ("nextafter", torch.nextafter), ("heaviside", torch.heaviside), ("zeta", S.zeta)]:
        print(name, dt, f(a, b).tolist())
#---
for dt in [torch.float32, torch.float64]:
    x = units(dt)[24:]
    for n in [0, 1, 2, 5, 9, 20]:
        for name in ["chebyshev_polynomial_t", "chebyshev_polynomial_u", "chebyshev_polynomial_v", "chebyshev_polynomial_w",
                     "shifted_chebyshev_polynomial_t", "shifted_chebyshev_polynomial_u", "shifted_chebyshev_polynomial_v",
                     "shifted_chebyshev_polynomial_w", "hermite_polynomial_h", "hermite_polynomial_he",
                     "laguerre_polynomial_l", "legendre_polynomial_p"]:
            print(name, n, dt, getattr(S, name)(x, n).tolist())
#---
for dt in [torch.float32, torch.float64]:
    w = torch.tensor(unit, dtype=dt)
    s = torch.tensor(grid[:101], dtype=dt)
    e = torch.tensor(small + small[:11], dtype=dt)
    print("lerp", dt, torch.lerp(s, e, w).tolist())
    print("lerp 0.3", dt, torch.lerp(s, e, 0.3).tolist())
    print("lerp 0.7", dt, s.lerp(e, 0.7).tolist())
    print("addcmul", dt, torch.addcmul(s, e, w, value=0.37).tolist())
    print("addcdiv", dt, s.addcdiv(e, w, value=0.37).tolist())
    print("mvlgamma", dt, torch.mvlgamma(torch.tensor([i * 0.31 + 2.0 for i in range(40)], dtype=dt), 3).tolist())
    print("multigammaln", dt, S.multigammaln(torch.tensor([i * 0.31 + 1.0 for i in range(40)], dtype=dt), 2).tolist())
#---
x = torch.tensor([0.5, 1.0, 2.5, -0.3, 10.0])
torch.digamma(x), torch.special.i1e(x), torch.sinc(x), torch.i0(torch.tensor([1, 2, 3]))
#---
torch.xlogy(torch.tensor([0, 1, 2]), torch.tensor([3, 0, 5])), torch.xlogy(2, torch.tensor([1.0, 4.0])), torch.xlogy(torch.tensor([0.0, 3.0]), 2)
#---
torch.special.zeta(torch.tensor([2.0, 3.0, 4.0]), 1.0), torch.special.zeta(2.0, torch.tensor([1.0, 2.0], dtype=torch.float64))
#---
torch.copysign(torch.tensor([1, -2, 3]), -1.0), torch.heaviside(torch.tensor([-1.0, 0.0, 2.0]), torch.tensor([0.5])), torch.heaviside(torch.tensor([-1, 0, 2]), torch.tensor([7]))
#---
torch.gcd(torch.tensor([12, -18, 0, 7]), torch.tensor([8, 27, 5, 0])), torch.lcm(torch.tensor([4, -6, 0], dtype=torch.int32), torch.tensor([6, 4, 3], dtype=torch.int32))
#---
torch.nextafter(torch.tensor([1.0, 0.0, -1.0]), torch.tensor([2.0, -1.0, -1.0])).tolist(), torch.nextafter(torch.tensor([1.0], dtype=torch.float64), torch.tensor([0.0], dtype=torch.float64)).item()
#---
torch.frexp(torch.tensor([0.0, 1.0, -3.5, 1e-40, 1e30]))
#---
m, e = torch.frexp(torch.tensor([8.0, 0.3], dtype=torch.float64))
m, e, torch.ldexp(m, e), torch.ldexp(torch.tensor([1.0, 2.0]), torch.tensor([3, -1]))
#---
torch.logaddexp(torch.tensor([-inf, inf, 1.0, nan]), torch.tensor([-inf, inf, 2.0, 0.0])), torch.logaddexp2(torch.tensor([1.0, -inf]), torch.tensor([1.0, 3.0]))
#---
torch.special.chebyshev_polynomial_t(torch.tensor([0.5, 2.0]), 3), torch.special.hermite_polynomial_h(torch.tensor([1.5]), torch.tensor([0.0, 1.0, 4.0])), torch.special.legendre_polynomial_p(torch.tensor([0.3, 0.7]), torch.tensor([2, 3]))
#---
torch.polygamma(2, torch.tensor([1.5, 3.0])), torch.tensor([2.5, 0.5]).polygamma(0), torch.mvlgamma(torch.tensor([[2.5, 3.0], [4.0, 5.5]]), 2)
#---
x = torch.tensor([0.5, 1.5, 2.5], requires_grad=True)
y = torch.digamma(x)
y.sum().backward()
y, x.grad
#---
x = torch.tensor([0.5, 1.5, 2.5], dtype=torch.float64, requires_grad=True)
for f in [torch.erfinv, torch.i0, torch.special.i0e, torch.special.i1, torch.special.i1e, torch.sinc, lambda t: torch.polygamma(2, t), lambda t: torch.mvlgamma(t + 1, 2)]:
    x.grad = None
    y = f(x / 3)
    y.sum().backward()
    print(y.grad_fn.name(), x.grad.tolist())
#---
x = torch.tensor([0.1, 0.5, 0.9], dtype=torch.float64, requires_grad=True)
y = torch.special.ndtri(x)
y.sum().backward()
y.grad_fn.name(), x.grad.tolist()
#---
a = torch.tensor([0.0, 1.5, 2.5], requires_grad=True)
b = torch.tensor([2.0, 3.0, 0.5], requires_grad=True)
for f in [torch.xlogy, torch.logaddexp, torch.logaddexp2, torch.copysign, torch.special.xlogy]:
    a.grad = None
    b.grad = None
    y = f(a, b)
    y.sum().backward()
    print(y.grad_fn.name(), a.grad, b.grad)
#---
s = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
e = torch.tensor([4.0, 0.0, -1.0], requires_grad=True)
w = torch.tensor([0.2, 0.7, 0.5], requires_grad=True)
y1 = torch.lerp(s, e, 0.3)
y2 = torch.lerp(s, e, w)
(y1.sum() + y2.sum()).backward()
y1, y2, s.grad, e.grad, w.grad
#---
x = torch.tensor([1.0, 2.0], requires_grad=True)
t1 = torch.tensor([3.0, -1.0], requires_grad=True)
t2 = torch.tensor([0.5, 4.0], requires_grad=True)
y = torch.addcmul(x, t1, t2, value=2) + torch.addcdiv(x, t1, t2, value=-0.5)
y.sum().backward()
y, x.grad, t1.grad, t2.grad
#---
x = torch.tensor([0.25, 3.0], requires_grad=True)
m, e = torch.frexp(x)
m.sum().backward()
m, e, x.grad
#---
x = torch.tensor([0.5, 1.5, 2.5], dtype=torch.float64, requires_grad=True)
for name in ["bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1", "modified_bessel_i0", "modified_bessel_i1", "modified_bessel_k0", "modified_bessel_k1"]:
    x.grad = None
    y = getattr(torch.special, name)(x)
    y.sum().backward()
    print(y.grad_fn.name(), x.grad.tolist())
#---
x = torch.tensor([0.5, 1.5], requires_grad=True)
[(f(x).requires_grad, f(x).grad_fn) for f in [torch.special.airy_ai, torch.special.scaled_modified_bessel_k0, torch.special.scaled_modified_bessel_k1, torch.special.spherical_bessel_j0, lambda t: torch.special.chebyshev_polynomial_t(t, 3), lambda t: torch.special.hermite_polynomial_he(t, t)]]
#---
a = torch.tensor([2.5, 3.0], requires_grad=True)
b = torch.tensor([1.0, -2.0], requires_grad=True)
for f in [lambda: torch.copysign(a, -1.0), lambda: torch.xlogy(2.0, a), lambda: torch.xlogy(a, 2.0), lambda: torch.special.zeta(2.0, a), lambda: torch.ldexp(a, torch.tensor([1, 2])), lambda: torch.ldexp(a, b), lambda: torch.nextafter(a, b)]:
    a.grad = None
    b.grad = None
    y = f()
    y.sum().backward()
    print(y.grad_fn.name(), a.grad, b.grad)
#---
y = torch.special.zeta(a, 2.0)
y.grad_fn.name()
#---
y.sum().backward()
#---
y = torch.heaviside(a, b)
y.grad_fn.name()
#---
y.sum().backward()
#---
torch.gcd(torch.tensor([1.0]), torch.tensor([2.0]))
#---
torch.lcm(torch.tensor([True]), torch.tensor([False]))
#---
torch.logaddexp(torch.tensor([1]), torch.tensor([2]))
#---
torch.nextafter(torch.tensor([1]), torch.tensor([2]))
#---
torch.heaviside(torch.tensor([1.0]), torch.tensor([1.0], dtype=torch.float64))
#---
torch.polygamma(-1, torch.tensor([1.0]))
#---
torch.mvlgamma(torch.tensor([0.2, 3.0]), 2)
#---
torch.mvlgamma(torch.tensor([2.0]), 0)
#---
torch.frexp(torch.tensor([1, 2]))
#---
torch.addcdiv(torch.tensor([1]), torch.tensor([2]), torch.tensor([3]))
#---
torch.lerp(torch.tensor([1.0]), torch.tensor([2.0], dtype=torch.float64), 0.5)
#---
torch.tensor([1, 2]).digamma_()
#---
o = torch.empty(3)
r = torch.digamma(torch.tensor([1.0, 2.0, 3.0]), out=o)
r is o, o
#---
o = torch.empty(2, dtype=torch.float64)
torch.xlogy(torch.tensor([1.0, 2.0], dtype=torch.float64), torch.tensor([3.0, 4.0], dtype=torch.float64), out=o), o
#---
x = torch.tensor([0.5, 1.5, 3.0])
x.digamma_(), x.erfinv_() if False else x.sinc_(), x.xlogy_(torch.tensor([2.0, 3.0, 4.0])), x.copysign_(-1.0), x.i0_()
#---
x = torch.tensor([1.0, 2.0, 4.0])
x.lerp_(torch.tensor([3.0, 3.0, 3.0]), 0.25), x.addcmul_(x, x, value=0.5), x.addcdiv_(x, torch.tensor([2.0, 4.0, 8.0])), x.ldexp_(torch.tensor([1, 2, 3]))
#---
x = torch.tensor([12, 18])
x.gcd_(torch.tensor([8, 12])), x.lcm_(torch.tensor([3, 5])), x.heaviside_(torch.tensor([1, 1]))
#---
x = torch.tensor([1.5, 2.5], dtype=torch.float64)
x.polygamma_(1), x.mvlgamma_(1), x.nextafter_(torch.tensor([0.0, 0.0], dtype=torch.float64)), x.float_power_(2)
#---
torch.tensor([1.5, 2.5]).float_power_(2)
#---
av = [0.0, 0.1, 0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 19.5, 20.5, 25.0, 50.0, 150.0, 199.0, 201.0, 250.0, 500.0, 1000.0, inf, nan, -1.0, 1e-30, 3e5]
xv = [0.0, 1e-8, 0.05, 0.3, 0.5, 0.7, 1.0, 1.05, 1.2, 2.0, 3.5, 9.0, 18.0, 21.0, 24.0, 45.0, 60.0, 140.0, 180.0, 205.0, 260.0, 480.0, 1020.0, inf, nan, -0.5, 3e5]
A = [a for a in av for x in xv] + [((i * 37) % 101) * 0.37 + 0.01 for i in range(600)]
X = [x for a in av for x in xv] + [((i * 53) % 97) * 0.41 + 0.003 for i in range(600)]
for dt in [torch.float32, torch.float64]:
    a = torch.tensor(A, dtype=dt)
    x = torch.tensor(X, dtype=dt)
    print("igamma", dt, torch.igamma(a, x).tolist())
    print("igammac", dt, a.igammac(x).tolist())
    print("gammainc", dt, torch.special.gammainc(a[:50], x[:50]).tolist(), torch.special.gammaincc(a[:50], x[:50]).tolist())
#---
a = torch.tensor([1.5, 2.0], requires_grad=True)
x = torch.tensor([0.5, 3.0], requires_grad=True)
y = torch.special.gammaincc(a.detach(), x)
y.sum().backward()
torch.igamma(a, x).grad_fn.name(), y.grad_fn.name(), x.grad
#---
torch.igamma(a, x).sum().backward()
#---
torch.igamma(torch.tensor([1, 2]), torch.tensor([2, 3]))
#---
t = torch.tensor([2.0, 3.0])
t.igamma_(torch.tensor([1.0, 4.0])), t.igammac_(torch.tensor([0.5, 0.5]))
#---
xs = [0.0, -0.0, 1e-20, 0.5, 1.0, 2.0, 3.7, 10.0, 49.9, 50.0, 50.5, 100.0, 1e6, 5e7, 6e7, 1e30, inf, -inf, nan, -0.5, -1.0, -2.0, -6.0, -6.1, -6.2, -10.0, -26.0, -26.7, -27.0, -1.0000001, -0.9999]
xs += [i * 0.0913 - 9.0 for i in range(400)] + [i * 1.37 for i in range(60)]
for dt in [torch.float32, torch.float64]:
    x = torch.tensor(xs, dtype=dt)
    print("erfcx", dt, torch.special.erfcx(x).tolist())
    print("log_ndtr", dt, torch.special.log_ndtr(x).tolist())
#---
x = torch.tensor([-2.0, 0.5, 3.0], dtype=torch.float64, requires_grad=True)
y1 = torch.special.erfcx(x)
y2 = torch.special.log_ndtr(x)
(y1.sum() + y2.sum()).backward()
y1.grad_fn.name(), y2.grad_fn.name(), x.grad.tolist(), torch.special.erfcx(torch.tensor([1, 2]))
#---
x = torch.tensor([0.5, 1.5, 2.5])
o = torch.empty(3)
r = torch.special.i0e(x, out=o)
o2 = torch.empty(3, dtype=torch.float64)
o3 = torch.empty(2)
r is o, o, torch.special.bessel_j0(x, out=o2), torch.special.chebyshev_polynomial_t(torch.tensor([0.5, 0.3]), 3, out=o3), o3, torch.special.multigammaln(x + 2, 2, out=torch.empty(3)), torch.special.polygamma(1, x, out=torch.empty(3))
#---
torch.special.erfcx(x, out=torch.empty(3, dtype=torch.int64))
