# out=: PyTorch's linalg_*.out overloads. Each function defined above is rebound here to
# one that, given out=, computes the same result (so the values are bit-identical to the
# plain call), checks every output's dtype with the text that function's ATen kernel
# uses, resizes the output when its shape differs (warning when it had elements; a
# resized output takes the result's strides, as ATen's set_output gives it, or is
# contiguous for composite functions, as resize_output makes it), copies the
# result in and returns the output itself (a tuple of them as the `*_out` named tuple).
# Kernels with a derivative refuse out= when anything requires grad, naming the ATen
# function autograd saw; composite functions (cond, norm, tensorinv...) copy with
# autograd instead (CopyBackwards), as PyTorch's composite out= does. The torch.* names
# (torch.inverse, torch.svd...) keep the plain functions bound earlier and get their own
# out= wrappers at the end.

_C_TYPE_NAMES = {torch.float32: "float", torch.float64: "double", torch.int32: "int", torch.int64: "long int",
                 torch.int16: "short int", torch.int8: "signed char", torch.uint8: "unsigned char", torch.bool: "bool",
                 torch.float16: "c10::Half", torch.bfloat16: "c10::BFloat16",
                 torch.complex64: "c10::complex<float>", torch.complex128: "c10::complex<double>"}
_SCALAR_NAMES = {torch.float32: "Float", torch.float64: "Double", torch.int32: "Int", torch.int64: "Long",
                 torch.int16: "Short", torch.int8: "Char", torch.uint8: "Byte", torch.bool: "Bool",
                 torch.float16: "Half", torch.bfloat16: "BFloat16",
                 torch.complex64: "ComplexFloat", torch.complex128: "ComplexDouble"}

# Dtype rules, one per output (the texts of the ATen checks each kernel runs):
_EXACT = ("exact",)          # structured kernels' set_output: only the result's dtype


def _castable(prefix, field="result"):
    return ("castable", prefix, field)   # checkLinalgCompatibleDtype: a safe cast is allowed


_ANY = ("any",)              # a plain copy_ into out: a safe cast is allowed


def _check_out_dtype(rule, r, o):
    kind = rule[0]
    rn, on = _SCALAR_NAMES[r.dtype], _SCALAR_NAMES[o.dtype]
    if kind == "exact":
        if o.dtype != r.dtype:
            raise RuntimeError(f"Expected out tensor to have dtype {_C_TYPE_NAMES[r.dtype]}, but got {_C_TYPE_NAMES[o.dtype]} instead")
    elif kind == "castable":
        if not torch.can_cast(r.dtype, o.dtype):
            raise RuntimeError(f"{rule[1]}: Expected {rule[2]} to be safely castable from {rn} dtype, but got {rule[2]} with dtype {on}")
    elif kind == "any":
        if not torch.can_cast(r.dtype, o.dtype):
            raise RuntimeError(f"result type {rn} can't be cast to the desired output type {on}")
    elif kind == "norm":
        if o.dtype != r.dtype:
            raise RuntimeError(f"{rule[1]} expected out tensor dtype {rn} but got: {on}")
    elif kind == "vecdot":
        if o.dtype != r.dtype:
            raise RuntimeError(f"linalg.vecdot: Expected out of dtype{rn} but found {on}")
    elif kind == "copy":
        pass
    elif kind == "multi_dot":
        if o.dtype != r.dtype:
            raise RuntimeError(f"multi_dot(): expected out tensor to have dtype {_C_TYPE_NAMES[r.dtype]} but got {_C_TYPE_NAMES[o.dtype]}")
    elif kind == "scalar":
        if o.dtype != r.dtype:
            raise RuntimeError(f"expected scalar type {rn} but found {on}")
    elif kind == "tensordot":
        if o.dtype != r.dtype:
            raise RuntimeError(f"tensordot: Expected the output tensor to have dtype {rn}, but got an output tensor with dtype {on}")
    elif kind == "ormqr":
        if o.dtype != r.dtype:
            raise RuntimeError(f"torch.ormqr: Expected input and result to have the same dtype, but input has dtype{rn} and result has dtype {on}")
    elif kind == "torch.svd":
        if o.dtype != r.dtype:
            raise RuntimeError(f"torch.svd: Expected out tensor to have dtype {rn} but got {on} instead")
    elif kind == "castable_then_exact":
        _check_out_dtype(rule[1], r, o)
        _check_out_dtype(_EXACT, r, o)
    elif kind == "singular_values":
        # lstsq checks castability, then asserts the real dtype (PyTorch 2.15's text).
        _check_out_dtype(_castable("torch.linalg.lstsq", "singular_values"), r, o)
        if o.dtype != r.dtype:
            raise RuntimeError('singular_values.scalar_type() == real_dtype INTERNAL ASSERT FAILED at '
                               '"/__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp":3354, '
                               'please report a bug to PyTorch. ')


