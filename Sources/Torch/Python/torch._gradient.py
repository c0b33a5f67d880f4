# torch.gradient: ATen's composite (ReduceOps.cpp: pre_check_gradient, gradient_helper for
# coordinate tensors, gradient_helper_float for scalar spacings), so the values, dtypes and
# grad_fn names (CatBackward0) follow from the ops it is made of. Bound onto `torch` by
# Functions/PythonComposites.swift.
import torch


def _is_scalar(v):
    if isinstance(v, torch.Tensor):
        return v.dim() == 0
    return isinstance(v, (bool, int, float, complex))


def _wrap(d, ndim):
    lo = -ndim if ndim > 0 else -1
    hi = ndim - 1 if ndim > 0 else 0
    if d < lo or d > hi:
        raise IndexError("Dimension out of range (expected to be in range of [" + str(lo) + ", "
                         + str(hi) + "], but got " + str(d) + ")")
    return d + ndim if d < 0 else d


def _pre_check(self, spacing_size, dim, edge_order):
    if self.dtype == torch.uint8:
        raise NotImplementedError("torch.gradient does not support uint8 input.")
    if spacing_size is not None and dim is None and spacing_size != self.dim():
        raise RuntimeError("torch.gradient expected spacing to be unspecified, a scalar, or a list of length "
                           "equal to 'self.dim() = " + str(self.dim()) + "', since dim argument was not given, "
                           "but got a list of length " + str(spacing_size))
    if spacing_size is not None and dim is not None and spacing_size != len(dim):
        raise RuntimeError("torch.gradient expected spacing to be unspecified, a scalar or it's spacing and dim "
                           "arguments to have the same length, but got a spacing argument of length "
                           + str(spacing_size) + " and a dim argument of length " + str(len(dim)) + ".")
    if edge_order != 1 and edge_order != 2:
        raise RuntimeError("torch.gradient only supports edge_order=1 and edge_order=2.")
    if dim is not None:
        seen = set()
        for d in dim:
            w = _wrap(d, self.dim())
            if w in seen:
                raise RuntimeError("dim " + str(w) + " appears multiple times in the list of dims")
            seen.add(w)
        for d in dim:
            if self.size(d) < edge_order + 1:
                raise RuntimeError("torch.gradient expected each dimension size to be at least edge_order+1")
    else:
        for i in range(self.dim()):
            if self.size(i) < edge_order + 1:
                raise RuntimeError("torch.gradient expected each dimension size to be at least edge_order+1")


def _slice(t, d, start, end=None):
    # at::slice(t, d, start, end) with Python's clamping of negative bounds.
    return t[(slice(None),) * d + (slice(start, end),)]


def _helper_float(self, spacing, dims, edge_order):
    result = []
    for i in range(len(dims)):
        d = _wrap(dims[i], self.dim())
        h = spacing[i]
        # Operands are made right to left, as the C++ compiler evaluates the arguments of
        # ATen's overloaded operators: the graph's node order (and so the order in which
        # backward adds the slices' gradients) is then PyTorch's.
        r = _slice(self, d, 0, -2)
        center = (_slice(self, d, 2) - r) / h
        if edge_order == 1:
            r = _slice(self, d, 0, 1)
            prepend = (_slice(self, d, 1, 2) - r) / h
            r = _slice(self, d, -2, -1)
            append = (_slice(self, d, -1) - r) / h
        else:
            r2 = 0.5 * _slice(self, d, 2, 3)
            r1 = 2 * _slice(self, d, 1, 2)
            prepend = (-1.5 * _slice(self, d, 0, 1) + r1 - r2) / h
            r2 = 1.5 * _slice(self, d, -1)
            r1 = 2 * _slice(self, d, -2, -1)
            append = (0.5 * _slice(self, d, -3, -2) - r1 + r2) / h
        result.append(torch.cat([prepend, center / 2, append], d))
    return tuple(result)


