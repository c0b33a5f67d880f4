import torch
import torch.autograd.function
import warnings

__all__ = ["gradcheck", "gradgradcheck", "GradcheckError"]


class GradcheckError(RuntimeError):
    """Raised by gradcheck and gradgradcheck when a check fails."""
    pass


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return (x,)


def _differentiable_outputs(x):
    return tuple(o for o in _as_tuple(x) if isinstance(o, torch.Tensor) and o.requires_grad)


def _diff_inputs(inputs):
    return [t for t in inputs if isinstance(t, torch.Tensor) and t.requires_grad]


def _check_inputs(tupled_inputs):
    any_input_requiring_grad = False
    idx = 0
    for inp in tupled_inputs:
        if isinstance(inp, torch.Tensor) and inp.requires_grad:
            if inp.dtype != torch.float64 and inp.dtype != torch.complex128:
                warnings.warn("Input #" + str(idx) + " requires gradient and is not a double precision floating point "
                              "or complex. This check will likely fail if all the inputs are not of double precision "
                              "floating point or complex. ")
            if not all(st > 0 or sz <= 1 for st, sz in zip(inp.stride(), inp.size())):
                raise RuntimeError("The " + str(idx) + "th input has a dimension with stride 0. gradcheck only supports "
                                   "inputs that are non-overlapping to be able to compute the numerical gradients "
                                   "correctly. You should call .contiguous on the input before passing it to gradcheck.")
            any_input_requiring_grad = True
        idx += 1
    if not any_input_requiring_grad:
        raise ValueError("gradcheck expects at least one input tensor to require gradient, but none of them have "
                         "requires_grad=True.")
    return True


def _element_index(sizes, d_idx):
    # The multi-index of flat position d_idx, last dimension fastest (itertools.product order).
    idx = []
    rest = d_idx
    for s in reversed(list(sizes)):
        idx.append(rest % s)
        rest = rest // s
    return tuple(reversed(idx))


def _is_float_or_complex_tensor(obj):
    return isinstance(obj, torch.Tensor) and (obj.is_floating_point() or obj.is_complex())


def _check_outputs_same_dtype_and_shape(output1, output2, eps, idx):
    on_index = "on index " + str(idx) + " "
    if output1.shape != output2.shape:
        raise AssertionError("Expected `func` to return outputs with the same shape when inputs are perturbed "
                             + on_index + "by " + str(eps) + ", but got: shapes " + str(output1.shape) + " and "
                             + str(output2.shape) + ".")
    if output1.dtype != output2.dtype:
        raise AssertionError("Expected `func` to return outputs with the same dtype when inputs are perturbed "
                             + on_index + "by " + str(eps) + ", but got: dtypes " + str(output1.dtype) + " and "
                             + str(output2.dtype) + ".")


def _numerical_column(func, inputs, entry, v, eps, idx):
    # Central differences of every output of func, perturbing `entry` by v (eps, or eps * 1j
    # for the imaginary part of a complex input), as PyTorch's _compute_numerical_gradient.
    orig = entry.clone()
    entry.copy_(orig - v)
    outa = tuple(o.clone() for o in _as_tuple(func(*inputs)))
    entry.copy_(orig + v)
    outb = tuple(o.clone() for o in _as_tuple(func(*inputs)))
    entry.copy_(orig)
    column = []
    for a, b in zip(outa, outb):
        _check_outputs_same_dtype_and_shape(a, b, eps, idx)
        column.append(((b - a) / (2 * eps)).detach().reshape(-1))
    return tuple(column)


def _numerical_jacobian(func, inputs, outputs, eps):
    # jacobians[j][i]: input j (of those requiring grad) by output i (of the float and complex
    # outputs), each (input numel, output numel), by central differences on each element of
    # the input's data, as PyTorch's slow mode computes them. A complex input's column is the
    # conjugate Wirtinger derivative ds/dx + ds/dy * 1j, from perturbing its real and
    # imaginary parts; its Jacobians have the input's complex dtype.
    jacobians = []
    for input_idx in range(len(inputs)):
        inp = inputs[input_idx]
        if not (isinstance(inp, torch.Tensor) and inp.requires_grad):
            continue
        data = inp.data
        columns = []
        for d_idx in range(data.numel()):
            idx = _element_index(data.shape, d_idx)
            entry = data[idx] if data.dim() > 0 else data
            ds_dx = _numerical_column(func, inputs, entry, eps, eps, idx)
            if data.is_complex():
                ds_dy = _numerical_column(func, inputs, entry, eps * 1j, eps, idx)
                for k in range(len(ds_dx)):
                    if ds_dx[k].is_complex():
                        raise AssertionError("Expected ds_dx to be real-valued, not complex")
                columns.append(tuple(dx + dy * 1j for dx, dy in zip(ds_dx, ds_dy)))
            else:
                for k in range(len(ds_dx)):
                    if ds_dx[k].is_complex():
                        raise AssertionError("Expected ds_dx to be real-valued, not complex.")
                columns.append(ds_dx)
        per_output = []
        for o in outputs:
            if _is_float_or_complex_tensor(o):
                dtype = inp.dtype if inp.dtype.is_complex else o.dtype
                per_output.append(torch.zeros((data.numel(), o.numel()), dtype=dtype))
        for i in range(len(per_output)):
            for d_idx in range(len(columns)):
                per_output[i][d_idx] = columns[d_idx][i]
        jacobians.append(per_output)
    return jacobians


