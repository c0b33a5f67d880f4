import Tensors

/// ATen's `*_backward` functions (`tanh_backward`, `threshold_backward`,
/// `_softmax_backward_data`, ...) as differentiable ops.
///
/// PyTorch's first-order formula for tanh, sigmoid, relu, softmax, ... calls one of these
/// functions; under `create_graph=True` that call is itself recorded, as ONE node named
/// after it (`TanhBackwardBackward0`) whose inputs are the incoming gradient and the
/// saved tensor, and whose own formula is derivatives.yaml's entry for the `*_backward`
/// function. Each op here computes its value exactly as the first-order backward always
/// did (outside grad mode, so the fused kernels run), and records that node only when
/// one of its inputs requires grad; the double-backward formulas follow derivatives.yaml
/// term by term, in its operation order, so second derivatives round as PyTorch's do.
extension Differentiable {
    /// The value of a `*_backward` function, computed with grad mode off, recorded as
    /// `name` over `inputs` when one of them requires grad (create_graph).
    static func backwardFunction(_ name: String, _ inputs: [Tensor?], save: [Tensor?],
                                 value: () throws(TensorError) -> Tensor,
                                 formula: @escaping BackwardFormula) throws(TensorError) -> Tensor {
        let recording = isRecording(inputs)
        let out = try GradMode.withGradMode(false, value)
        guard recording else { return out }
        return try record(name, inputs, out, save: save, formula: formula)
    }

    /// `a + s` as ATen's C++ writes it (`add.Scalar`): AddBackward1.
    public static func addScalarOverload(_ a: Tensor, _ s: Scalar) throws(TensorError) -> Tensor {
        let out = try a.add(s)
        guard isRecording(a) else { return out }
        let ma = TensorMeta(a)
        return record("AddBackward1", [a], out) { ctx in [try reduce(ctx.grad, to: ma)] }
    }

    /// `zeros_like(grad)`: the gradient derivatives.yaml gives a piecewise-linear
    /// backward's saved input.
    static func zerosLike(_ t: Tensor) throws(TensorError) -> Tensor {
        try Tensor.zeros(t.sizes, dtype: t.dtype, device: t.device)
    }

    // MARK: tanh, sigmoid

    /// `tanh_backward(grad_output, output)`: TanhBackwardBackward0.
    static func tanhBackward(_ go: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        try backwardFunction("TanhBackwardBackward0", [go, y], save: [go, y], value: { () throws(TensorError) in
            try ActivationGradient.tanhValue(go, y)
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), y = try ctx.saved(1)
            // grad_output: tanh_backward(grad, output); output: grad * (-2 * output * grad_output)
            return [ctx.needs(0) ? try tanhBackward(gg, y) : nil,
                    ctx.needs(1) ? try mul(gg, try mul(try mulScalarOverload(y, .int(-2)), go)) : nil]
        }
    }

    /// `sigmoid_backward(grad_output, output)`: SigmoidBackwardBackward0.
    static func sigmoidBackward(_ go: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        try backwardFunction("SigmoidBackwardBackward0", [go, y], save: [go, y], value: { () throws(TensorError) in
            try ActivationGradient.sigmoidValue(go, y)
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), y = try ctx.saved(1)
            // grad_output: sigmoid_backward(grad, output);
            // output: grad * grad_output * (-2 * output + 1)
            let slope: () throws(TensorError) -> Tensor = { () throws(TensorError) in
                try addScalarOverload(try mulScalarOverload(y, .int(-2)), .int(1))
            }
            return [ctx.needs(0) ? try sigmoidBackward(gg, y) : nil,
                    ctx.needs(1) ? try mul(try mul(gg, go), try slope()) : nil]
        }
    }

    // MARK: piecewise-linear activations

    /// `threshold_backward(grad_output, self, threshold)`: `self <= threshold ? 0 : grad`;
    /// ThresholdBackwardBackward0 (relu's formula calls it on the result, F.threshold's on
    /// the input).
    static func thresholdBackward(_ go: Tensor, _ x: Tensor, _ threshold: Scalar) throws(TensorError) -> Tensor {
        try backwardFunction("ThresholdBackwardBackward0", [go, x], save: [x], value: { () throws(TensorError) in
            try Tensor.where(try x.detach().le(threshold), .int(0), go.detach())
        }) { ctx in
            let gg = ctx.grad, x = try ctx.saved(0)
            return [ctx.needs(0) ? try thresholdBackward(gg, x, threshold) : nil,
                    ctx.needs(1) ? try zerosLike(gg) : nil]
        }
    }

