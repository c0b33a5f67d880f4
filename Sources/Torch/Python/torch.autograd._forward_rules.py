import torch
import torch.nn.functional as F
from torch.autograd.forward_ad import _state, _tangent, _set_tangent, _NoRule

# PyTorch's forward-mode formulas (tools/autograd/derivatives.yaml `result:` lines and the *_jvp
# helpers of FunctionsManual.cpp), one rule per op, in PyTorch's order of terms. Three kinds:
# - "ew" (auto_element_wise): the formula is the op's backward with grad = the tangent, so
#   the op's own backward computes it (same kernels as reverse mode);
# - "lin" (auto_linear): the op applied to the tangent;
# - a function rule(out, args, kwargs) -> tangent (or a list of them for tuple outputs);
# - a decomposition: a Python function run with the wrappers live, for PyTorch's
#   CompositeImplicitAutograd ops (F.linear, matmul, F.normalize, ...), which forward AD
#   differentiates through the ops they call.

_EW = "ew"
_LIN = "lin"


def _t(x):
    return _tangent(x)


def _vjp(fn, args, i, grad, kwargs):
    # The vector-Jacobian product of fn w.r.t. positional argument i along `grad`.
    with torch.enable_grad():
        a = list(args)
        a[i] = a[i].detach().requires_grad_(True)
        y = fn(*a, **kwargs)
        return torch.autograd.grad(y, a[i], grad)[0]


def _zeros(x):
    return torch.zeros_like(x)


def _or_zeros(x):
    t = _t(x)
    return _zeros(x) if t is None else t


def _plus(a, b):
    # a + b where None is PyTorch's zero tensor.
    if a is None:
        return b
    if b is None:
        return a
    return a + b


def _scale(t, s):
    # maybe_multiply: t * s unless s is one.
    if t is None or s == 1:
        return t
    return t * s


def _ew_rule(orig, name):
    def rule(out, args, kwargs):
        x = args[0]
        xt = _t(x)
        if xt is None:
            raise _NoRule()
        for a in args[1:]:
            if _t(a) is not None:
                raise _NoRule()
        if not x.is_floating_point():
            raise _NoRule()
        return _vjp(orig, args, 0, xt, kwargs)
    return rule


def _lin_rule(orig, name):
    # Other tensor arguments of these ops (expand_as's `other`, indices) are not differentiable.
    def rule(out, args, kwargs):
        xt = _t(args[0])
        if xt is None:
            return None
        return orig(xt, *args[1:], **kwargs)
    return rule


# --- arithmetic -------------------------------------------------------------------------

def _add(out, args, kwargs, sign=1):
    self, other = args[0], args[1]
    alpha = kwargs.get("alpha", args[2] if len(args) > 2 else 1)
    st, ot = _t(self), _t(other)
    if ot is None:
        return st
    ot = _scale(ot, alpha)
    if sign < 0:
        return -ot if st is None else st - ot
    return ot if st is None else st + ot


def _sub(out, args, kwargs):
    return _add(out, args, kwargs, -1)


def _rsub(out, args, kwargs):
    # other - alpha * self (Tensor.__rsub__ / torch.rsub).
    self, other = args[0], args[1]
    alpha = kwargs.get("alpha", 1)
    st = _scale(_t(self), alpha)
    ot = _t(other)
    if ot is None:
        return -st
    return ot if st is None else ot - st


def _mul(out, args, kwargs):
    self, other = args[0], args[1]
    st, ot = _t(self), _t(other)
    if not isinstance(other, torch.Tensor):
        return st * other
    a = None if ot is None else ot * self
    b = None if st is None else st * other
    return _plus(a, b)


def _div(out, args, kwargs):
    self, other = args[0], args[1]
    if kwargs.get("rounding_mode") is not None or len(args) > 2:
        return torch.zeros_like(out)
    st, ot = _t(self), _t(other)
    if not isinstance(other, torch.Tensor):
        return st / other
    if ot is None:
        return st / other
    num = ot * out
    num = -num if st is None else st - num
    return num / other


def _rtruediv(self, other):
    # Tensor.__rtruediv__ is `self.reciprocal() * other` in PyTorch's _tensor.py.
    return self.reciprocal() * other


def _pow(out, args, kwargs):
    self, exponent = args[0], args[1]
    if not isinstance(self, torch.Tensor):
        # pow.Scalar (Tensor.__rpow__ too): auto_element_wise.
        raise _NoRule()
    if not isinstance(exponent, torch.Tensor):
        if _t(self) is None:
            raise _NoRule()
        return _vjp(_ORIG["torch.pow"], (self, exponent), 0, _t(self), {})
    st, et = _t(self), _t(exponent)
    a = None
    if st is not None:
        a = torch.where(exponent == 0.0, torch.scalar_tensor(0.0, dtype=st.dtype),
                        st * (exponent * self.pow(exponent - 1)))
    b = None
    if et is not None:
        cond = torch.logical_and(self == 0, exponent >= 0)
        self_ = self.to(torch.result_type(self, exponent))
        b = et * torch.where(cond, torch.scalar_tensor(0.0, dtype=et.dtype), out * self_.log())
    return _plus(a, b)


