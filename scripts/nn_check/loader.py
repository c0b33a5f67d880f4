"""Loads Gradbook's embedded torch.nn / torch.optim / torch.utils.data sources into
CPython, on top of real PyTorch, so they can be compared with PyTorch's own modules.

The sources live in Sources/Torch/Python: `NAME.py` is module NAME; a folder `NAME/`
holds parts of module NAME, concatenated in file-name order (see the README there).
Inside them, `import torch...` must reach *our* modules, so each source runs with its
own `__import__`: `torch` is a proxy that serves our nn/optim/utils and the `_nn` shim
(native functions backed by real torch.nn.functional) and forwards everything else to
the real torch.
"""
import builtins
import importlib
import os
import sys
import types

import torch as real_torch
import torch.nn.functional as real_F

SOURCES = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..",
                                        "Sources", "Torch", "Python"))

# Modules written in the cell language, and packages that only group them.
SOURCE_MODULES = ["torch.nn.init", "torch.nn.functional", "torch.nn", "torch.optim",
                  "torch.optim.lr_scheduler", "torch.utils.data"]
NAMESPACES = ["torch.utils"]


def source_of(name):
    """The text the Torch target registers for module `name`."""
    path = os.path.join(SOURCES, name + ".py")
    if os.path.exists(path):
        with open(path) as f:
            return f.read(), path
    folder = os.path.join(SOURCES, name)
    parts = sorted(p for p in os.listdir(folder) if p.endswith(".py"))
    texts = []
    for part in parts:
        with open(os.path.join(folder, part)) as f:
            texts.append(f.read())
    return "\n\n".join(texts), folder


def make_native_shim():
    """`torch._nn` as NATIVE_NN.md specifies it, computed by real PyTorch."""
    F = real_F
    nn = types.ModuleType("torch._nn")
    nn.Parameter = real_torch.nn.Parameter
    nn.linear = lambda input, weight, bias: F.linear(input, weight, bias)
    nn.bilinear = lambda a, b, weight, bias: F.bilinear(a, b, weight, bias)
    nn.conv1d = lambda x, w, b, s, p, d, g: F.conv1d(x, w, b, s, p, d, g)
    nn.conv2d = lambda x, w, b, s, p, d, g: F.conv2d(x, w, b, s, p, d, g)
    nn.max_pool2d = lambda x, k, s, p, d, ceil: F.max_pool2d(
        x, k, s, p, d, ceil_mode=ceil, return_indices=True)
    nn.avg_pool2d = lambda x, k, s, p, ceil, count_pad, div: F.avg_pool2d(
        x, k, s, p, ceil, count_pad, div)
    nn.adaptive_avg_pool2d = lambda x, size: F.adaptive_avg_pool2d(x, size)
    nn.leaky_relu = lambda x, slope: F.leaky_relu(x, slope)
    nn.leaky_relu_ = lambda x, slope: F.leaky_relu_(x, slope)
    nn.gelu = lambda x, approximate: F.gelu(x, approximate=approximate)
    nn.silu = lambda x: F.silu(x)
    nn.silu_ = lambda x: F.silu(x, inplace=True)
    nn.batch_norm = lambda x, rm, rv, w, b, training, momentum, eps: F.batch_norm(
        x, rm, rv, w, b, training, momentum, eps)
    nn.layer_norm = lambda x, shape, w, b, eps: F.layer_norm(x, shape, w, b, eps)
    nn.embedding = lambda weight, input, padding_idx, scale: real_torch.embedding(
        weight, input, padding_idx, scale, False)
    nn.one_hot = lambda t, n: F.one_hot(t, n)
    nn.pad = lambda x, pad, mode, value: F.pad(x, pad, mode, value)
    nn.mse_loss = lambda x, t, reduction: F.mse_loss(x, t, reduction=reduction)
    nn.smooth_l1_loss = lambda x, t, reduction, beta: F.smooth_l1_loss(
        x, t, reduction=reduction, beta=beta)
    nn.nll_loss = lambda x, t, weight, reduction, ignore_index: F.nll_loss(
        x, t, weight, ignore_index=ignore_index, reduction=reduction)
    nn.cross_entropy = lambda x, t, weight, ignore_index, reduction, smoothing: F.cross_entropy(
        x, t, weight, ignore_index=ignore_index, reduction=reduction,
        label_smoothing=smoothing)
    nn.binary_cross_entropy = lambda x, t, weight, reduction: F.binary_cross_entropy(
        x, t, weight, reduction=reduction)
    nn.binary_cross_entropy_with_logits = lambda x, t, weight, pos_weight, reduction: (
        F.binary_cross_entropy_with_logits(x, t, weight, reduction=reduction,
                                           pos_weight=pos_weight))
    nn.softplus = lambda x, beta, threshold: F.softplus(x, beta, threshold)
    nn.elu = lambda x, alpha, scale, input_scale: real_torch._C._nn.elu(
        x, alpha, scale, input_scale)
    nn.celu = lambda x, alpha: F.celu(x, alpha)
    nn.hardtanh = lambda x, lo, hi: F.hardtanh(x, lo, hi)
    nn.hardsigmoid = lambda x: F.hardsigmoid(x)
    nn.hardswish = lambda x: F.hardswish(x)
    nn.logsigmoid = lambda x: F.logsigmoid(x)
    nn.mish = lambda x: F.mish(x)
    nn.softshrink = lambda x, lambd: F.softshrink(x, lambd)
    nn.hardshrink = lambda x, lambd: F.hardshrink(x, lambd)
    nn.glu = lambda x, dim: F.glu(x, dim)
    nn.prelu = lambda x, weight: F.prelu(x, weight)
    nn.rrelu_eval = lambda x, slope: real_torch.rrelu(x, slope, slope, False)
    nn.norm = lambda x, p, dim, keepdim: real_torch._VF.norm(x, p, [dim], keepdim)
    nn.huber_loss = lambda x, t, reduction, delta: F.huber_loss(
        x, t, reduction=reduction, delta=delta)
    nn.soft_margin_loss = lambda x, t, reduction: F.soft_margin_loss(x, t, reduction=reduction)
    nn.multi_margin_loss = lambda x, t, p, margin, weight, reduction: F.multi_margin_loss(
        x, t, p, margin, weight, reduction=reduction)
    nn.elu_ = lambda x, alpha, scale, input_scale: real_torch._C._nn.elu_(
        x, alpha, scale, input_scale)
    nn.celu_ = lambda x, alpha: F.celu(x, alpha, inplace=True)
    nn.hardtanh_ = lambda x, lo, hi: F.hardtanh(x, lo, hi, inplace=True)
    nn.hardsigmoid_ = lambda x: F.hardsigmoid(x, inplace=True)
    nn.hardswish_ = lambda x: F.hardswish(x, inplace=True)
    nn.mish_ = lambda x: F.mish(x, inplace=True)
    nn.rrelu_eval_ = lambda x, slope: real_torch.rrelu_(x, slope, slope, False)
    return nn