    /// `leaky_relu_backward(grad_output, self, negative_slope)`: LeakyReluBackwardBackward0.
    static func leakyReluBackward(_ go: Tensor, _ x: Tensor, slope: Double) throws(TensorError) -> Tensor {
        try backwardFunction("LeakyReluBackwardBackward0", [go, x], save: [x], value: { () throws(TensorError) in
            try `where`(try x.gt(.int(0)), go, try mul(go, .float(slope)))
        }) { ctx in
            let gg = ctx.grad, x = try ctx.saved(0)
            return [ctx.needs(0) ? try leakyReluBackward(gg, x, slope: slope) : nil,
                    ctx.needs(1) ? try zerosLike(gg) : nil]
        }
    }

    /// `hardtanh_backward(grad_output, self, min_val, max_val)`: HardtanhBackwardBackward0
    /// (relu6 too).
    static func hardtanhBackward(_ go: Tensor, _ x: Tensor, min lo: Double, max hi: Double) throws(TensorError) -> Tensor {
        try backwardFunction("HardtanhBackwardBackward0", [go, x], save: [x], value: { () throws(TensorError) in
            try whereZero(try x.le(.float(lo)).logicalOr(try x.ge(.float(hi))), go)
        }) { ctx in
            let gg = ctx.grad, x = try ctx.saved(0)
            return [ctx.needs(0) ? try hardtanhBackward(gg, x, min: lo, max: hi) : nil,
                    ctx.needs(1) ? try zerosLike(gg) : nil]
        }
    }

    // MARK: softmax, log_softmax

    /// `_softmax_backward_data(grad_output, output, dim)`: `output · (grad − Σ grad·output)`;
    /// SoftmaxBackwardDataBackward0.
    static func softmaxBackwardData(_ go: Tensor, _ y: Tensor, dim d: Int) throws(TensorError) -> Tensor {
        try backwardFunction("SoftmaxBackwardDataBackward0", [go, y], save: [go, y], value: { () throws(TensorError) in
            if d == y.rank - 1, let fused = try Tensor.softmaxBackwardLastDim(grad: go, output: y, log: false) { return fused }
            if d < y.rank - 1, let fused = try Tensor.softmaxBackwardInnerDim(grad: go, output: y, dim: d, log: false) { return fused }
            let s = try sum(try mul(go, y), dims: [d], keepdim: true)
            return try mul(y, try sub(go, s))
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), y = try ctx.saved(1)
            var gOut: Tensor? = nil
            if ctx.needs(1) {
                // softmax_double_backward(grad, grad_output, dim, output):
                // grad_output * grad - (output * grad_output).sum(dim, true) * grad
                //   - grad_output * (output * grad).sum(dim, true)
                // Operands in the order PyTorch's GCC build evaluates them (right to left),
                // which fixes the nodes' sequence numbers and so the order in which a third
                // derivative accumulates.
                let last = try mul(go, try sum(try mul(y, gg), dims: [d], keepdim: true))
                let middle = try mul(try sum(try mul(y, go), dims: [d], keepdim: true), gg)
                gOut = try sub(try sub(try mul(go, gg), middle), last)
            }
            return [ctx.needs(0) ? try softmaxBackwardData(gg, y, dim: d) : nil, gOut]
        }
    }

    /// `_log_softmax_backward_data(grad_output, output, dim)`: `grad − exp(output) · Σ grad`;
    /// LogSoftmaxBackwardDataBackward0.
    static func logSoftmaxBackwardData(_ go: Tensor, _ y: Tensor, dim d: Int) throws(TensorError) -> Tensor {
        try backwardFunction("LogSoftmaxBackwardDataBackward0", [go, y], save: [go, y], value: { () throws(TensorError) in
            if d == y.rank - 1, let fused = try Tensor.softmaxBackwardLastDim(grad: go, output: y, log: true) { return fused }
            if d < y.rank - 1, let fused = try Tensor.softmaxBackwardInnerDim(grad: go, output: y, dim: d, log: true) { return fused }
            return try sub(go, try mul(try exp(y), try sum(go, dims: [d], keepdim: true)))
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), y = try ctx.saved(1)
            // grad_output: grad - (grad * output.exp()).sum(dim, true)
            // output: -grad_output.sum(dim, true) * output.exp() * grad
            let gGo = ctx.needs(0) ? try sub(gg, try sum(try mul(gg, try exp(y)), dims: [d], keepdim: true)) : nil
            let gOut = ctx.needs(1) ? try mul(try mul(try neg(try sum(go, dims: [d], keepdim: true)), try exp(y)), gg) : nil
            return [gGo, gOut]
        }
    }