def _helper_coordinates(self, coordinates, dims, edge_order):
    result = []
    for i in range(len(dims)):
        if coordinates[i].dim() != 1:
            raise RuntimeError("torch.gradient expected each element of spacing to have one dimension, but got "
                               "an element with " + str(coordinates[i].dim()) + " dimensions!")
        d = _wrap(dims[i], self.dim())
        shape = [1] * self.dim()
        shape[d] = -1
        ax_dx = coordinates[i].diff(1, 0)
        dx1 = ax_dx[0:-1]
        dx2 = ax_dx[1:]
        a = (-dx2 / (dx1 * (dx1 + dx2))).reshape(shape)
        b = ((dx2 - dx1) / (dx1 * dx2)).reshape(shape)
        c = (dx1 / (dx2 * (dx1 + dx2))).reshape(shape)
        # Right to left, as in _helper_float.
        r2 = c * _slice(self, d, 2)
        r1 = b * _slice(self, d, 1, -1)
        center = a * _slice(self, d, 0, -2) + r1 + r2
        if edge_order == 1:
            den = ax_dx[0]
            r = _slice(self, d, 0, 1)
            prepend = (_slice(self, d, 1, 2) - r) / den
            den = ax_dx[-1]
            r = _slice(self, d, -2, -1)
            append = (_slice(self, d, -1) - r) / den
        else:
            a = -(2.0 * ax_dx[0] + ax_dx[1]) / (ax_dx[0] * (ax_dx[0] + ax_dx[1]))
            b = (ax_dx[0] + ax_dx[1]) / (ax_dx[0] * ax_dx[1])
            c = (-ax_dx[0]) / (ax_dx[1] * (ax_dx[0] + ax_dx[1]))
            r2 = c * _slice(self, d, 2, 3)
            r1 = b * _slice(self, d, 1, 2)
            prepend = a * _slice(self, d, 0, 1) + r1 + r2
            a = (ax_dx[-1]) / (ax_dx[-2] * (ax_dx[-1] + ax_dx[-2]))
            b = -(ax_dx[-1] + ax_dx[-2]) / (ax_dx[-1] * ax_dx[-2])
            c = (2 * ax_dx[-1] + ax_dx[-2]) / (ax_dx[-1] * (ax_dx[-1] + ax_dx[-2]))
            r2 = c * _slice(self, d, -1)
            r1 = b * _slice(self, d, -2, -1)
            append = a * _slice(self, d, -3, -2) + r1 + r2
        result.append(torch.cat([prepend, center, append], d))
    return tuple(result)


def gradient(input, *, spacing=None, dim=None, edge_order=1):
    dims_given = dim is not None
    if isinstance(dim, int):
        dims = [dim]
        dim_list = None
    elif dim is None:
        dims = list(range(input.dim()))
        dim_list = None
    else:
        dims = list(dim)
        dim_list = dims
    if spacing is None:
        # gradient(self, unit_size=None, dim, edge_order) or gradient(self, dim list, edge_order)
        if dim_list is not None:
            _pre_check(input, len(dims), dims, edge_order)
        else:
            _pre_check(input, None, dims if dims_given else None, edge_order)
        return _helper_float(input, [1.0] * len(dims), dims, edge_order)
    if _is_scalar(spacing):
        _pre_check(input, len(dims), dims if dims_given else None, edge_order)
        return _helper_float(input, [spacing] * len(dims), dims, edge_order)
    spacing = list(spacing)
    check_dims = dims if dims_given else None
    if len(spacing) > 0 and isinstance(spacing[0], torch.Tensor):
        for i in range(len(spacing)):
            if not isinstance(spacing[i], torch.Tensor):
                raise TypeError("expected Tensor as element " + str(i) + " in argument 1, but got "
                                + type(spacing[i]).__name__)
        _pre_check(input, len(spacing), check_dims, edge_order)
        return _helper_coordinates(input, spacing, dims, edge_order)
    _pre_check(input, len(spacing), check_dims, edge_order)
    return _helper_float(input, spacing, dims, edge_order)