def _rpow(out, args, kwargs):
    # number ** tensor: pow.Scalar, auto_element_wise (the backward of pow with a Scalar base).
    self, base = args[0], args[1]
    return _vjp(lambda e: _ORIG["torch.pow"](base, e), (self,), 0, _t(self), {})


def _atan2(out, args, kwargs):
    self, other = args[0], args[1]
    st, ot = _t(self), _t(other)
    a = None if ot is None else -self * ot
    b = None if st is None else other * st
    return _plus(a, b) / (self.pow(2) + other.pow(2))


def _hypot(out, args, kwargs):
    self, other = args[0], args[1]
    st, ot = _t(self), _t(other)
    a = None if st is None else st * self / out
    b = None if ot is None else ot * other / out
    return _plus(a, b)


def _maximum(out, args, kwargs, sign=1):
    self, other = args[0], args[1]
    st, ot = _or_zeros(self), _or_zeros(other)
    pick = self > other if sign > 0 else self < other
    return torch.where(self == other, (st + ot) / 2, torch.where(pick, st, ot))


def _minimum(out, args, kwargs):
    return _maximum(out, args, kwargs, -1)


def _lerp(out, args, kwargs):
    self, end, weight = args[0], args[1], kwargs.get("weight", args[2] if len(args) > 2 else None)
    st, et = _or_zeros(self), _or_zeros(end)
    if not isinstance(weight, torch.Tensor):
        return torch.lerp(st, et, weight)
    wt = _t(weight)
    r = torch.lerp(st, et, weight)
    return r if wt is None else r + wt * (end - self)


def _addcmul(out, args, kwargs):
    self, t1, t2 = args[0], args[1], args[2]
    value = kwargs.get("value", 1)
    r = _t(self)
    if _t(t1) is not None:
        r = _plus(r, _scale(_t(t1) * t2, value))
    if _t(t2) is not None:
        r = _plus(r, _scale(_t(t2) * t1, value))
    return r


def _addcdiv(out, args, kwargs):
    self, t1, t2 = args[0], args[1], args[2]
    value = kwargs.get("value", 1)
    r = _t(self)
    if _t(t1) is not None:
        r = _plus(r, _scale(_t(t1) / t2, value))
    if _t(t2) is not None:
        s = _scale(_t(t2) * (t1 / t2) / t2, value)
        r = -s if r is None else r - s
    return r


def _where(out, args, kwargs):
    cond, a, b = args[0], args[1], args[2]
    at = _or_zeros(a) if isinstance(a, torch.Tensor) else torch.zeros((), dtype=out.dtype)
    bt = _or_zeros(b) if isinstance(b, torch.Tensor) else torch.zeros((), dtype=out.dtype)
    return torch.where(cond, at, bt)


# --- matrix products ----------------------------------------------------------------------

def _two(out, args, op):
    a, b = args[0], args[1]
    at, bt = _t(a), _t(b)
    x = None if at is None else op(at, b)
    y = None if bt is None else op(a, bt)
    return _plus(x, y)


def _mm(out, args, kwargs):
    return _two(out, args, torch.mm)


def _bmm(out, args, kwargs):
    return _two(out, args, torch.bmm)


def _mv(out, args, kwargs):
    return _two(out, args, torch.mv)


def _dot(out, args, kwargs):
    return _two(out, args, torch.dot)


def _addmm(out, args, kwargs):
    self, m1, m2 = args[0], args[1], args[2]
    beta, alpha = kwargs.get("beta", 1), kwargs.get("alpha", 1)
    r = _scale(_t(self), beta)
    if _t(m1) is not None:
        r = _plus(r, _scale(_t(m1).mm(m2), alpha))
    if _t(m2) is not None:
        r = _plus(r, _scale(m1.mm(_t(m2)), alpha))
    return r


def _matmul(a, b):
    # at::matmul's decomposition for the shapes lessons use (aten/src/ATen/native/LinearAlgebra.cpp).
    da, db = a.dim(), b.dim()
    if da == 1 and db == 1:
        return torch.dot(a, b)
    if da == 2 and db == 1:
        return torch.mv(a, b)
    if da == 1 and db == 2:
        return torch.mm(a.unsqueeze(0), b).squeeze(0)
    if da == 2 and db == 2:
        return torch.mm(a, b)
    if da >= 3 and db in (1, 2) and a.is_contiguous():
        lead = list(a.shape[:-1])
        folded = a.reshape(-1, a.shape[-1])
        if db == 1:
            return torch.mv(folded, b).view(lead)
        return torch.mm(folded, b).view(lead + [b.shape[-1]])
    if da == 3 and db == 3 and a.shape[0] == b.shape[0]:
        return torch.bmm(a, b)
    raise _NoRule()