    // MARK: losses

    /// `mse_loss_backward(grad_output, self, target, reduction)`: MseLossBackwardBackward0,
    /// over (grad_output, self, target).
    static func mseLossBackward(_ go: Tensor, _ x: Tensor, _ t: Tensor, reduction: LossReduction, count: Int) throws(TensorError) -> Tensor {
        let mgo = TensorMeta(go), mx = TensorMeta(x), mt = TensorMeta(t)
        return try backwardFunction("MseLossBackwardBackward0", [go, x, t], save: [go, x, t], value: { () throws(TensorError) in
            // PyTorch's kernel: norm * (input - target) * grad_output, norm = 2 / numel
            // (mean) or 2, a scalar_t.
            let norm = reduction == .mean ? 2 / Double(count) : 2
            return try mul(try mul(try sub(x, t), .float(norm)), go)
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), x = try ctx.saved(1), t = try ctx.saved(2)
            // mse_loss_double_backward(grad * grad_output, input, reduction): 2 * g (/ numel).
            let doubleBackward: () throws(TensorError) -> Tensor = { () throws(TensorError) in
                var g = try mulScalarOverload(try mul(gg, go), .int(2))
                if reduction == .mean { g = try divScalarOverload(g, .int(Int64(count))) }
                return g
            }
            var gGo: Tensor? = nil, gX: Tensor? = nil, gT: Tensor? = nil
            if ctx.needs(0) { gGo = try reduce(try mseLossBackward(gg, x, t, reduction: reduction, count: count), to: mgo) }
            if ctx.needs(1) { gX = try reduce(try doubleBackward(), to: mx) }
            if ctx.needs(2) { gT = try reduce(try neg(try doubleBackward()), to: mt) }
            return [gGo, gX, gT]
        }
    }
}

// MARK: smooth activations

extension Differentiable {
    /// `gelu_backward(grad_output, self, approximate)`: GeluBackwardBackward0.
    static func geluBackward(_ go: Tensor, _ x: Tensor, approximateTanh: Bool) throws(TensorError) -> Tensor {
        try backwardFunction("GeluBackwardBackward0", [go, x], save: [go, x], value: { () throws(TensorError) in
            try geluBackwardValue(go, x, approximateTanh: approximateTanh)
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), x = try ctx.saved(1)
            return [ctx.needs(0) ? try geluBackward(gg, x, approximateTanh: approximateTanh) : nil,
                    ctx.needs(1) ? try geluDoubleBackward(gg, go, x, approximateTanh: approximateTanh) : nil]
        }
    }

    /// gelu's first derivative times `g`: PyTorch's kernel where Tensors has it, else the
    /// formula; called with grad mode off.
    static func geluBackwardValue(_ g: Tensor, _ x: Tensor, approximateTanh: Bool) throws(TensorError) -> Tensor {
        if let exact = try Tensor.activationBackward(approximateTanh ? .geluTanh : .gelu, grad: g, input: x) { return exact }
        if approximateTanh {
            let k = RealMath.sqrt(2 / RealMath.pi)
            let x3 = try mul(try mul(x, x), x)
            let inner = try mul(try add(x, try mul(x3, .float(0.044715))), .float(k))
            let t = try tanh(inner)
            let dInner = try mul(try add(try mul(try mul(x, x), .float(3 * 0.044715)), .int(1)), .float(k))
            let left = try mul(try add(t, .int(1)), .float(0.5))
            let right = try mul(try mul(x, .float(0.5)), try mul(try rsub(try mul(t, t), .int(1)), dInner))
            return try mul(g, try add(left, right))
        }
        let cdf = try mul(try add(try erf(try mul(x, .float(1 / RealMath.sqrt(2)))), .int(1)), .float(0.5))
        let pdf = try mul(try exp(try mul(try mul(x, x), .float(-0.5))), .float(1 / RealMath.sqrt(2 * RealMath.pi)))
        return try mul(g, try add(cdf, try mul(x, pdf)))
    }

