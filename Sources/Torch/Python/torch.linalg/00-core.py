# torch.linalg — LAPACK factorizations (Intel MKL's, as PyTorch's CPU build, or OpenBLAS's),
# solves, inverses, determinants and norms. The natives torch._linalg_* run one LAPACK
# routine each with no autograd; torch._linalg_record wires a result to a backward node
# named as PyTorch names it, whose formula (PyTorch's FunctionsManual.cpp) sits next to
# its forward here.
import torch


class _LinAlgError(RuntimeError):
    __module__ = "torch._C"


LinAlgError = _LinAlgError

_DTYPE_NAMES = {torch.int64: "Long", torch.int32: "Int", torch.int16: "Short", torch.int8: "Char",
                torch.uint8: "Byte", torch.bool: "Bool", torch.float16: "Half", torch.bfloat16: "BFloat16"}


class _ReturnType(tuple):
    """A torch.return_types structseq: a tuple subclass (indexing, slicing, unpacking, len,
    isinstance(r, tuple)) with named fields and PyTorch's repr."""

    def __new__(cls, name, fields, values):
        self = tuple.__new__(cls, values)
        self._name = name
        self._fields = fields
        for f, v in zip(fields, values):
            setattr(self, f, v)
        return self

    def __repr__(self):
        parts = ",\n".join(f"{f}={v!r}" for f, v in zip(self._fields, self))
        return f"torch.return_types.{self._name}(\n{parts})"

    __str__ = __repr__


_RETURN_CLASSES = {}


def _return_class(name):
    """One class per torch.return_types name, so type(r).__name__ is PyTorch's."""
    cls = _RETURN_CLASSES.get(name)
    if cls is None:
        class cls(_ReturnType):
            pass
        cls.__name__ = name
        cls.__qualname__ = name
        cls.__module__ = "torch.return_types"
        _RETURN_CLASSES[name] = cls
    return cls


def _result(name, fields, *values):
    return _return_class(name)(name, fields, values)


def _record(name, inputs, outputs, backward, undefined=False):
    """outputs (computed without autograd) as the outputs of node `name` over `inputs`.
    With undefined=True, `backward` gets None for an output no gradient reached (ATen's
    undefined grad), not zeros: formulas that branch on it then round as ATen's do."""
    return torch._linalg_record(name, tuple(inputs), outputs, backward, False, undefined)


def _check_float(A, fn, what="input"):
    if not A.is_floating_point():
        raise NotImplementedError(f"{fn}: Expected a floating point or complex tensor as {what}. Got {_DTYPE_NAMES.get(A.dtype, str(A.dtype))}")
    if A.dtype not in (torch.float32, torch.float64):
        raise NotImplementedError(f"\"{fn}\" not implemented for '{_DTYPE_NAMES.get(A.dtype, str(A.dtype))}'")


def _check_matrix(A, fn, name="A"):
    if A.dim() < 2:
        raise RuntimeError(f"{fn}: The input tensor {name} must have at least 2 dimensions.")


def _check_square(A, fn, name="A"):
    _check_matrix(A, fn, name)
    if A.shape[-1] != A.shape[-2]:
        raise RuntimeError(f"{fn}: {name} must be batches of square matrices, but they are {A.shape[-2]} by {A.shape[-1]} matrices")


def _square_float(A, fn):
    _check_square(A, fn)
    _check_float(A, fn)


def _eye_like(A):
    n = A.shape[-1]
    return torch.eye(n, dtype=A.dtype, device=A.device).expand(A.shape)


def _batch_index(info, flat):
    """The ' (Batch element k)' prefix PyTorch puts on errors of batched inputs."""
    if info.dim() == 0:
        return ""
    return f" (Batch element {flat})"


def _first_failure(info):
    """(flat batch index, info value) of the first nonzero info, or None."""
    flat = info.reshape(-1).tolist()
    for i, v in enumerate(flat):
        if v != 0:
            return i, v
    return None


def _raise_singular(fn, info):
    bad = _first_failure(info)
    if bad is not None:
        i, v = bad
        batch = f"(Batch element {i}): " if info.dim() > 0 else ""
        raise _LinAlgError(f"{fn}: {batch}The diagonal element {v} is zero, the inversion could not be completed because the input matrix is singular.")


def _raise_not_pd(fn, info):
    bad = _first_failure(info)
    if bad is not None:
        i, v = bad
        batch = f"(Batch element {i}): " if info.dim() > 0 else ""
        raise _LinAlgError(f"{fn}: {batch}The factorization could not be completed because the input is not positive-definite (the leading minor of order {v} is not positive-definite).")


def _diag(A):
    return A.diagonal(0, -2, -1)


def _diag_embed(v):
    n = v.shape[-1]
    out = torch.zeros(list(v.shape) + [n], dtype=v.dtype, device=v.device)
    out.diagonal(0, -2, -1).copy_(v)
    return out


def _sum_to(g, shape):
    """A gradient summed over the dimensions broadcasting added or stretched: at::sum_to,
    as the engine reduces it, one sum over all those dims (summing them one at a time
    would add in another order)."""
    shape = tuple(shape)
    lead = g.dim() - len(shape)
    dims = list(range(lead)) + [lead + i for i, s in enumerate(shape) if s == 1 and g.shape[lead + i] != 1]
    if dims:
        g = g.sum(dims, keepdim=True)
    return g.reshape(shape) if lead > 0 else g