def _linear(input, weight, bias=None):
    # at::linear (CompositeImplicitAutograd): addmm for 2-D input with a bias, else matmul + add.
    if input.dim() == 2 and bias is not None:
        return torch.addmm(bias, input, weight.t())
    out = _matmul(input, weight.t())
    if bias is not None:
        out = out + bias
    return out


def _outer(self, vec2):
    return self.reshape(-1, 1) * vec2


# --- reductions and softmax ---------------------------------------------------------------

def _dims(dim, ndim):
    if dim is None:
        return list(range(ndim))
    if isinstance(dim, int):
        return [dim]
    return list(dim)


def _logsumexp_jvp(p, t, dim, keepdim):
    # FunctionsManual.cpp logsumexp_jvp: exp-normalize, then sum(exp * t) / sum(exp).
    if p.numel() > 0:
        e = (p - torch.amax(p, dim, True)).exp()
    else:
        e = p.exp()
    s = e.sum(dim, keepdim)
    e = e * t
    return e.sum(dim, keepdim) / s


def _softmax_dim(args, kwargs):
    dim = kwargs.get("dim", args[1] if len(args) > 1 else None)
    if dim is None or kwargs.get("dtype") is not None or (len(args) > 3 and args[3] is not None):
        raise _NoRule()
    return dim


def _softmax(out, args, kwargs):
    dim = _softmax_dim(args, kwargs)
    return out * (_t(args[0]) - _logsumexp_jvp(args[0], _t(args[0]), [dim], True))


def _log_softmax(out, args, kwargs):
    dim = _softmax_dim(args, kwargs)
    return _t(args[0]) - _logsumexp_jvp(args[0], _t(args[0]), [dim], True)


def _logsumexp(out, args, kwargs):
    x = args[0]
    dim = kwargs.get("dim", args[1] if len(args) > 1 else None)
    keepdim = kwargs.get("keepdim", args[2] if len(args) > 2 else False)
    return _logsumexp_jvp(x, _t(x), _dims(dim, x.dim()), keepdim)


def _norm_jvp(p, t, ord, norm, dim, keepdim):
    ord = float(ord)
    if ord == 2.0:
        r = p.mul(t).sum(dim, keepdim)
        return r.div(norm).masked_fill(norm == 0, 0)
    if ord == 1.0:
        return p.sgn().mul(t).sum(dim, keepdim)
    raise _NoRule()


def _vector_norm(out, args, kwargs):
    x = args[0]
    ord = kwargs.get("ord", args[1] if len(args) > 1 else 2)
    dim = kwargs.get("dim", args[2] if len(args) > 2 else None)
    keepdim = kwargs.get("keepdim", args[3] if len(args) > 3 else False)
    if kwargs.get("dtype") is not None:
        raise _NoRule()
    return _norm_jvp(x, _t(x), ord, out, _dims(dim, x.dim()) if dim is not None else [], keepdim)


def _tensor_norm(self, p="fro", dim=None, keepdim=False, dtype=None):
    # torch.functional.norm: 2-norms and numeric p go to torch.linalg.vector_norm.
    if dtype is not None or isinstance(p, str) and p != "fro":
        raise _NoRule()
    if p == "fro":
        if dim is not None and not isinstance(dim, int) and len(dim) > 2:
            raise _NoRule()
        p = 2
    return torch.linalg.vector_norm(self, p, dim, keepdim)


def _var_args(x, args, kwargs):
    # var/std(input, dim=None, unbiased=True, keepdim=False, *, correction=None)
    dim = kwargs.get("dim", None)
    unbiased = kwargs.get("unbiased", None)
    keepdim = kwargs.get("keepdim", False)
    rest = list(args[1:])
    if rest and isinstance(rest[0], bool):
        unbiased = rest.pop(0)
    elif rest:
        dim = rest.pop(0)
        if rest:
            unbiased = rest.pop(0)
        if rest:
            keepdim = rest.pop(0)
    correction = kwargs.get("correction", None)
    if correction is None:
        correction = 0 if unbiased is False else 1
    return dim, correction, keepdim