    /// FunctionsManual's gelu_double_backward(ggI, gO, input): ggI·gO·gelu''(input), with
    /// its constants and operation order.
    static func geluDoubleBackward(_ ggI: Tensor, _ gO: Tensor, _ x: Tensor, approximateTanh: Bool) throws(TensorError) -> Tensor {
        let m2SqrtPi = 1.12837916709551257390, mSqrt1_2 = 0.70710678118654752440, mSqrt2 = 1.41421356237309504880
        if approximateTanh {
            let beta = mSqrt2 * m2SqrtPi * 0.5, kappa = 0.044715
            let inner = try mulScalarOverload(try add(x, try mulScalarOverload(try pow(x, .int(3)), .float(kappa))), .float(beta))
            let tanhInner = try tanh(inner)
            let sechInner = try reciprocal(try cosh(inner))
            let f = try mulScalarOverload(x, .float(0.5))
            let g = try rsub(try mul(tanhInner, tanhInner), .int(1))
            let h = try mulScalarOverload(try addScalarOverload(try mul(try mulScalarOverload(x, .float(3 * kappa)), x), .int(1)), .float(beta))
            let fPrimeGH = try mul(try mulScalarOverload(g, .float(0.5)), h)
            let gPrime = try mul(try mul(try mulScalarOverload(sechInner, .int(2)), try mul(try neg(sechInner), tanhInner)), h)
            let gPrimeFH = try mul(try mul(f, h), gPrime)
            let hPrime = try mulScalarOverload(try mulScalarOverload(x, .float(6 * kappa)), .float(beta))
            let hPrimeFG = try mul(try mul(f, g), hPrime)
            let total = try add(try add(try add(fPrimeGH, fPrimeGH), gPrimeFH), hPrimeFG)
            return try mul(try mul(ggI, gO), total)
        }
        let beta = m2SqrtPi * mSqrt1_2 * 0.5
        let inputSq = try mul(x, x)
        let pdf = try mulScalarOverload(try exp(try mulScalarOverload(inputSq, .float(-0.5))), .float(beta))
        let dgradDInput = try sub(try mulScalarOverload(pdf, .int(2)), try mul(inputSq, pdf))
        return try mul(try mul(ggI, gO), dgradDInput)
    }

    /// `softplus_backward(grad_output, self, beta, threshold)`: SoftplusBackwardBackward0.
    static func softplusBackward(_ go: Tensor, _ x: Tensor, beta: Double, threshold: Double) throws(TensorError) -> Tensor {
        try backwardFunction("SoftplusBackwardBackward0", [go, x], save: [go, x], value: { () throws(TensorError) in
            if let exact = try Tensor.activationBackward(.softplus(beta: beta, threshold: threshold), grad: go, input: x) { return exact }
            // PyTorch's kernel: g·z / (z + 1) with z = exp(βx), or g where βx > threshold.
            let bx = try mul(x, .float(beta))
            let z = try exp(bx)
            return try `where`(try bx.gt(.float(threshold)), go, try div(try mul(go, z), try add(z, .int(1))))
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), x = try ctx.saved(1)
            var gX: Tensor? = nil
            if ctx.needs(1) {
                // softplus_double_backward(grad * grad_output, self, beta, threshold):
                // sigmoid_backward(grad, (self * beta).sigmoid()) * (self * beta < threshold) * beta
                let bx = try mulScalarOverload(x, .float(beta))
                let below = try to(try bx.lt(.float(threshold)), gg.dtype)
                gX = try mulScalarOverload(try mul(try sigmoidBackward(try mul(gg, go), try sigmoid(bx)), below), .float(beta))
            }
            return [ctx.needs(0) ? try softplusBackward(gg, x, beta: beta, threshold: threshold) : nil, gX]
        }
    }