class TorchProxy(types.ModuleType):
    """`torch` as our sources see it: our modules first, real torch for the rest."""

    def __getattr__(self, name):
        return getattr(real_torch, name)


class Gradbook:
    """One set of loaded sources; `run(code)` executes lesson code against them."""

    def __init__(self):
        self.modules = {}
        self.torch = TorchProxy("torch")
        self.torch._nn = make_native_shim()
        self.modules["torch"] = self.torch
        self.modules["torch._nn"] = self.torch._nn
        self.builtins = dict(builtins.__dict__)
        self.builtins["__import__"] = self._import
        for name in NAMESPACES:
            self._register(name, types.ModuleType(name))
        # Load everything now: `torch.nn` must never fall through to the real one.
        for name in SOURCE_MODULES:
            self._load(name)

    def _register(self, name, module):
        self.modules[name] = module
        parent, _, child = name.rpartition(".")
        setattr(self.modules[parent], child, module)

    def _load(self, name):
        if name in self.modules:
            return self.modules[name]
        if name not in SOURCE_MODULES:
            raise ImportError(f"No module named '{name}'")
        parent = name.rpartition(".")[0]
        if parent and parent not in self.modules:
            self._load(parent)
        module = types.ModuleType(name)
        self._register(name, module)  # before running it, so circular imports see it
        text, path = source_of(name)
        module.__dict__["__builtins__"] = self.builtins
        exec(compile(text, path, "exec"), module.__dict__)
        return module

    def _import(self, name, globals=None, locals=None, fromlist=(), level=0):
        ours = name == "torch" or name in SOURCE_MODULES or name in NAMESPACES \
            or name == "torch._nn"
        if not ours:
            # Everything else is real, including what PyTorch's C code imports itself
            # (it resolves `__import__` through the calling frame's builtins).
            return builtins.__import__(name, globals, locals, fromlist, level)
        parts = name.split(".")
        for i in range(1, len(parts) + 1):
            self._load(".".join(parts[:i]))
        if fromlist:
            module = self.modules[name]
            for item in fromlist:
                sub = name + "." + item
                if sub in SOURCE_MODULES:
                    self._load(sub)
            return module
        return self.torch

    def namespace(self):
        return {"__builtins__": self.builtins, "__name__": "__main__"}