def _var_jvp(x, t, dim, correction, keepdim):
    # var_backward(self_t, self_p, dim, correction, keepdim=true).sum(dim, keepdim)
    if x.dim() == 0 or dim is None:
        dof = x.numel() - correction
        g = (2.0 / dof) * t * (x - x.mean())
        return g.sum([], keepdim) if dim is not None else g.sum()
    dims = _dims(dim, x.dim())
    n = 1
    for d in dims:
        n *= x.shape[d]
    g = (2.0 / (n - correction)) * t * (x - x.mean(dims, True))
    return g.sum(dims, keepdim)


def _var(out, args, kwargs):
    x = args[0]
    dim, correction, keepdim = _var_args(x, args, kwargs)
    return _var_jvp(x, _t(x), dim, correction, keepdim)


def _std(out, args, kwargs):
    x = args[0]
    dim, correction, keepdim = _var_args(x, args, kwargs)
    return (_var_jvp(x, _t(x), dim, correction, keepdim) / (2. * out)).masked_fill(out == 0, 0)


def _prod(out, args, kwargs):
    x = args[0]
    if kwargs.get("dtype") is not None:
        raise _NoRule()
    dim = kwargs.get("dim", args[1] if len(args) > 1 else None)
    keepdim = kwargs.get("keepdim", args[2] if len(args) > 2 else False)
    if x.dim() == 0:
        return _t(x).clone()
    zeros = int((x == 0).sum())
    if zeros > 0 and not _state["track"]:
        # prod_backward with zeros in the input.
        if dim is None:
            if zeros > 1 and not torch.is_grad_enabled():
                return (torch.zeros_like(x) * _t(x)).sum()
            return (_prod_safe(x.contiguous().view(-1), 0).view_as(x) * _t(x)).sum()
        return (_prod_safe(x, dim) * _t(x)).sum(dim, keepdim)
    if _state["track"]:
        # Under torch.func the primal is a functorch wrapper, which prod_backward treats as
        # a tensor subclass: it always takes prod_safe_zeros_backward.
        if dim is None:
            return (_prod_safe(x.contiguous().view(-1), 0).view_as(x) * _t(x)).sum()
        return (_prod_safe(x, dim) * _t(x)).sum(dim, keepdim)
    if dim is None:
        return ((out / x) * _t(x)).sum()
    r = out if keepdim else out.unsqueeze(dim)
    return ((r / x) * _t(x)).sum(dim, keepdim)


def _prod_safe(inp, dim):
    # prod_safe_zeros_backward with grad = 1: exclusive cumprods from both ends.
    n = inp.shape[dim]
    if n == 1:
        return torch.ones_like(inp)
    size = list(inp.shape)
    size[dim] = 1
    ones = torch.ones(size, dtype=inp.dtype)
    normal = torch.cat([ones, inp.narrow(dim, 0, n - 1)], dim).cumprod(dim)
    reverse = torch.cat([ones, inp.narrow(dim, 1, n - 1).flip(dim)], dim).cumprod(dim).flip(dim)
    return normal * reverse


def _cumprod(out, args, kwargs):
    x = args[0]
    dim = kwargs.get("dim", args[1] if len(args) > 1 else None)
    if kwargs.get("dtype") is not None:
        raise _NoRule()
    t = _t(x)
    gradient = (t / x).cumsum(dim) * out
    if x.dim() == 0:
        return gradient.masked_fill(x.eq(0), t)
    # cumprod_jvp: past the first zero of a row, the cumulative product of (.., t at that zero, ..).
    mask_zeros = x.eq(0)
    first = mask_zeros.logical_and(mask_zeros.cumsum(dim).eq(1))
    new_grad = torch.where(first, t, x).cumprod(dim)
    after = first.cumsum(dim)
    return torch.where(after.to(torch.bool), new_grad, gradient)


def _amax(out, args, kwargs):
    x = args[0]
    dim = kwargs.get("dim", args[1] if len(args) > 1 else [])
    keepdim = kwargs.get("keepdim", args[2] if len(args) > 2 else False)
    dims = _dims(dim, x.dim()) if dim != [] and dim != () else list(range(x.dim()))
    r = out
    if not keepdim:
        for d in sorted(d % x.dim() for d in dims):
            r = r.unsqueeze(d)
    mask = x == r
    return torch.where(mask, _t(x), 0.).sum(dims, keepdim) / mask.sum(dims, keepdim)


def _max_like(out, args, kwargs):
    x = args[0]
    if len(args) > 1 or kwargs:
        dim = kwargs.get("dim", args[1] if len(args) > 1 else None)
        if isinstance(dim, torch.Tensor) or dim is None:
            # max(a, b): maximum
            raise _NoRule()
        keepdim = kwargs.get("keepdim", args[2] if len(args) > 2 else False)
        idx = out[1] if keepdim else out[1].unsqueeze(dim)
        v = _t(x).gather(dim, idx)
        return [v if keepdim else v.squeeze(dim), None]
    # evenly_read_jvp
    mask = x == out
    return (mask * _t(x)).sum() / mask.sum()