def _analytical_jacobian_rows(inputs, output):
    diff_inputs = _diff_inputs(inputs)
    sample = output.clone()
    # contiguous whatever the output's strides (a transposed gradient, as affine_grid's
    # second-order output), so that the flat view writes through
    grad_out = torch.zeros(sample.shape, dtype=sample.dtype, device=sample.device)
    flat = grad_out.view(-1)
    rows = []
    for j in range(flat.numel()):
        flat.zero_()
        flat[j] = 1.0
        grads = torch.autograd.grad(output, diff_inputs, grad_out, retain_graph=True, allow_unused=True)
        for i in range(len(grads)):
            if j == 0:
                rows.append([])
            d_x = grads[i]
            rows[i].append(d_x.clone() if isinstance(d_x, torch.Tensor) else None)
    return rows


def _stack_rows(rows, inputs, numel_outputs):
    diff_inputs = _diff_inputs(inputs)
    jacobians = []
    types_ok = True
    sizes_ok = True
    for i in range(len(diff_inputs)):
        inp = diff_inputs[i]
        jac = torch.zeros((inp.numel(), numel_outputs), dtype=inp.dtype)
        for j in range(numel_outputs):
            d_x = rows[i][j] if i < len(rows) else None
            if d_x is None:
                continue
            if d_x.size() != inp.size():
                sizes_ok = False
            elif d_x.dtype != inp.dtype:
                types_ok = False
            if jac[:, j].numel() != d_x.numel():
                raise AssertionError("Expected out_jacobian column to have " + str(d_x.numel())
                                     + " elements, but got " + str(jac[:, j].numel()))
            jac[:, j] = d_x.contiguous().view(-1)
        jacobians.append(jac)
    return jacobians, types_ok, sizes_ok


_FAILED_NONDET_MSG = """\n
NOTE: If your op relies on non-deterministic operations i.e., it is listed here:
https://pytorch.org/docs/stable/generated/torch.use_deterministic_algorithms.html
this failure might be expected.

If you are adding a new operator, please file an issue and then use one of the
workarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck.
If the test
- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck
  with `nondet_tol=<tol>` as a keyword argument.
- is OpInfo-based (e.g., in test_ops_gradients.py), then modify the OpInfo for the test
  to have `gradcheck_nondet_tol=<tol>`.
- is a Module test (e.g., in common_nn.py), then modify the corresponding
  module_test entry to have `gradcheck_nondet_tol=<tol>`
"""


def _analytical_jacobian(inputs, output, nondet_tol, check_grad_dtypes):
    rows1 = _analytical_jacobian_rows(inputs, output)
    rows2 = _analytical_jacobian_rows(inputs, output)
    numel = output.numel()
    jacobians1, types_ok, sizes_ok = _stack_rows(rows1, inputs, numel)
    jacobians2, _, _ = _stack_rows(rows2, inputs, numel)
    reentrant = True
    for j1, j2 in zip(jacobians1, jacobians2):
        if j1.numel() != 0 and (j1 - j2).abs().max() > nondet_tol:
            reentrant = False
    if not types_ok and check_grad_dtypes:
        raise GradcheckError("Gradient has dtype mismatch")
    if not sizes_ok:
        raise GradcheckError("Analytical gradient has incorrect size")
    if not reentrant:
        raise GradcheckError("Backward is not reentrant, i.e., running backward with same input and grad_output "
                             "multiple times gives different values, although analytical gradient matches numerical "
                             "gradient.The tolerance for nondeterminism was " + str(nondet_tol) + "."
                             + _FAILED_NONDET_MSG)
    return jacobians1


def _allclose_with_type_promotion(a, b, rtol, atol):
    promoted = torch.promote_types(a.dtype, b.dtype)
    return torch.allclose(a.to(promoted), b.to(promoted), rtol, atol)