    /// `log_sigmoid_backward(grad_output, self, buffer)`: LogSigmoidBackwardBackward0.
    static func logSigmoidBackward(_ go: Tensor, _ x: Tensor) throws(TensorError) -> Tensor {
        try backwardFunction("LogSigmoidBackwardBackward0", [go, x], save: [go, x], value: { () throws(TensorError) in
            if let exact = try Tensor.activationBackward(.logSigmoid, grad: go, input: x) { return exact }
            // PyTorch's kernel: (m − s·z/(1 + z))·g with z = exp(−|x|), and m, s = 1, 1
            // for x < 0 and 0, −1 otherwise.
            let z = try exp(try neg(try abs(x)))
            let ratio = try div(z, try add(z, .int(1)))
            return try mul(try `where`(try x.lt(.int(0)), try rsub(ratio, .int(1)), ratio), go)
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), x = try ctx.saved(1)
            var gX: Tensor? = nil
            if ctx.needs(1) {
                // log_sigmoid_double_backward(grad * grad_output, self): grad * (z - 1) * z, z = sigmoid(self)
                let z = try sigmoid(x)
                gX = try mul(try mul(try mul(gg, go), try sub(z, .int(1))), z)
            }
            return [ctx.needs(0) ? try logSigmoidBackward(gg, x) : nil, gX]
        }
    }

    /// silu's gradient under grad mode: FunctionsManual's infinitely_differentiable_silu_backward,
    /// `grad_output * sigmoid * (1.0 + input * (1.0 - sigmoid))`, composite as PyTorch records it.
    static func siluBackwardComposite(_ g: Tensor, _ x: Tensor) throws(TensorError) -> Tensor {
        let s = try sigmoid(x)
        return try mul(try mul(g, s), try addScalarOverload(try mul(x, try scalarMinus(.float(1), s)), .int(1)))
    }
}

// MARK: the natively computed activations (Activations.swift)

extension Differentiable {
    /// The backward function an `Activation` calls: EluBackwardBackward0 (elu, selu, celu),
    /// HardswishBackwardBackward0, SoftshrinkBackwardBackward0, HardshrinkBackwardBackward0;
    /// RreluWithNoiseBackwardBackward0 (eval mode); hardsigmoid records PyTorch's NotImplemented.
    static func activationBackward(_ a: Activation, _ go: Tensor, _ x: Tensor) throws(TensorError) -> Tensor {
        let value: () throws(TensorError) -> Tensor = { () throws(TensorError) in try a.backward(go.detach(), x.detach()) }
        switch a {
        case .elu, .celu:
            return try backwardFunction("EluBackwardBackward0", [go, x], save: [go, x], value: value) { ctx in
                let gg = ctx.grad, go = try ctx.saved(0), x = try ctx.saved(1)
                var gX: Tensor? = nil
                if ctx.needs(1) {
                    // elu_double_backward(grad, grad_output, ..., is_result=false, self):
                    // elu_backward(grad * grad_output * input_scale, ...) * (self < 0)
                    let inputScale = a.eluBackwardCoefficients(x.dtype)!.input
                    let scaled = try mulScalarOverload(try mul(gg, go), .float(inputScale))
                    gX = try mul(try activationBackward(a, scaled, x), try to(try x.lt(.int(0)), gg.dtype))
                }
                return [ctx.needs(0) ? try activationBackward(a, gg, x) : nil, gX]
            }
        case .hardswish:
            return try backwardFunction("HardswishBackwardBackward0", [go, x], save: [go, x], value: value) { ctx in
                let gg = ctx.grad, go = try ctx.saved(0), x = try ctx.saved(1)
                var gX: Tensor? = nil
                if ctx.needs(1) {
                    // where(-3 < self < 3, grad * grad_output / 3.0, 0)
                    let inside = try x.gt(.int(-3)).logicalAnd(try x.lt(.int(3)))
                    gX = try `where`(inside, try divScalarOverload(try mul(gg, go), .float(3)), try Tensor.zeros([], dtype: x.dtype, device: x.device))
                }
                return [ctx.needs(0) ? try activationBackward(a, gg, x) : nil, gX]
            }
        case .softshrink, .hardshrink:
            let name = if case .softshrink = a { "SoftshrinkBackwardBackward0" } else { "HardshrinkBackwardBackward0" }
            return try backwardFunction(name, [go, x], save: [x], value: value) { ctx in
                let gg = ctx.grad, x = try ctx.saved(0)
                return [ctx.needs(0) ? try activationBackward(a, gg, x) : nil, ctx.needs(1) ? try zerosLike(gg) : nil]
            }
        case .rreluEval:
            // rrelu_with_noise_backward (eval: a leaky slope): linear in grad_output, zero for self.
            return try backwardFunction("RreluWithNoiseBackwardBackward0", [go, x], save: [x], value: value) { ctx in
                let gg = ctx.grad, x = try ctx.saved(0)
                return [ctx.needs(0) ? try activationBackward(a, gg, x) : nil, ctx.needs(1) ? try zerosLike(gg) : nil]
            }
        case .hardsigmoid:
            // PyTorch has no formula for hardsigmoid_backward: a NotImplemented node that
            // raises when a second backward reaches it.
            let out = try GradMode.withGradMode(false, value)
            return notImplemented("hardsigmoid_backward", [go, x], out)
        }
    }
}