def _list_rule(which):
    def rule(out, args, kwargs):
        ts = args[0]
        tangents = [_or_zeros(t) for t in ts]
        return _ORIG[which](tangents, *args[1:], **kwargs)
    return rule


# --- nn ops -------------------------------------------------------------------------------

def _conv(which):
    def rule(out, args, kwargs):
        a = list(args)
        names = ["input", "weight", "bias", "stride", "padding", "dilation", "groups"]
        for k in list(kwargs):
            if k in names and names.index(k) < 3:
                while len(a) <= names.index(k):
                    a.append(None)
                a[names.index(k)] = kwargs.pop(k)
        while len(a) < 3:
            a.append(None)
        x, w, b = a[0], a[1], a[2]
        xt, wt, bt = _t(x), _t(w), _t(b) if b is not None else None
        conv = _ORIG[which]
        r = None
        if xt is not None:
            r = conv(xt, w, None, *a[3:], **kwargs)
        if wt is not None or bt is not None:
            s = conv(x, wt if wt is not None else _zeros(w), bt, *a[3:], **kwargs)
            r = _plus(r, s)
        return r
    return rule


def _reduction(args, kwargs, pos):
    r = kwargs.get("reduction", args[pos] if len(args) > pos else "mean")
    if kwargs.get("size_average") is not None or kwargs.get("reduce") is not None:
        raise _NoRule()
    return r


def _reduce(t, reduction):
    if reduction == "mean":
        return t.mean()
    if reduction == "sum":
        return t.sum()
    return t


def _pair_loss(which, extra_names):
    # mse/smooth_l1/huber: loss_backward(self_t, self_p, target_p) + loss_backward(target_t, target_p, self_p),
    # unreduced, then reduced: each term is the unreduced loss's backward along that tangent.
    def rule(out, args, kwargs):
        x, target = args[0], args[1]
        if x.shape != target.shape:
            raise _NoRule()
        reduction = _reduction(args, kwargs, 2 if not extra_names else 99)
        extra = {k: kwargs[k] for k in extra_names if k in kwargs}
        if len(args) > 2:
            raise _NoRule()
        fn = lambda a, b: _ORIG[which](a, b, reduction="none", **extra)
        r = None
        if _t(x) is not None:
            r = _vjp(fn, (x, target), 0, _t(x), {})
        if _t(target) is not None:
            r = _plus(r, _vjp(fn, (target, x), 0, _t(target), {}))
        return _reduce(r, reduction)
    return rule


def _bce_logits(out, args, kwargs):
    x, target = args[0], args[1]
    if x.shape != target.shape or len(args) > 2:
        raise _NoRule()
    reduction = _reduction(args, kwargs, 99)
    extra = {k: kwargs[k] for k in ("weight", "pos_weight") if k in kwargs}
    fn = lambda a, b: _ORIG["F.binary_cross_entropy_with_logits"](a, b, reduction="none", **extra)
    r = None
    if _t(x) is not None:
        r = _vjp(fn, (x, target), 0, _t(x), {})
    if _t(target) is not None:
        r = _plus(r, _vjp(fn, (x, target), 1, _t(target), {}))
    return _reduce(r, reduction)


def _nll(out, args, kwargs):
    if _t(args[1]) is not None:
        raise _NoRule()
    return _ORIG["F.nll_loss"](_t(args[0]), *args[1:], **kwargs)


def _cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                   reduction="mean", label_smoothing=0.0):
    if size_average is not None or reduce is not None or label_smoothing != 0.0 or target.is_floating_point():
        raise _NoRule()
    return F.nll_loss(F.log_softmax(input, 1), target, weight, None, ignore_index, None, reduction)


def _l1_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    if size_average is not None or reduce is not None or input.shape != target.shape:
        raise _NoRule()
    return _reduce((input - target).abs(), reduction)


def _normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    if out is not None:
        raise _NoRule()
    denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    return input / denom


def _tanhshrink(input):
    return input - input.tanh()


def _softsign(input):
    return input / (input.abs() + 1)


def _dropout(input, p=0.5, training=True, inplace=False):
    if p == 0 or not training:
        return input
    raise _NoRule()


def _ndtr(input):
    # special_ndtr (CompositeImplicitAutograd): (1 + erf(x * M_SQRT1_2)) * 0.5.
    return (1 + torch.erf(input * 0.70710678118654752440)) * 0.5


def _square(input):
    return torch.pow(input, 2)