def _test_backward_mul_by_grad_output(outputs, inputs):
    diff_inputs = _diff_inputs(inputs)
    grads = torch.autograd.grad(outputs, diff_inputs, [torch.zeros_like(o) for o in outputs], allow_unused=True)
    for gi, di in zip(grads, diff_inputs):
        if gi is None:
            continue
        if not gi.eq(0).all():
            raise GradcheckError("backward not multiplied by grad_output")
        if gi.dtype != di.dtype:
            raise GradcheckError("grad is incorrect type")
        if gi.size() != di.size():
            raise GradcheckError("grad is incorrect size")
    return True


class _UndefinedGrad(torch.autograd.function.Function):
    # Passes no gradient on: what a backward sees when its output gradients are undefined.
    @staticmethod
    def forward(ctx, x):
        return x.clone()

    @staticmethod
    def backward(ctx, g):
        return None


def _test_undefined_backward_mode(func, outputs, inputs):
    diff_inputs = _diff_inputs(inputs)

    def check(output_to_check):
        grads_output = [torch.zeros_like(o) for o in output_to_check]
        try:
            grads_input = torch.autograd.grad(output_to_check, diff_inputs, grads_output, allow_unused=True)
        except RuntimeError as e:
            raise GradcheckError('Expected backward function to handle undefined output grads. Please look at '
                                 '"Notes about undefined output gradients" in "tools/autograd/derivatives.yaml"')
        for gi in grads_input:
            if gi is not None and not gi.eq(0).all():
                raise GradcheckError("Expected all input grads to be undefined or zero when all output grads are "
                                     'undefined or zero. Please look at "Notes about undefined output gradients" in '
                                     '"tools/autograd/derivatives.yaml"')
        return True

    outputs_to_check = [[_UndefinedGrad.apply(o) for o in _differentiable_outputs(func(*inputs))]]
    if len(outputs_to_check[0]) > 1:
        for undef_grad_idx in range(len(outputs)):
            output_to_check = _differentiable_outputs(func(*inputs))
            outputs_to_check.append([_UndefinedGrad.apply(output_to_check[idx]) if idx == undef_grad_idx
                                     else output_to_check[idx] for idx in range(len(output_to_check))])
    return all(check(output) for output in outputs_to_check)


def _notallclose_msg(analytical, numerical, output_idx, input_idx, complex_indices, test_imag):
    prefix = ""
    if complex_indices and output_idx in complex_indices:
        prefix = "While considering the " + ("imaginary" if test_imag else "real") + " part of complex outputs only, "
    return (prefix + "Jacobian mismatch for output " + str(output_idx) + " with respect to input " + str(input_idx)
            + ",\nnumerical:" + str(numerical) + "\nanalytical:" + str(analytical) + "\n")


def _slow_gradcheck(func, func_out, tupled_inputs, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes,
                    complex_indices=None, test_imag=False):
    func_out = _as_tuple(func_out)
    if not outputs:
        for per_input in _numerical_jacobian(func, tupled_inputs, func_out, eps):
            for n in per_input:
                if torch.ne(n, 0).sum() > 0:
                    raise GradcheckError("Numerical gradient for function expected to be zero")
        return True
    per_input = _numerical_jacobian(func, tupled_inputs, func_out, eps)
    # transposed to [output][input], then paired with func's outputs as PyTorch pairs them
    transposed = []
    if len(per_input) > 0:
        for i in range(len(per_input[0])):
            transposed.append(tuple(per_input[j][i] for j in range(len(per_input))))
    numerical = [nj for o, nj in zip(func_out, transposed) if o.requires_grad]
    for i in range(len(outputs)):
        analytical = _analytical_jacobian(tupled_inputs, outputs[i], nondet_tol, check_grad_dtypes)
        for j in range(len(analytical)):
            a = analytical[j]
            n = numerical[i][j]
            if not _allclose_with_type_promotion(a, n, rtol, atol):
                raise GradcheckError(_notallclose_msg(a, n, i, j, complex_indices, test_imag))
    return True


def _real_and_imag_output(func):
    # real(func) and imag(func): func with torch.real / torch.imag applied to its complex outputs
    def real_fn(*inputs):
        return tuple(torch.real(o) if o.is_complex() else o for o in _as_tuple(func(*inputs)))

    def imag_fn(*inputs):
        return tuple(torch.imag(o) if o.is_complex() else o for o in _as_tuple(func(*inputs)))

    return real_fn, imag_fn