// MARK: pooling

extension Differentiable {
    /// `max_pool2d_with_indices_backward(grad_output, self, ..., indices)`:
    /// MaxPool2DWithIndicesBackwardBackward0 over (grad_output, self).
    static func maxPool2dBackward(_ go: Tensor, _ input: Tensor, indices: Tensor) throws(TensorError) -> Tensor {
        try maxPoolingBackward("MaxPool2DWithIndicesBackwardBackward0", go, input, indices: indices) { () throws(TensorError) in
            try NNOps.maxPool2dBackward(gradOutput: go.detach(), input: input.detach(), indices: indices)
        }
    }

    /// `adaptive_max_pool2d_backward(grad_output, self, indices)`:
    /// AdaptiveMaxPool2DBackwardBackward0 over (grad_output, self).
    static func adaptiveMaxPool2dBackward(_ go: Tensor, _ input: Tensor, indices: Tensor) throws(TensorError) -> Tensor {
        try maxPoolingBackward("AdaptiveMaxPool2DBackwardBackward0", go, input, indices: indices) { () throws(TensorError) in
            try AdaptiveMaxPooling.backward2d(gradOutput: go.detach(), input: input.detach(), indices: indices)
        }
    }

    /// A max-pooling backward recorded as `name`: its grad_output gradient is
    /// FunctionsManual's max_pool_double_backward (the incoming gradient gathered at the
    /// indices of each plane), its self gradient zero.
    private static func maxPoolingBackward(_ name: String, _ go: Tensor, _ input: Tensor, indices: Tensor,
                                           value: () throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        try backwardFunction(name, [go, input], save: [input], value: value) { ctx in
            let gg = ctx.grad, x = try ctx.saved(0)
            var gGo: Tensor? = nil
            if ctx.needs(0) {
                let planes = Array(indices.sizes.dropLast(2)) + [-1]
                let flatIndices = try indices.reshape(planes)
                gGo = try view(try gather(try view(try contiguous(gg), planes), -1, flatIndices), indices.sizes)
            }
            return [gGo, ctx.needs(1) ? try zerosLike(x) : nil]
        }
    }

    /// `avg_pool2d_backward(grad_output, self, ...)`: AvgPool2DBackwardBackward0 over
    /// (grad_output, self); the grad_output gradient is avg_pool2d of the incoming
    /// gradient, the self gradient zero.
    static func avgPool2dBackward(_ go: Tensor, _ input: Tensor, geometry: PoolingGeometry, countIncludePad: Bool,
                                  divisorOverride: Int?) throws(TensorError) -> Tensor {
        try backwardFunction("AvgPool2DBackwardBackward0", [go, input], save: [input], value: { () throws(TensorError) in
            try NNOps.avgPool2dBackward(gradOutput: go.detach(), input: input.detach(), geometry,
                                        countIncludePad: countIncludePad, divisorOverride: divisorOverride)
        }) { ctx in
            let gg = ctx.grad, x = try ctx.saved(0)
            let gGo = ctx.needs(0) ? try avgPool2d(gg, geometry: geometry, countIncludePad: countIncludePad, divisorOverride: divisorOverride) : nil
            return [gGo, ctx.needs(1) ? try zerosLike(x) : nil]
        }
    }
}

// MARK: smooth L1 and Huber