def _layer_norm(out, args, kwargs):
    # layer_norm_jvp (FunctionsManual.cpp) over native_layer_norm's saved mean and rstd.
    a = dict(zip(["input", "normalized_shape", "weight", "bias", "eps"], args))
    a.update(kwargs)
    x, ns = a["input"], a["normalized_shape"]
    ns = (ns,) if isinstance(ns, int) else tuple(ns)
    w, b, eps = a.get("weight"), a.get("bias"), a.get("eps", 1e-5)
    xt = _t(x)
    wt = None if w is None else _t(w)
    bt = None if b is None else _t(b)
    mean, rstd = torch._nn._layer_norm_stats(x, ns, w, b, eps)
    nd, k = x.dim(), len(ns)
    view = [1 if i >= nd - k else x.shape[i] for i in range(nd)]
    view_affine = [x.shape[i] if i >= nd - k else 1 for i in range(nd)]
    dims = list(range(nd - k, nd))
    numel = 1
    for d in dims:
        numel *= x.shape[d]
    # Gradbook keeps the statistics in float64; PyTorch saves them in the input's dtype (the
    # float32 kernel computes them in float, so the cast is exact).
    mean_p, invstd_p = mean.to(x.dtype).view(view), rstd.to(x.dtype).view(view)
    r = None
    if xt is not None:
        c = xt - xt.mean(dims, True)
        xc = x - mean_p
        if _state["track"]:
            # functorch's wrappers count as tensor subclasses: _invstd_jvp's out-of-place branch.
            it = -invstd_p.pow(3) * c * xc
        else:
            it = c * xc
            it = it * -invstd_p.pow(3)
        it = it.sum(dims, True) / numel
        r = c * invstd_p + xc * it
    if w is not None and (r is not None or wt is not None):
        a1 = None if r is None else r * w.view(view_affine)
        a2 = None if wt is None else ((x - mean_p) * invstd_p) * wt.view(view_affine)
        r = _plus(a1, a2)
    if bt is not None:
        r = _plus(r, bt.view(view_affine))
    return r


def _bce_logits_decomp(input, target, weight=None, size_average=None, reduce=None, reduction="mean",
                       pos_weight=None):
    # Under torch.func PyTorch runs binary_cross_entropy_with_logits' ATen body (Loss.cpp) op by op,
    # primal included; plain forward AD uses the derivatives.yaml formula (_bce_logits).
    if pos_weight is not None or size_average is not None or reduce is not None:
        raise _NoRule()
    max_val = (-input).clamp_min(0)
    loss = (1 - target).mul(input).add(max_val).add((-max_val).exp().add((-input - max_val).exp()).log())
    if weight is not None:
        loss = loss.mul(weight)
    return _reduce(loss, reduction)


_bce_logits_decomp.formula = _bce_logits


# --- the table ----------------------------------------------------------------------------

_EW_NAMES = ["sin", "cos", "tan", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt",
             "reciprocal", "sigmoid", "tanh", "sinh", "cosh", "asinh", "acosh", "atanh", "asin", "acos", "atan",
             "erf", "erfc", "erfinv", "relu", "abs", "neg", "clamp", "clip", "clamp_min", "clamp_max", "sinc",
             "deg2rad", "rad2deg", "lgamma", "digamma", "logit", "i0", "floor", "ceil", "round", "trunc",
             "sign", "frac", "positive", "absolute", "negative", "arctan", "arcsin", "arccos", "arcsinh", "arctanh",
             "arccosh", "nan_to_num", "__neg__", "__abs__"]
_F_EW = ["gelu", "silu", "softplus", "elu", "selu", "celu", "leaky_relu", "relu", "relu6", "hardtanh", "mish",
         "logsigmoid", "hardsigmoid", "hardswish", "sigmoid", "tanh"]
_LIN_NAMES = ["sum", "mean", "cumsum", "t", "view", "view_as", "reshape", "reshape_as", "permute", "transpose",
              "swapaxes", "swapdims", "movedim", "moveaxis", "unsqueeze", "squeeze", "flatten", "unflatten",
              "expand", "expand_as", "contiguous", "clone", "flip", "fliplr", "flipud", "roll", "narrow", "select",
              "__getitem__", "diagonal", "diag", "tril", "triu", "repeat", "tile", "chunk", "split", "unbind",
              "trace", "diag_embed", "broadcast_to", "ravel", "index_select", "gather", "take",
              "masked_select", "adjoint"]
_FN_RULES = {"add": _add, "sub": _sub, "subtract": _sub, "mul": _mul, "multiply": _mul, "div": _div,
             "divide": _div, "true_divide": _div, "pow": _pow, "atan2": _atan2, "arctan2": _atan2,
             "hypot": _hypot, "maximum": _maximum, "minimum": _minimum, "fmax": None, "lerp": _lerp,
             "addcmul": _addcmul, "addcdiv": _addcdiv, "where": _where, "mm": _mm, "bmm": _bmm, "mv": _mv,
             "dot": _dot, "inner": None, "addmm": _addmm, "softmax": _softmax, "log_softmax": _log_softmax,
             "logsumexp": _logsumexp, "var": _var, "std": _std, "prod": _prod, "cumprod": _cumprod,
             "amax": _amax, "amin": None, "max": _max_like, "rsub": _rsub,
             "__add__": _add, "__radd__": _add, "__iadd__": None, "__sub__": _sub, "__rsub__": _rsub,
             "__mul__": _mul, "__rmul__": _mul, "__truediv__": _div, "__div__": _div, "__pow__": _pow,
             "__rpow__": _rpow}
