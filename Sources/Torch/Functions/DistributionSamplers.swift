import Autograd
import Interpreter
import Tensors

/// The samplers `torch.distributions` draws through that are not plain fills: the in-place
/// `cauchy_`, `log_normal_` and `geometric_`, and `torch.poisson`, `torch.binomial`,
/// `torch._standard_gamma`, `torch._sample_dirichlet` (all from PyTorch's CPU generator
/// algorithm, so seeded lessons print PyTorch's numbers). Their results carry no gradient.
extension TorchRuntime {
    func bindDistributionSamplers(_ b: Binder) {
        func inPlace(_ name: String, _ body: @escaping (Tensor, Arguments) throws -> Void) {
            b.checkedMethod(name) { _, s, args in
                guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(name)' requires a 'torch._C.TensorBase' object") }
                do { try body(t, args) } catch let e as TensorError { throw e.python }
                return s
            }
        }
        let cauchySig = Signature("cauchy_", ["median", "sigma"], keywordOnly: ["generator"])
        inPlace("cauchy_") { [unowned self] t, args in
            let bound = try args.bind(cauchySig)
            _ = try t.cauchy_(median: try bound.given(0).map { try double($0, "cauchy_", "median") } ?? 0,
                              sigma: try bound.given(1).map { try double($0, "cauchy_", "sigma") } ?? 1,
                              generator: try generator(bound[2]))
        }
        let logNormalSig = Signature("log_normal_", ["mean", "std"], keywordOnly: ["generator"])
        inPlace("log_normal_") { [unowned self] t, args in
            let bound = try args.bind(logNormalSig)
            _ = try t.logNormal_(mean: try bound.given(0).map { try double($0, "log_normal_", "mean") } ?? 1,
                                 std: try bound.given(1).map { try double($0, "log_normal_", "std") } ?? 2,
                                 generator: try generator(bound[2]))
        }
        let geometricSig = Signature("geometric_", ["p"], keywordOnly: ["generator"], required: 1)
        inPlace("geometric_") { [unowned self] t, args in
            let bound = try args.bind(geometricSig)
            _ = try t.geometric_(try double(bound[0]!, "geometric_", "p"), generator: try generator(bound[1]))
        }
        let unarySig = Signature("poisson", ["generator"])
        for (name, draw) in [("poisson", { (t: Tensor, g: CPUGenerator) throws(TensorError) in try t.detach().poisson(generator: g) }),
                             ("_standard_gamma", { (t: Tensor, g: CPUGenerator) throws(TensorError) in try Differentiable.standardGamma(t, generator: g) }),
                             ("_sample_dirichlet", { (t: Tensor, g: CPUGenerator) throws(TensorError) in try t.detach().sampleDirichlet(generator: g) })] {
            b.function(name) { [unowned self] _, t, args in
                let bound = try args.bind(unarySig)
                let gen = try generator(bound[0])
                return wrap(try draw(t, gen))
            }
        }
        // digamma: Gamma/Beta/Dirichlet/StudentT entropies and KL divergences use it.
        b.both("digamma") { [unowned self] _, t, args in
            try args.expectNone("digamma")
            return wrap(try Differentiable.digamma(t))
        }
        b.free("_standard_gamma_grad") { [unowned self] _, args in
            guard args.count == 2 else { throw PyError.typeError("_standard_gamma_grad() takes 2 positional arguments but \(args.count) were given") }
            let alpha = try tensor(args[0], "_standard_gamma_grad", "self"), sample = try tensor(args[1], "_standard_gamma_grad", "output")
            return wrap(try bridged { try Tensor.standardGammaGrad(alpha: alpha.detach(), sample: sample.detach()) })
        }
        b.free("_dirichlet_grad") { [unowned self] _, args in
            guard args.count == 3 else { throw PyError.typeError("_dirichlet_grad() takes 3 positional arguments but \(args.count) were given") }
            let x = try tensor(args[0], "_dirichlet_grad", "x"), alpha = try tensor(args[1], "_dirichlet_grad", "alpha")
            let total = try tensor(args[2], "_dirichlet_grad", "total")
            return wrap(try bridged { try Tensor.dirichletGrad(x: x.detach(), alpha: alpha.detach(), total: total.detach()) })
        }
        let binomialSig = Signature("binomial", ["prob", "generator"], required: 1)
        b.function("binomial") { [unowned self] _, count, args in
            let bound = try args.bind(binomialSig)
            let prob = try tensor(bound[0]!, "binomial", "prob")
            return wrap(try Tensor.binomial(count: count.detach(), prob: prob.detach(), generator: try generator(bound[1])))
        }
    }
}