extension Differentiable {
    /// `smooth_l1_loss_backward(grad_output, self, target, reduction, beta)`:
    /// SmoothL1LossBackwardBackward0 over (grad_output, self, target).
    static func smoothL1LossBackward(_ go: Tensor, _ x: Tensor, _ t: Tensor, reduction: LossReduction, beta: Double,
                                     count: Int) throws(TensorError) -> Tensor {
        let mgo = TensorMeta(go), mx = TensorMeta(x), mt = TensorMeta(t)
        return try backwardFunction("SmoothL1LossBackwardBackward0", [go, x, t], save: [go, x, t], value: { () throws(TensorError) in
            try NNOps.smoothL1Backward(go.detach(), x.detach(), t.detach(), beta: beta, scale: reduction == .mean ? 1 / Double(count) : 1)
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), x = try ctx.saved(1), t = try ctx.saved(2)
            // smooth_l1_loss_double_backward(grad * grad_output, self, target, reduction, beta):
            // grad * (|self - target| < beta) / beta (/ numel for mean); zeros when beta is 0.
            let doubleBackward: () throws(TensorError) -> Tensor = { () throws(TensorError) in
                let grad = try mul(gg, go)
                if beta == 0 { return try zerosLike(grad) }
                let inside = try to(try abs(try sub(x, t)).lt(.float(beta)), grad.dtype)
                var g = try divScalarOverload(try mul(grad, inside), .float(beta))
                if reduction == .mean { g = try divScalarOverload(g, .int(Int64(count))) }
                return g
            }
            var gGo: Tensor? = nil, gX: Tensor? = nil, gT: Tensor? = nil
            if ctx.needs(0) { gGo = try reduce(try smoothL1LossBackward(gg, x, t, reduction: reduction, beta: beta, count: count), to: mgo) }
            if ctx.needs(1) { gX = try reduce(try doubleBackward(), to: mx) }
            if ctx.needs(2) { gT = try reduce(try neg(try doubleBackward()), to: mt) }
            return [gGo, gX, gT]
        }
    }

    /// `huber_loss_backward(grad_output, self, target, reduction, delta)`:
    /// HuberLossBackwardBackward0 over (grad_output, self, target). `value` is the first
    /// derivative as HuberLoss computes it.
    static func huberLossBackward(_ go: Tensor, _ x: Tensor, _ t: Tensor, reduction: LossReduction, delta: Double, count: Int,
                                  value: @escaping (Tensor, Tensor, Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        let mgo = TensorMeta(go), mx = TensorMeta(x), mt = TensorMeta(t)
        return try backwardFunction("HuberLossBackwardBackward0", [go, x, t], save: [go, x, t], value: { () throws(TensorError) in
            try value(go.detach(), x.detach(), t.detach())
        }) { ctx in
            let gg = ctx.grad, go = try ctx.saved(0), x = try ctx.saved(1), t = try ctx.saved(2)
            // huber_loss_double_backward(grad * grad_output, ...): grad * (|self - target| < delta) (/ numel)
            let doubleBackward: () throws(TensorError) -> Tensor = { () throws(TensorError) in
                var g = try mul(try mul(gg, go), try abs(try sub(x, t)).lt(.float(delta)))
                if reduction == .mean { g = try divScalarOverload(g, .int(Int64(count))) }
                return g
            }
            var gGo: Tensor? = nil, gX: Tensor? = nil, gT: Tensor? = nil
            if ctx.needs(0) {
                // huber_loss_double_backward_grad_output: the backward of the incoming
                // gradient (none), or (backward of ones · grad).sum() (mean, sum).
                if reduction == .none {
                    gGo = try huberLossBackward(gg, x, t, reduction: reduction, delta: delta, count: count, value: value)
                } else {
                    let ones = try Tensor.ones(go.sizes, dtype: go.dtype, device: go.device)
                    let r = try huberLossBackward(ones, x, t, reduction: reduction, delta: delta, count: count, value: value)
                    gGo = try reduce(try sum(try mul(r, gg)), to: mgo)
                }
            }
            if ctx.needs(1) { gX = try reduce(try doubleBackward(), to: mx) }
            if ctx.needs(2) { gT = try reduce(try neg(try doubleBackward()), to: mt) }
            return [gGo, gX, gT]
        }
    }
}