_DECOMP = {"matmul": _matmul, "__matmul__": _matmul, "outer": _outer, "ger": _outer, "square": _square,
           "norm": _tensor_norm, "__rtruediv__": _rtruediv, "__rdiv__": _rtruediv}
_F_RULES = {"softmax": _softmax, "log_softmax": _log_softmax, "conv1d": _conv("F.conv1d"),
            "conv2d": _conv("F.conv2d"), "conv3d": _conv("F.conv3d"),
            "mse_loss": _pair_loss("F.mse_loss", ()), "smooth_l1_loss": _pair_loss("F.smooth_l1_loss", ("beta",)),
            "huber_loss": _pair_loss("F.huber_loss", ("delta",)),
            "nll_loss": _nll, "layer_norm": _layer_norm}
_F_DECOMP = {"linear": _linear, "cross_entropy": _cross_entropy, "l1_loss": _l1_loss, "normalize": _normalize,
             "tanhshrink": _tanhshrink, "softsign": _softsign, "dropout": _dropout,
             "binary_cross_entropy_with_logits": _bce_logits_decomp}
_LINALG_RULES = {"vector_norm": _vector_norm}
_SPECIAL_EW = ["erf", "erfc", "erfcx", "erfinv", "expit", "logit", "expm1", "exp2", "log1p", "ndtri",
               "log_ndtr", "i0", "i0e", "i1", "i1e", "sinc", "entr", "digamma", "psi", "gammaln"]

_ORIG = {}


def _targets():
    # (namespace label, owner object, name, kind, rule)
    out = []
    for owner_label, owner in (("torch", torch), ("Tensor", torch.Tensor)):
        for n in _EW_NAMES:
            out.append((owner_label, owner, n, _EW, None))
        for n in _LIN_NAMES:
            out.append((owner_label, owner, n, _LIN, None))
        for n, r in _FN_RULES.items():
            if owner_label == "Tensor" and n == "where":
                continue  # Tensor.where(condition, other): another argument order
            out.append((owner_label, owner, n, "fn", r))
        for n, r in _DECOMP.items():
            out.append((owner_label, owner, n, "decomp", r))
    out.append(("torch", torch, "cat", "fn", _list_rule("torch.cat")))
    out.append(("torch", torch, "concat", "fn", _list_rule("torch.concat")))
    out.append(("torch", torch, "stack", "fn", _list_rule("torch.stack")))
    for n in _F_EW:
        out.append(("F", F, n, _EW, None))
    for n, r in _F_RULES.items():
        out.append(("F", F, n, "fn", r))
    for n, r in _F_DECOMP.items():
        out.append(("F", F, n, "decomp", r))
    for n in _SPECIAL_EW:
        out.append(("special", torch.special, n, _EW, None))
    out.append(("special", torch.special, "ndtr", "decomp", _ndtr))
    for n, r in _LINALG_RULES.items():
        out.append(("linalg", torch.linalg, n, "fn", r))
    return out


def _has_tangent(args, kwargs):
    for a in args:
        if isinstance(a, torch.Tensor):
            if getattr(a, "_fw_tangent", None) is not None:
                return True
        elif isinstance(a, (list, tuple)):
            for b in a:
                if isinstance(b, torch.Tensor) and getattr(b, "_fw_tangent", None) is not None:
                    return True
    for a in kwargs.values():
        if isinstance(a, torch.Tensor) and getattr(a, "_fw_tangent", None) is not None:
            return True
    return False


def _check_args(args, kwargs):
    # torch.func.jvp's watch: a tensor made by an op this table does not know, from a dual input,
    # would carry no tangent; any unmarked tensor with a graph node makes jvp fall back.
    for a in list(args) + list(kwargs.values()):
        items = a if isinstance(a, (list, tuple)) else (a,)
        for b in items:
            if isinstance(b, torch.Tensor) and b.grad_fn is not None and getattr(b, "_fw_tangent", None) is None \
                    and not getattr(b, "_fw_seen", False):
                _state["broken"] = True


def _mark(out):
    items = out if isinstance(out, (list, tuple)) else (out,)
    for o in items:
        if isinstance(o, torch.Tensor):
            o._fw_seen = True
            _state["duals"].append(o)