def _out_tensors(api, out, count, is_tuple, position):
    """The output tensors of out=, or PyTorch's TypeError for an argument of the wrong kind."""
    if not is_tuple:
        if not isinstance(out, torch.Tensor):
            raise TypeError(f"{api}(): argument 'out' must be Tensor, not {type(out).__name__}")
        return (out,)
    if not isinstance(out, (tuple, list)):
        raise TypeError(f"{api}(): argument 'out' must be tuple of Tensors, not {type(out).__name__}")
    if len(out) != count:
        raise TypeError(f"expected tuple of {count} elements but got {len(out)}")
    for i, o in enumerate(out):
        if not isinstance(o, torch.Tensor):
            raise TypeError(f"expected Tensor as element {i} in argument {position}, but got {type(o).__name__}")
    return tuple(out)


def _tensor_arguments(args, kwargs):
    found = []
    for a in list(args) + list(kwargs.values()):
        if isinstance(a, torch.Tensor):
            found.append(a)
        elif isinstance(a, (list, tuple)):
            found += [t for t in a if isinstance(t, torch.Tensor)]
    return found


def _check_out_grad(grad, inputs, outs):
    """ATen's autograd kernels refuse out= when an input or an output requires grad."""
    name, inputs_count = grad
    if not torch.is_grad_enabled():
        return
    watched = (list(inputs) if inputs_count else []) + list(outs)
    if any(t.requires_grad for t in watched):
        raise RuntimeError(f"{name}(): functions with out=... arguments don't support automatic differentiation, "
                           "but one of the arguments requires grad.")


def _write_out(r, o, composite):
    # stacklevel 3: the resize warning names the user's line (caller of the wrapper).
    # Composite functions resize with resize_output (contiguous); kernels give the
    # result's strides.
    torch._linalg_out_resize(o, r, 3, not composite)
    if composite:
        o.copy_(r)
    else:
        with torch.no_grad():
            o.copy_(r)


# Kernels whose out= copies a temporary result into a resize_output'ed (contiguous) out,
# as ATen's cholesky_solve_out does, though the plain result is column-major.
_CONTIGUOUS_OUT = {"cholesky_solve"}


def _with_out(f, api, grad, rules, tuple_name=None, position=1, plain=None):
    """f with PyTorch's out= (see the top of this file).

    api: the ATen name in TypeErrors (linalg_det); grad: (ATen name autograd reports,
    whether inputs count too) or None for a composite; rules: one dtype rule per output;
    tuple_name: the return_types name for named-tuple results (None: one tensor; "": a
    plain tuple); position: out's argument index in PyTorch's schema; plain(args, kwargs):
    the rules to use for this call instead (matrix_power's depend on n)."""
    is_tuple = tuple_name is not None

    def wrapped(*args, out=None, **kwargs):
        if out is None:
            return f(*args, **kwargs)
        outs = _out_tensors(api, out, len(rules), is_tuple, position)
        call_grad, call_rules = grad, rules
        if plain is not None:
            call_grad, call_rules = plain(args, kwargs)
        if call_grad is not None:
            _check_out_grad(call_grad, _tensor_arguments(args, kwargs), outs)
            with torch.no_grad():
                r = f(*args, **kwargs)
        else:
            r = f(*args, **kwargs)
        rs = tuple(r) if is_tuple else (r,)
        for rule, ri, oi in zip(call_rules, rs, outs):
            _check_out_dtype(rule, ri, oi)
            _write_out(ri, oi, call_grad is None or api in _CONTIGUOUS_OUT)
        if not is_tuple:
            return out
        if tuple_name == "":
            return outs
        return _result(tuple_name + "_out", r._fields, *outs)
    return _named_like(wrapped, f)


