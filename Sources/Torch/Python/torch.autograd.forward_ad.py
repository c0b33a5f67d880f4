import torch
from collections import namedtuple

# Forward-mode AD (torch.autograd.forward_ad), and the engine torch.func.jvp / jacfwd run on.
# A dual tensor is an ordinary tensor carrying its tangent in the attribute `_fw_tangent`.
# While a level is open the differentiable functions of torch, torch.Tensor and
# torch.nn.functional are swapped for wrappers (torch.autograd._forward_rules) that compute the
# output, then its tangent with PyTorch's forward formula (derivatives.yaml `result:`) in
# PyTorch's order; outside a level nothing is wrapped, so ordinary ops cost what they did.
# A missing tangent acts as PyTorch's zero tensor: its terms drop out of a formula.

__all__ = ["UnpackedDualTensor", "enter_dual_level", "exit_dual_level", "make_dual", "unpack_dual", "dual_level"]

UnpackedDualTensor = namedtuple("UnpackedDualTensor", ["primal", "tangent"])
UnpackedDualTensor.__doc__ = ("Namedtuple returned by unpack_dual containing the primal and tangent components of "
                              "the dual tensor.")


class _NoRule(Exception):
    """An op saw a tangent but has no forward formula here."""


# level: the open level (-1: none). duals: tensors given a tangent at this level, cleared on
# exit. inside: a formula is running (its own torch calls are not wrapped). track: torch.func.jvp
# is watching for ops that lost a tangent (`broken`), to fall back to the double-backward trick.
# tape: when a list, each formula applied is recorded (rule, out, args, kwargs) for replay.
_state = {"level": -1, "duals": [], "inside": False, "track": False, "broken": False, "saved": None,
          "tape": None}


def _tangent(t):
    if isinstance(t, torch.Tensor):
        return getattr(t, "_fw_tangent", None)
    return None


def _set_tangent(t, tangent):
    t._fw_tangent = tangent
    _state["duals"].append(t)


def enter_dual_level():
    """Enter a new forward grad level (only one level at a time, as in PyTorch)."""
    if _state["level"] >= 0:
        # What PyTorch's C++ side says when a second level is entered.
        raise RuntimeError("Nested forward mode AD is not supported at the moment")
    _state["level"] = 0
    _state["duals"] = []
    from torch.autograd import _forward_rules
    _state["saved"] = _forward_rules.install(_state)
    return 0


def exit_dual_level(*, level=None):
    """Exit the forward grad level: every tangent made in it is dropped."""
    if level is None:
        level = _state["level"]
    if level < 0:
        # What PyTorch's C++ side says when no level is open.
        raise RuntimeError("Dual level must be a positive number.")
    if level != _state["level"]:
        raise RuntimeError("Trying to exit a forward AD level that was not the last one that was created. This is "
                           "not supported.")
    from torch.autograd import _forward_rules
    _forward_rules.uninstall(_state["saved"])
    _state["saved"] = None
    for t in _state["duals"]:
        try:
            del t._fw_tangent
        except AttributeError:
            pass
    _state["duals"] = []
    _state["level"] = -1


def make_dual(tensor, tangent, *, level=None):
    """A new tensor aliased to `tensor` that carries `tangent` as its forward gradient."""
    if level is None:
        level = _state["level"]
    if level < 0:
        raise RuntimeError("Trying to create a dual Tensor for forward AD but no level exists, make sure to "
                           "enter_dual_level() first.")
    if not (tensor.is_floating_point() or tensor.is_complex()):
        raise ValueError("Expected primal to be floating point or complex, but got: " + str(tensor.dtype))
    if not (tangent.is_floating_point() or tangent.is_complex()):
        raise ValueError("Expected tangent to be floating point or complex, but got: " + str(tangent.dtype))
    if tensor.shape != tangent.shape:
        raise RuntimeError("Trying to set a forward gradient that has a different size than that of the original "
                           "Tensor, this is not supported. Tensor is of size " + str(list(tensor.shape)) + " while "
                           "the given forward gradient is of size " + str(list(tangent.shape)) + ".")
    saved = _state["inside"]
    _state["inside"] = True
    try:
        dual = tensor.view_as(tensor)
    finally:
        _state["inside"] = saved
    _set_tangent(dual, tangent)
    return dual


def unpack_dual(tensor, *, level=None):
    """(primal, tangent): the tensor's value and its forward gradient (None when it has none)."""
    if level is None:
        level = _state["level"]
    if level < 0:
        return UnpackedDualTensor(tensor, None)
    t = _tangent(tensor)
    if t is None:
        return UnpackedDualTensor(tensor, None)
    saved = _state["inside"]
    _state["inside"] = True
    try:
        primal = tensor.view_as(tensor)
    finally:
        _state["inside"] = saved
    return UnpackedDualTensor(primal, t)


class dual_level:
    """Context manager (and decorator) for forward AD: make_dual / unpack_dual work inside it."""

    def __enter__(self):
        return enter_dual_level()

    def __exit__(self, exc_type, exc_value, traceback):
        exit_dual_level()
        return False

    def __call__(self, fn):
        def wrapper(*args, **kwargs):
            with dual_level():
                return fn(*args, **kwargs)
        return wrapper


def _run_dual(call, inputs, tangents, record=False):
    """torch.func's forward pass: `call()` with each of `inputs` carrying its tangent (None: not
    dual). Returns (output, out_tangents, tape); out_tangents is None when an op without a
    formula here met a tangent (the caller then falls back to the double-backward trick)."""
    if _state["level"] >= 0:
        return None
    enter_dual_level()
    _state["track"] = True
    _state["broken"] = False
    _state["tape"] = [] if record else None
    try:
        for p, t in zip(inputs, tangents):
            if t is not None:
                _set_tangent(p, t)
        output = call()
        tape = _state["tape"]
        outs = _flat_out(output)
        result = _out_tangents(outs)
        return output, result, tape, outs
    finally:
        _state["track"] = False
        _state["tape"] = None
        exit_dual_level()


def _flat_out(output):
    if isinstance(output, torch.Tensor):
        return [output]
    if isinstance(output, (tuple, list)):
        r = []
        for o in output:
            r.extend(_flat_out(o))
        return r
    if isinstance(output, dict):
        r = []
        for k in output:
            r.extend(_flat_out(output[k]))
        return r
    return []


def _out_tangents(outs):
    if _state["broken"]:
        return None
    res = []
    for o in outs:
        t = _tangent(o)
        if t is None and o.grad_fn is not None and not getattr(o, "_fw_seen", False):
            return None
        res.append(torch.zeros_like(o) if t is None else t)
    return res


def _replay_dual(tape, inputs, tangents, outs):
    """The output tangents for new input tangents, by replaying the recorded formulas."""
    _state["level"] = 0
    _state["broken"] = False
    _state["track"] = True
    try:
        for p, t in zip(inputs, tangents):
            p._fw_tangent = t
        from torch.autograd import _forward_rules
        _forward_rules.replay(tape)
        return _out_tangents(outs)
    finally:
        for entry in tape:
            for o in (entry[1] if isinstance(entry[1], (list, tuple)) else (entry[1],)):
                if isinstance(o, torch.Tensor):
                    o._fw_tangent = None
        for p in inputs:
            try:
                del p._fw_tangent
            except AttributeError:
                pass
        _state["level"] = -1
        _state["track"] = False
