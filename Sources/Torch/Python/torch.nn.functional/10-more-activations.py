# torch.nn.functional — part 2: more activation functions.
#
# Those PyTorch computes with a kernel of their own (grad_fn EluBackward0,
# HardswishBackward0, ...) call torch._nn; softsign and tanhshrink are compositions in
# PyTorch too, so we compose them the same way.


def softplus(input, beta=1.0, threshold=20.0):
    return _nn.softplus(input, beta, threshold)


def elu(input, alpha=1.0, inplace=False):
    if inplace:
        return _nn.elu_(input, alpha, 1.0, 1.0)
    return _nn.elu(input, alpha, 1.0, 1.0)


# SELU's constants, from Klambauer et al., "Self-Normalizing Neural Networks" (2017).
_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


def selu(input, inplace=False):
    if inplace:
        return _nn.elu_(input, _SELU_ALPHA, _SELU_SCALE, 1.0)
    return _nn.elu(input, _SELU_ALPHA, _SELU_SCALE, 1.0)


def celu(input, alpha=1.0, inplace=False):
    if inplace:
        return _nn.celu_(input, alpha)
    return _nn.celu(input, alpha)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    if min_val > max_val:
        raise ValueError("min_val cannot be greater than max_val")
    if inplace:
        return _nn.hardtanh_(input, min_val, max_val)
    return _nn.hardtanh(input, min_val, max_val)


def relu6(input, inplace=False):
    return hardtanh(input, 0.0, 6.0, inplace)


def hardsigmoid(input, inplace=False):
    if inplace:
        return _nn.hardsigmoid_(input)
    return _nn.hardsigmoid(input)


def hardswish(input, inplace=False):
    if inplace:
        return _nn.hardswish_(input)
    return _nn.hardswish(input)


def logsigmoid(input):
    return _nn.logsigmoid(input)


def mish(input, inplace=False):
    if inplace:
        return _nn.mish_(input)
    return _nn.mish(input)


def softsign(input):
    return input / (input.abs() + 1)


def tanhshrink(input):
    return input - input.tanh()


def softshrink(input, lambd=0.5):
    return _nn.softshrink(input, lambd)


def hardshrink(input, lambd=0.5):
    return _nn.hardshrink(input, lambd)


def glu(input, dim=-1):
    if input.dim() == 0:
        raise RuntimeError("glu does not support scalars because halving size must be even")
    return _nn.glu(input, dim)


def prelu(input, weight):
    return _nn.prelu(input, weight)


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3, training=False, inplace=False):
    if training:
        # As ATen's CPU kernel: one uniform(lower, upper) double per non-positive element,
        # in element order, taken as the slope in the input's type; 1 elsewhere.
        flat = input.detach().contiguous().view(-1)
        mask = flat <= 0
        slopes = torch.empty(int(mask.sum()), dtype=torch.float64).uniform_(lower, upper)
        noise = torch.ones(flat.shape, dtype=input.dtype)
        noise[mask] = slopes.to(input.dtype)
        noise = noise.view(input.shape)
        if inplace:
            return _nn.rrelu_with_noise_(input, noise)
        return _nn.rrelu_with_noise(input, noise)
    # In evaluation mode rrelu is a leaky ReLU with the mean slope.
    if inplace:
        return _nn.rrelu_eval_(input, (lower + upper) / 2)
    return _nn.rrelu_eval(input, (lower + upper) / 2)