def _named_like(wrapped, f):
    wrapped.__name__ = f.__name__
    wrapped.__qualname__ = f.__qualname__
    wrapped.__doc__ = f.__doc__
    return wrapped


def _no_out(f, api):
    """Functions without out= in PyTorch: the TypeError names PyTorch's ATen function."""
    def wrapped(*args, **kwargs):
        if "out" in kwargs:
            raise TypeError(f"{api}() got an unexpected keyword argument 'out'")
        return f(*args, **kwargs)
    return _named_like(wrapped, f)


def _matrix_power_rules(args, kwargs):
    n = args[1] if len(args) > 1 else kwargs.get("n")
    cast = _castable("matrix_power")
    if n in (0, 1):
        return None, (cast,)
    # A power through inv/matmul checks castability, then the kernel's exact dtype.
    both = ("castable_then_exact", cast)
    return (("linalg_inv_ex" if n == -1 else "matmul"), True), (both,)


def _vecdot_rules(args, kwargs):
    # Two vectors go through vdot, anything else through a sum of products.
    x = args[0] if len(args) > 0 else kwargs.get("x")
    y = args[1] if len(args) > 1 else kwargs.get("y")
    return ("vdot" if x.dim() == 1 and y.dim() == 1 else "sum", True), (("vecdot",),)


_CHOL = ("linalg_cholesky_ex", True)
_LUF = ("linalg_lu_factor_ex", True)
_EIGH = ("_linalg_eigh", True)
_SVD = ("_linalg_svd", True)
_SOLVE = ("_linalg_solve_ex", True)
_INV = ("linalg_inv_ex", True)

cholesky = _with_out(cholesky, "linalg_cholesky", _CHOL, (_EXACT,))
cholesky_ex = _with_out(cholesky_ex, "linalg_cholesky_ex", _CHOL, (_EXACT, _EXACT), "linalg_cholesky_ex", 3)
cond = _with_out(cond, "linalg_cond", None, (_castable("linalg.cond"),))
cross = _with_out(cross, "linalg_cross", ("linalg_cross", True), (_EXACT,))
det = _with_out(det, "linalg_det", ("_linalg_det", True), (_EXACT,))
eig = _with_out(eig, "linalg_eig", ("linalg_eig", True),
                (_castable("torch.linalg.eig", "eigenvalues"), _castable("torch.linalg.eig", "eigenvectors")), "linalg_eig")
eigvals = _with_out(eigvals, "linalg_eigvals", ("aten::linalg_eigvals", False),
                    (_castable("torch.linalg.eigvals", "eigenvalues"),))
eigh = _with_out(eigh, "linalg_eigh", _EIGH, (_EXACT, _EXACT), "linalg_eigh", 2)
eigvalsh = _with_out(eigvalsh, "linalg_eigvalsh", _EIGH, (_EXACT,))
householder_product = _with_out(householder_product, "linalg_householder_product", ("linalg_householder_product", True),
                                (_castable("torch.linalg.householder_product"),))
inv = _with_out(inv, "linalg_inv", _INV, (_EXACT,))
inv_ex = _with_out(inv_ex, "linalg_inv_ex", _INV, (_EXACT, _EXACT), "linalg_inv_ex", 2)
ldl_factor = _with_out(ldl_factor, "linalg_ldl_factor", ("aten::linalg_ldl_factor_ex", False), (_EXACT, _EXACT),
                       "linalg_ldl_factor", 2)
