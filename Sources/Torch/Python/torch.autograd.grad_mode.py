# torch.autograd.grad_mode: `no_grad`, `enable_grad`, `set_grad_enabled` and
# `inference_mode` are native context managers (Tensor/AutogradBinding.swift); used as
# decorators they wrap the function here, as PyTorch's `context_decorator`
# (torch/utils/_contextlib.py) does: a Python function made by functools.wraps, so that a
# decorated method binds `self` (`@torch.no_grad()` on `def generate(self, ...)`) and keeps
# the function's name and docstring; a generator function runs each of its steps inside
# the context (`_wrap_generator`), not only the call that creates the generator.
import functools
import inspect

from torch import enable_grad, inference_mode, no_grad, set_grad_enabled


def _wrap_generator(make_context, func):
    @functools.wraps(func)
    def generator_context(*args, **kwargs):
        gen = func(*args, **kwargs)
        try:
            with make_context():
                response = gen.send(None)
            while True:
                try:
                    request = yield response
                except GeneratorExit:
                    with make_context():
                        gen.close()
                    raise
                except BaseException as e:
                    with make_context():
                        response = gen.throw(e)
                else:
                    with make_context():
                        response = gen.send(request)
        except StopIteration as e:
            return e.value

    return generator_context


def _decorate(make_context, func):
    if inspect.isgeneratorfunction(func):
        return _wrap_generator(make_context, func)

    @functools.wraps(func)
    def decorate_context(*args, **kwargs):
        with make_context():
            return func(*args, **kwargs)

    return decorate_context