def _finish_tangent(o, t):
    if not isinstance(o, torch.Tensor):
        return
    if t is None:
        if getattr(o, "_fw_tangent", None) is not None:
            o._fw_tangent = None
        return
    if t.dtype != o.dtype:
        t = t.to(o.dtype)
    if t.shape != o.shape:
        t = t.expand(o.shape).clone()
    _set_tangent(o, t)


def _not_implemented(name):
    return NotImplementedError("Trying to use forward AD with " + name + " that does not support it because it has "
                               "not been implemented yet.\nPlease file an issue to PyTorch at "
                               "https://github.com/pytorch/pytorch/issues/new?template=feature-request.yml so that "
                               "we can prioritize its implementation.")


def _wrap(orig, kind, rule, name):
    if kind == _EW:
        rule = _ew_rule(orig, name)
    elif kind == _LIN:
        rule = _lin_rule(orig, name)
    st = _state

    def wrapper(*args, **kwargs):
        if st["inside"]:
            return orig(*args, **kwargs)
        if st["track"]:
            _check_args(args, kwargs)
        if not _has_tangent(args, kwargs):
            out = orig(*args, **kwargs)
            if st["track"]:
                _mark(out)
            return out
        if kind == "decomp" and (st["track"] or getattr(rule, "formula", None) is None):
            try:
                out = rule(*args, **kwargs)
            except _NoRule:
                st["inside"] = True
                try:
                    out = orig(*args, **kwargs)
                finally:
                    st["inside"] = False
                return _no_rule(out, name)
            if st["track"]:
                _check_args((out,), {})
                _mark(out)
            return out
        formula = getattr(rule, "formula", rule) if kind == "decomp" else rule
        st["inside"] = True
        try:
            out = orig(*args, **kwargs)
            try:
                if formula is None:
                    raise _NoRule()
                t = formula(out, args, kwargs)
            except _NoRule:
                t = _NoRule
        finally:
            st["inside"] = False
        if t is _NoRule:
            return _no_rule(out, name)
        _attach(out, t)
        if st["tape"] is not None:
            st["tape"].append((formula, out, args, kwargs))
        if st["track"]:
            _mark(out)
        return out

    return wrapper


def _attach(out, t):
    if isinstance(out, (list, tuple)):
        for o, ti in zip(out, t):
            _finish_tangent(o, ti)
    else:
        _finish_tangent(out, t)


def replay(tape):
    """Recomputes every recorded op's tangent from the (new) tangents of its inputs, in order:
    jacfwd runs the function once and replays its ops' formulas for each basis tangent."""
    _state["inside"] = True
    try:
        for rule, out, args, kwargs in tape:
            try:
                t = rule(out, args, kwargs)
            except _NoRule:
                _state["broken"] = True
                return
            _attach(out, t)
    finally:
        _state["inside"] = False


def _no_rule(out, name):
    if _state["track"]:
        _state["broken"] = True
        return out
    raise _not_implemented(name)


def _repr_wrapper(orig):
    # A dual tensor prints its tangent as a last suffix (torch/_tensor_str.py _add_suffixes:
    # on a new line indented under "tensor(" when the line would pass 80 columns).
    def wrapper(self, *args, **kwargs):
        text = orig(self, *args, **kwargs)
        t = getattr(self, "_fw_tangent", None)
        if t is None or _state["inside"] or not text.startswith("tensor(") or not text.endswith(")"):
            return text
        body = text[:-1]
        suffix = "tangent=" + repr(t)
        last_line_len = len(body) - body.rfind("\n") + 1
        if last_line_len + len(suffix) + 2 > 80:
            return body + ",\n" + " " * len("tensor(") + suffix + ")"
        return body + ", " + suffix + ")"
    return wrapper


def install(state):
    saved = []
    for name in ("__repr__", "__str__"):
        orig = torch.Tensor.__dict__.get(name)
        if orig is not None:
            saved.append((torch.Tensor, name, orig))
            try:
                setattr(torch.Tensor, name, _repr_wrapper(orig))
            except (AttributeError, TypeError):
                pass
    for label, owner, name, kind, rule in _targets():
        try:
            orig = getattr(owner, name)
        except AttributeError:
            continue
        if not callable(orig):
            continue
        _ORIG[label + "." + name] = orig
        saved.append((owner, name, orig))
    for label, owner, name, kind, rule in _targets():
        key = label + "." + name
        if key not in _ORIG:
            continue
        try:
            setattr(owner, name, _wrap(_ORIG[key], kind, rule, name))
        except (AttributeError, TypeError):
            pass
    return saved


def uninstall(saved):
    if saved is None:
        return
    for owner, name, orig in saved:
        try:
            setattr(owner, name, orig)
        except (AttributeError, TypeError):
            pass