ldl_factor_ex = _with_out(ldl_factor_ex, "linalg_ldl_factor_ex", ("aten::linalg_ldl_factor_ex", False),
                          (_EXACT, _EXACT, _EXACT), "linalg_ldl_factor_ex", 3)
ldl_solve = _with_out(ldl_solve, "linalg_ldl_solve", ("aten::linalg_ldl_solve", False), (_EXACT,))
# lstsq's check names `solution` for the residuals too (PyTorch 2.15's text).
lstsq = _with_out(lstsq, "linalg_lstsq", ("linalg_lstsq", True),
                  (_castable("torch.linalg.lstsq", "solution"), _castable("torch.linalg.lstsq", "solution"), _ANY,
                   ("singular_values",)), "linalg_lstsq", 4)
lu = _with_out(lu, "linalg_lu", ("linalg_lu", True), (_EXACT, _EXACT, _EXACT), "linalg_lu", 2)
lu_factor = _with_out(lu_factor, "linalg_lu_factor", _LUF, (_EXACT, _EXACT), "linalg_lu_factor", 2)
lu_factor_ex = _with_out(lu_factor_ex, "linalg_lu_factor_ex", _LUF, (_EXACT, _EXACT, _EXACT), "linalg_lu_factor_ex", 3)
lu_solve = _with_out(lu_solve, "linalg_lu_solve", ("linalg_lu_solve", True), (_EXACT,))
matmul = _with_out(matmul, "linalg_matmul", ("matmul", True), (_EXACT,))
matrix_norm = _with_out(matrix_norm, "linalg_matrix_norm", None, (("norm", "linalg.matrix_norm"),))
matrix_power = _with_out(matrix_power, "linalg_matrix_power", None, (None,), plain=_matrix_power_rules)
matrix_rank = _with_out(matrix_rank, "linalg_matrix_rank", None, (_ANY,))
multi_dot = _with_out(multi_dot, "linalg_multi_dot", ("mm", True), (("multi_dot",),))
norm = _with_out(norm, "linalg_norm", None, (("norm", "linalg.norm"),))
pinv = _with_out(pinv, "linalg_pinv", ("linalg_pinv", True), (_castable("linalg.pinv"),))
polar = _with_out(polar, "linalg_polar", ("linalg_polar", True), (_EXACT, _EXACT), "linalg_polar")
qr = _with_out(qr, "linalg_qr", ("linalg_qr", True), (_EXACT, _EXACT), "linalg_qr", 2)
slogdet = _with_out(slogdet, "linalg_slogdet", ("_linalg_slogdet", True), (_EXACT, _EXACT), "linalg_slogdet")
solve = _with_out(solve, "linalg_solve", _SOLVE, (_EXACT,))
solve_ex = _with_out(solve_ex, "linalg_solve_ex", _SOLVE, (_EXACT, _EXACT), "linalg_solve_ex", 4)
solve_triangular = _with_out(solve_triangular, "linalg_solve_triangular", ("linalg_solve_triangular", True), (("scalar",),))
svd = _with_out(svd, "linalg_svd", _SVD, (_EXACT, _EXACT, _EXACT), "linalg_svd", 3)
svdvals = _with_out(svdvals, "linalg_svdvals", _SVD, (_EXACT,))
tensorinv = _with_out(tensorinv, "linalg_tensorinv", None, (_castable("tensorinv"),))
tensorsolve = _with_out(tensorsolve, "linalg_tensorsolve", None, (_castable("tensorsolve"),))
vecdot = _with_out(vecdot, "linalg_vecdot", None, (None,), plain=_vecdot_rules)
vector_norm = _with_out(vector_norm, "linalg_vector_norm", ("linalg_vector_norm", True), (_EXACT,))
diagonal = _no_out(diagonal, "linalg_diagonal")
matrix_exp = _no_out(matrix_exp, "linalg_matrix_exp")
matrix_sqrth = _no_out(matrix_sqrth, "linalg_matrix_sqrth")
vander = _no_out(vander, "linalg_vander")

