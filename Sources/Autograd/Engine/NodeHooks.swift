import Tensors

/// `grad_fn.register_prehook` / `register_hook` hooks, run where PyTorch's
/// `call_function` runs them: pre-hooks after the tensor hooks and `retain_grad`, before
/// the formula; post-hooks after it, with the input and output gradients.
extension Engine {
    static func runNodePreHooks(_ node: Node, _ grads: inout [Tensor?]) throws {
        for entry in node.preHooks where !entry.removed {
            if let r = try entry.hook(grads) {
                try checkHookResult(r.count, expected: grads.count)
                grads = r
            }
        }
    }

    /// `results` are the input gradients (empty for AccumulateGrad, as in PyTorch).
    static func runPostHooks(_ node: Node, _ results: inout [Tensor?], _ grads: [Tensor?]) throws {
        for entry in node.postHooks where !entry.removed {
            if let r = try entry.hook(results, grads) {
                try checkHookResult(r.count, expected: results.count)
                results = r
            }
        }
    }

    /// PyTorch's check on what a node hook returned (`_call_hooks` in python_hook.cpp).
    static func checkHookResult(_ got: Int, expected: Int) throws(TensorError) {
        if got != expected {
            throw .runtime("hook 'hook' has returned an incorrect number of values (got \(got), but expected \(expected))")
        }
    }
}
