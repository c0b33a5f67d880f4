import Autograd
import Interpreter
import Tensors

/// `torch._nn.fused_adam_(param, grad, exp_avg, exp_avg_sq, max_exp_avg_sq, step, lr, beta1,
/// beta2, weight_decay, eps, amsgrad, maximize, decoupled)`: one parameter's step of
/// `Adam`/`AdamW` with `fused=True`, PyTorch's fused CPU kernel (FusedAdam in Tensors).
/// `max_exp_avg_sq` is any same-shaped tensor when amsgrad is off (left untouched).
/// `fused_sgd_(param, grad, buf, lr, momentum, dampening, weight_decay, nesterov, maximize,
/// first_step)` and `fused_adagrad_(param, grad, sum, clr, eps, weight_decay, maximize)` are
/// `SGD`'s and `Adagrad`'s (FusedSGD, FusedAdagrad).
extension TorchRuntime {
    func addNativeFusedOptimizers(_ m: PyModule) {
        m.addFunction("fused_adam_") { [unowned self] _, args in
            let a = args.positional
            let f = "_fused_adam_"
            do {
                let ts = try (0..<5).map { try tensor(a[$0], f, "tensors") }
                let d = try (5..<11).map { try double(a[$0], f, "hyper") }
                let h = FusedAdam.Hyper(lr: d[1], beta1: d[2], beta2: d[3], weightDecay: d[4], eps: d[5], step: d[0],
                                        amsgrad: try bool(a[11], f, "amsgrad"), maximize: try bool(a[12], f, "maximize"),
                                        decoupled: try bool(a[13], f, "decoupled"))
                try FusedAdam.step(ts[0], ts[1], ts[2], ts[3], ts[4], h)
                return .none
            } catch let e as TensorError { throw e.python }
        }
        m.addFunction("fused_sgd_") { [unowned self] _, args in
            let a = args.positional
            let f = "_fused_sgd_"
            do {
                let ts = try (0..<3).map { try tensor(a[$0], f, "tensors") }
                let d = try (3..<7).map { try double(a[$0], f, "hyper") }
                let h = FusedSGD.Hyper(lr: d[0], momentum: d[1], dampening: d[2], weightDecay: d[3],
                                       nesterov: try bool(a[7], f, "nesterov"), maximize: try bool(a[8], f, "maximize"),
                                       firstStep: try bool(a[9], f, "is_first_step"))
                try FusedSGD.step(ts[0], ts[1], ts[2], h)
                return .none
            } catch let e as TensorError { throw e.python }
        }
        m.addFunction("fused_adagrad_") { [unowned self] _, args in
            let a = args.positional
            let f = "_fused_adagrad_"
            do {
                let ts = try (0..<3).map { try tensor(a[$0], f, "tensors") }
                try FusedAdagrad.step(ts[0], ts[1], ts[2], clr: try double(a[3], f, "clr"), eps: try double(a[4], f, "eps"),
                                      weightDecay: try double(a[5], f, "weight_decay"), maximize: try bool(a[6], f, "maximize"))
                return .none
            } catch let e as TensorError { throw e.python }
        }
    }
}