# torch.* names (bound to the _torch_* functions by LinalgNatives.swift). torch.det,
# torch.logdet, torch.pinverse and torch.matrix_exp have no out= in PyTorch.
_torch_logdet = _no_out(_torch_logdet, "logdet")
_torch_pinverse = _no_out(_torch_pinverse, "pinverse")
_torch_slogdet = _with_out(_torch_slogdet, "slogdet", ("_linalg_slogdet", True), (_EXACT, _EXACT), "slogdet")
_torch_inverse = _with_out(_torch_inverse, "inverse", _INV, (_EXACT,))
_torch_cholesky_inverse = _with_out(_torch_cholesky_inverse, "cholesky_inverse", ("cholesky_inverse", True),
                                    (_castable("cholesky_inverse"),))
_torch_cholesky_solve = _with_out(_torch_cholesky_solve, "cholesky_solve", ("cholesky_solve", True),
                                  (_castable("cholesky_solve"),))
def _torch_svd_rules(args, kwargs):
    # compute_uv=False fills U and V with zeros through its own check and text.
    compute_uv = args[2] if len(args) > 2 else kwargs.get("compute_uv", True)
    rule = _EXACT if compute_uv else ("torch.svd",)
    return _SVD, (rule, rule, rule)


_torch_svd = _with_out(_torch_svd, "svd", _SVD, (_EXACT, _EXACT, _EXACT), "svd", 3, plain=_torch_svd_rules)
_torch_lu_solve = _with_out(_torch_lu_solve, "lu_solve", ("linalg_lu_solve", True), (_EXACT,))
_torch_lu_unpack = _with_out(_torch_lu_unpack, "lu_unpack", ("lu_unpack", True), (_EXACT, _EXACT, _EXACT), "lu_unpack", 4)
_torch_triangular_solve = _with_out(_torch_triangular_solve, "triangular_solve", ("triangular_solve", True),
                                    (_EXACT, _EXACT), "triangular_solve", 5)
_torch_geqrf = _with_out(_torch_geqrf, "geqrf", ("geqrf", True),
                         (_castable("torch.geqrf", "a"), _castable("torch.geqrf", "tau")), "geqrf")
_torch_orgqr = _with_out(_torch_orgqr, "orgqr", ("linalg_householder_product", True),
                         (_castable("torch.linalg.householder_product"),))
_torch_ormqr = _with_out(_torch_ormqr, "ormqr", ("ormqr", True), (("ormqr",),))
_torch_kron = _with_out(_torch_kron, "kron", ("mul", True), (_ANY,))
_torch_cross = _with_out(_torch_cross, "cross", ("linalg_cross", True), (_EXACT,))
_torch_matrix_power = _with_out(_torch_matrix_power, "matrix_power", None, (None,), plain=_matrix_power_rules)
_torch_tensordot = _with_out(_torch_tensordot, "tensordot", None, (("tensordot",),))
def _chain_matmul_rules(args, kwargs):
    # One matrix is result.copy_(matrices[0]): any out dtype, cast even when unsafe.
    if len(args) == 1:
        return ("mm", True), (("copy",),)
    return ("mm", True), (("multi_dot",),)


_torch_chain_matmul = _with_out(_torch_chain_matmul, "chain_matmul", ("mm", True), (("multi_dot",),),
                                plain=_chain_matmul_rules)


_torch_lu_plain = _torch_lu


def _torch_lu_out(A, pivot=True, get_infos=False, out=None):
    # torch.lu is Python in PyTorch: out[i].resize_as_(r[i]).copy_(r[i]) — any dtype copy_
    # takes, no resize warning, autograd through copy_, and the same tuple back.
    r = _torch_lu_plain(A, pivot, get_infos)
    if out is None:
        return r
    if len(out) != len(r):
        raise TypeError(f"expected tuple of {len(r)} elements but got {len(out)}")
    for o, t in zip(out, r):
        torch._linalg_out_resize(o, t, 0, False)
        o.copy_(t)
    return out


_torch_lu = _torch_lu_out