def _gradcheck(func, tupled_inputs, eps, atol, rtol, nondet_tol, check_grad_dtypes, check_undefined_grad):
    func_out = func(*tupled_inputs)
    outputs = _differentiable_outputs(func_out)
    # PyTorch's _gradcheck_real_imag: a function with complex outputs is checked as two real
    # functions, the imaginary parts of its complex outputs first, then the real parts.
    complex_out_indices = [i for i in range(len(outputs)) if outputs[i].is_complex()]
    if any(o.is_complex() for o in _as_tuple(func_out)):
        real_fn, imag_fn = _real_and_imag_output(func)
        imag_func_out = imag_fn(*tupled_inputs)
        _slow_gradcheck(imag_fn, imag_func_out, tupled_inputs, _differentiable_outputs(imag_func_out), eps, atol,
                        rtol, nondet_tol, check_grad_dtypes, complex_indices=complex_out_indices, test_imag=True)
        real_func_out = real_fn(*tupled_inputs)
        _slow_gradcheck(real_fn, real_func_out, tupled_inputs, _differentiable_outputs(real_func_out), eps, atol,
                        rtol, nondet_tol, check_grad_dtypes, complex_indices=complex_out_indices)
    else:
        _slow_gradcheck(func, func_out, tupled_inputs, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes)
    if not outputs:
        # PyTorch's checks below pass trivially without differentiable outputs
        return True
    _test_backward_mul_by_grad_output(outputs, tupled_inputs)
    if check_undefined_grad:
        _test_undefined_backward_mode(func, outputs, tupled_inputs)
    return True


def gradcheck(func, inputs, *, eps=1e-06, atol=1e-05, rtol=0.001, raise_exception=True, nondet_tol=0.0,
              check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
              check_batched_forward_grad=False, check_forward_ad=False, check_backward_ad=True,
              fast_mode=False, masked=None):
    """Compares the gradients autograd computes for `func` with central finite
    differences (PyTorch's slow mode), element by element."""
    tupled_inputs = _as_tuple(inputs)
    _check_inputs(tupled_inputs)
    try:
        return _gradcheck(func, tupled_inputs, eps, atol, rtol, nondet_tol, check_grad_dtypes, check_undefined_grad)
    except GradcheckError as e:
        if raise_exception:
            raise e
        return False


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-06, atol=1e-05, rtol=0.001,
                  gen_non_contig_grad_outputs=False, raise_exception=True, nondet_tol=0.0,
                  check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
                  check_fwd_over_rev=False, check_rev_over_rev=True, fast_mode=False, masked=False):
    """gradcheck of the gradient: checks second derivatives of `func` by finite
    differences of its first derivatives."""
    tupled_inputs = _as_tuple(inputs)
    if grad_outputs is None:
        outputs = _differentiable_outputs(func(*tupled_inputs))
        made = []
        for x in outputs:
            # torch.testing.make_tensor(low=-1, high=1): complex parts drawn through view_as_real
            dtype = x.dtype if x.is_floating_point() or x.is_complex() else torch.double
            t = torch.empty(x.shape, dtype=dtype)
            (torch.view_as_real(t) if dtype.is_complex else t).uniform_(-1, 1)
            made.append(t.requires_grad_())
        tupled_grad_outputs = tuple(made)
    else:
        tupled_grad_outputs = _as_tuple(grad_outputs)
    num_outputs = len(tupled_grad_outputs)
    diff_input_args_indices = [i for i in range(len(tupled_inputs))
                               if isinstance(tupled_inputs[i], torch.Tensor) and tupled_inputs[i].requires_grad]
    diff_grad_output_indices = [i for i in range(num_outputs) if tupled_grad_outputs[i].requires_grad]

    def new_func(*args):
        n_in = len(args) - num_outputs
        input_args = tuple(args[i].requires_grad_() if i in diff_input_args_indices else args[i] for i in range(n_in))
        outputs = _differentiable_outputs(func(*input_args))
        grad_outputs = tuple(args[n_in + i].requires_grad_() if i in diff_grad_output_indices else args[n_in + i]
                             for i in range(num_outputs))
        diff_input_args = tuple(input_args[i] for i in range(n_in) if i in diff_input_args_indices)
        grad_inputs = torch.autograd.grad(outputs, diff_input_args, grad_outputs, create_graph=True,
                                          allow_unused=True)
        return tuple(g for g in grad_inputs if g is not None)

    return gradcheck(new_func, tupled_inputs + tupled_grad_outputs, eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception, nondet_tol=nondet_tol, check_grad_dtypes=check_grad_dtypes,
                     check_undefined_grad=check_undefined_grad)
