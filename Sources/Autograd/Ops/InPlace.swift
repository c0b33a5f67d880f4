import Tensors

/// In-place ops (`add_`, `mul_`, `relu_`, ...). They refuse leaves that require grad,
/// write through the Tensors layer (bumping the version counter), then give the tensor
/// a new grad_fn whose first edge is its previous history.
extension Differentiable {
    /// PyTorch's checks before an in-place op under grad mode.
    static func checkInPlace(_ x: Tensor) throws(TensorError) {
        let state = GradMode.current
        if let m = x.meta, state.isEnabled { try checkInPlaceHistory(x, m) }
        // An inference tensor has no version counter (its `.data` and a `detach()` made
        // outside inference mode get one, and may be written).
        if !x.versionCounter.tracksVersion && !state.isInferenceMode { throw .runtime(inferenceInPlaceMessage) }
    }

    /// The inference-tensor part of `checkInPlace`, for writes that do not pass through
    /// autograd (random fills, `out=`).
    public static func checkInferenceWrite(_ x: Tensor) throws(TensorError) {
        if !x.versionCounter.tracksVersion && !GradMode.current.isInferenceMode { throw .runtime(inferenceInPlaceMessage) }
    }

    /// What PyTorch says when an inference tensor is written outside inference mode.
    public static let inferenceInPlaceMessage = "Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details."

    /// The grad-mode checks: views made without grad, multi-output views, leaves.
    private static func checkInPlaceHistory(_ x: Tensor, _ m: AutogradMeta) throws(TensorError) {
        if m.createdWithoutGrad && m.base != nil {
            throw .runtime("A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).")
        }
        if m.isMultiOutputView, let fn = m.gradFn {
            throw .runtime("Output \(m.outputNr) of \(SavedTensor.shortName(fn.name)) is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.")
        }
        if m.gradFn == nil && m.requiresGradFlag {
            throw .runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
        if let base = m.base, base.isLeaf, base.requiresGrad {
            throw .runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// Makes `name` the new grad_fn of `x`: edges are x's old history then `others`.
    /// When `x` is a view, the write lands in its base: the base gets a CopySlices node
    /// and the view an AsStridedBackward0 node on top of it, as in PyTorch.
    /// Returns the node holding the saved tensors (CopySlices for a view).
    @discardableResult
    static func rebase(_ x: Tensor, _ name: String, _ others: [Tensor?], save: [Tensor?] = [],
                       saveSelf: Bool = false, formula: @escaping BackwardFormula) throws(TensorError) -> Node {
        if let base = x.meta?.base {
            return try rebaseView(x, base: base, others, save: save, saveSelf: saveSelf, formula: formula)
        }
        // A view of a tensor without autograd state (`zeros(2, 3)[:, 1:]`) written from one
        // that requires grad: the base takes the CopySlices node, as in PyTorch.
        if x.meta == nil, let base = x.plainViewBase {
            x.ensuredMeta.base = base
            x.plainViewBase = nil
            return try rebaseView(x, base: base, others, save: save, saveSelf: saveSelf, formula: formula)
        }
        let edges = [gradientEdge(x)] + others.map(gradientEdge)
        let node = Node(name: name, nextEdges: edges, formula: formula)
        for t in save { try node.save(t) }
        let m = x.ensuredMeta
        m.gradFn = node
        m.outputNr = 0
        if saveSelf { node.saveOutput(x, outputNr: 0) }
        if m.retainsGrad { node.retainedOutputs.append((0, Weak(m))) }
        return node
    }

    /// In-place op `formula` applied to view `x` of `base`.
    @discardableResult
    static func rebaseView(_ x: Tensor, base: Tensor, _ others: [Tensor?], save: [Tensor?],
                           saveSelf: Bool, formula: @escaping BackwardFormula) throws(TensorError) -> Node {
        let geometry = ViewGeometry(x, base: base)
        let edges = [gradientEdge(base)] + others.map(gradientEdge)
        let copySlices = Node(name: "torch::autograd::CopySlices", nextEdges: edges) { ctx in
            let gBase = try geometry.likeBase(ctx.grad)
            let part = try geometry.region(of: gBase)
            let results = try formula(BackwardContext(grads: [try part.clone()], node: ctx.node, filtered: ctx.filtered))
            if let r0 = results[0] { try part.copy_(r0) } else { try part.zero_() }
            return [gBase] + results.dropFirst()
        }
        for t in save { try copySlices.save(t) }
        if saveSelf { copySlices.saveOutput(x, outputNr: 0) }
        let bm = base.ensuredMeta
        bm.gradFn = copySlices
        bm.outputNr = 0
        let m = x.ensuredMeta
        m.gradFn = asStridedNode(x, base: base, next: Edge(copySlices, 0))
        m.outputNr = 0
        m.viewVersion = x.version
        if m.retainsGrad { m.gradFn!.retainedOutputs.append((0, Weak(m))) }
        return copySlices
    }

    /// The grad_fn of a view of `base` after the base changed in place: AsStridedBackward0
    /// puts the view's gradient at its place in a zero gradient of the base.
    static func asStridedNode(_ x: Tensor, base: Tensor, next: Edge) -> Node {
        let geometry = ViewGeometry(x, base: base)
        return Node(name: "AsStridedBackward0", nextEdges: [next]) { ctx in
            let full = try geometry.likeBase(try Tensor.zeros(geometry.baseSizes, dtype: ctx.grad.dtype, device: ctx.grad.device))
            try geometry.region(of: full).copy_(ctx.grad)
            return [full]
        }
    }

    // MARK: binary

    @discardableResult
    public static func add_(_ x: Tensor, _ y: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x, y)
        try x.add_(y, alpha: alpha)  // fused self + alpha·y, as PyTorch rounds it
        guard recording else { return x }
        let mx = TensorMeta(x), my = TensorMeta(y)
        try rebase(x, "AddBackward0", [y]) { ctx in
            [ctx.needs(0) ? try reduce(ctx.grad, to: mx) : nil,
             ctx.needs(1) ? try reduce(try scaled(ctx.grad, alpha), to: my) : nil]
        }.describeUnlessCopySlices([("alpha", .scalar(alpha ?? .int(1)))])
        return x
    }

    @discardableResult
    public static func add_(_ x: Tensor, _ y: Scalar, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x)
        try x.binaryInPlace(.add, alpha.map { Tensor.product(y, $0) } ?? y)
        guard recording else { return x }
        try rebase(x, "AddBackward0", [nil]) { ctx in [ctx.grad, nil] }.describeUnlessCopySlices([("alpha", .scalar(alpha ?? .int(1)))])
        return x
    }

    @discardableResult
    public static func sub_(_ x: Tensor, _ y: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x, y)
        try x.sub_(y, alpha: alpha)
        guard recording else { return x }
        let mx = TensorMeta(x), my = TensorMeta(y)
        try rebase(x, "SubBackward0", [y]) { ctx in
            [ctx.needs(0) ? try reduce(ctx.grad, to: mx) : nil,
             ctx.needs(1) ? try reduce(try scaled(try neg(ctx.grad), alpha), to: my) : nil]
        }.describeUnlessCopySlices([("alpha", .scalar(alpha ?? .int(1)))])
        return x
    }

    @discardableResult
    public static func sub_(_ x: Tensor, _ y: Scalar, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x)
        try x.binaryInPlace(.sub, alpha.map { Tensor.product(y, $0) } ?? y)
        guard recording else { return x }
        try rebase(x, "SubBackward0", [nil]) { ctx in [ctx.grad, nil] }.describeUnlessCopySlices([("alpha", .scalar(alpha ?? .int(1)))])
        return x
    }

    @discardableResult
    public static func mul_(_ x: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x, y)
        // The generated kernel saves `self.clone()` taken under grad mode (CloneBackward0),
        // so under create_graph other's gradient reaches self's history.
        let original = recording && y.requiresGrad ? try clone(x) : nil
        try x.binaryInPlace(.mul, y)
        guard recording else { return x }
        let mx = TensorMeta(x), my = TensorMeta(y)
        try rebase(x, "MulBackward0", [y], save: [original, y]) { ctx in
            // `other` before `self`, as PyTorch's generated MulBackward0.
            let gy = ctx.needs(1) ? try reduce(try mul(ctx.grad, try ctx.saved(0)), to: my) : nil
            return [ctx.needs(0) ? try reduce(try mul(ctx.grad, try ctx.saved(1)), to: mx) : nil, gy]
        }.describeUnlessCopySlices([("other", .tensor(1)), ("self", .tensor(0))])
        return x
    }

    @discardableResult
    public static func mul_(_ x: Tensor, _ y: Scalar) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x)
        try x.binaryInPlace(.mul, y)
        guard recording else { return x }
        try rebase(x, "MulBackward0", [nil]) { ctx in [try mul(ctx.grad, y), nil] }
            .describeUnlessCopySlices([("other", .wrappedNumber(y)), ("self", .undefinedTensor)])
        return x
    }

    @discardableResult
    public static func div_(_ x: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x, y)
        // `self.clone()` under grad mode, as the generated kernel saves the original self.
        let original = recording && y.requiresGrad ? try clone(x) : nil
        try x.binaryInPlace(.div, y)
        guard recording else { return x }
        let mx = TensorMeta(x), my = TensorMeta(y)
        try rebase(x, "DivBackward0", [y], save: [y, original]) { ctx in
            let d = try ctx.saved(0), g = ctx.grad
            // DivBackward0's formulas, `other` first: div_tensor_other_backward
            // -grad * ((self / other) / other).conj(), then grad / other.conj().
            let gy = ctx.needs(1) ? try reduce(try mul(try neg(g), try conjugated(try div(try div(try ctx.saved(1), d), d))), to: my) : nil
            return [ctx.needs(0) ? try reduce(try div(g, try conjugated(d)), to: mx) : nil, gy]
        }.describeUnlessCopySlices([("other", .tensor(0)), ("self", .tensor(1))])
        return x
    }

    @discardableResult
    public static func div_(_ x: Tensor, _ y: Scalar) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x)
        try x.binaryInPlace(.div, y)
        guard recording else { return x }
        try rebase(x, "DivBackward0", [nil]) { ctx in [try div(ctx.grad, y), nil] }
            .describeUnlessCopySlices([("other", .wrappedNumber(y)), ("self", .undefinedTensor)])
        return x
    }

    @discardableResult
    public static func pow_(_ x: Tensor, _ e: Scalar) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x)
        // `self.clone()` under grad mode, as the generated kernel saves (CloneBackward0).
        let original = recording ? try clone(x) : nil
        try x.copy_(try x.pow(e))
        guard recording else { return x }
        try rebase(x, "PowBackward0", [], save: [original]) { ctx in
            if e.doubleValue == 0 { return [try ctx.grad.zerosLike()] }
            let e1: Scalar = e.isFloatingPoint ? .float(e.doubleValue - 1) : .int(e.int64Value - 1)
            return [try mul(ctx.grad, try mul(try pow(try ctx.saved(0), e1), e))]
        }.describeUnlessCopySlices([("exponent", .scalar(e)), ("self", .tensor(0))])
        return x
    }

    /// An in-place op recorded as its out-of-place twin (`sin_` as SinBackward0,
    /// `scatter_` as ScatterBackward0): the twin runs on a copy of the old value, its node
    /// lends the name (unless `name` is given: `elu_` is EluBackward1) and formula, and
    /// the result is written into `x`.
    @discardableResult
    public static func inPlace(_ x: Tensor, others: [Tensor?] = [], name: String? = nil,
                               _ outOfPlace: (Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        guard isRecording([x] + others) else {
            let r = try GradMode.withGradMode(false) { () throws(TensorError) -> Tensor in try outOfPlace(x.detach()) }
            try x.copy_(r)
            return x
        }
        // The generated kernel saves `self.clone()` taken under grad mode (CloneBackward0
        // over self's history): the formula's saved self keeps that history, so under
        // create_graph a double backward reaches it as PyTorch's does.
        let proxy: Tensor
        if x.requiresGrad {
            proxy = try clone(x)
        } else {
            proxy = try x.detach().clone()
            try proxy.setRequiresGrad(true)
        }
        let twin = try outOfPlace(proxy)
        try x.copy_(twin.detach())
        guard let inner = twin.gradFn, let formula = inner.formula else { return x }
        let holder = try rebase(x, name ?? inner.name, others) { ctx in
            let r = try formula(ctx)
            return Array(r.prefix(1 + others.count)) + [Tensor?](repeating: nil, count: Swift.max(0, 1 + others.count - r.count))
        }
        // The twin's saved tensors move to the node that runs its formula, so they are
        // freed after backward; a saved result becomes `x` itself, whose later in-place
        // changes are then reported as PyTorch reports them.
        holder.saved = inner.saved.map { slot in
            guard let slot, slot.isOutput else { return slot }
            return try! SavedTensor(x, isOutput: true, outputNr: 0)  // x was just written outside inference mode
        }
        inner.saved = []
        if holder.name == inner.name { holder.savedAttributes = inner.savedAttributes }
        return x
    }

    /// Any kernel unary op in place, recorded under the out-of-place op's node.
    @discardableResult
    public static func unary_(_ x: Tensor, _ op: UnaryOp) throws(TensorError) -> Tensor {
        if !isRecording(x) {
            try checkInPlace(x)
            try x.unaryInPlace(op)
            return x
        }
        return try inPlace(x) { t throws(TensorError) in try unary(t, op) }
    }

    // MARK: unary

    /// Applies `op` in place and records `name`, whose formula maps (grad, saved) to the
    /// input gradient; `savesResult` saves the new value, otherwise a copy of the old one.
    static func unaryInPlace(_ x: Tensor, _ op: UnaryOp, _ name: String, savesResult: Bool,
                             extra: [(String, SavedAttribute)] = [],
                             _ formula: @escaping (Tensor, Tensor) throws -> Tensor) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x)
        // The saved old value is `self.clone()` taken under grad mode (CloneBackward0 over
        // self's history), as PyTorch's generated in-place kernels save it.
        let original = recording && !savesResult ? try clone(x) : nil
        try x.unaryInPlace(op)
        guard recording else { return x }
        try rebase(x, name, [], save: savesResult ? [] : [original], saveSelf: savesResult) { ctx in
            [try formula(ctx.grad, try ctx.saved(0))]
        }.describeUnlessCopySlices([(savesResult ? "result" : "self", .tensor(0))] + extra)
        return x
    }

    @discardableResult
    public static func neg_(_ x: Tensor) throws(TensorError) -> Tensor {
        try unaryInPlace(x, .neg, "NegBackward0", savesResult: true) { g, _ in try neg(g) }
    }

    @discardableResult
    public static func exp_(_ x: Tensor) throws(TensorError) -> Tensor {
        try unaryInPlace(x, .exp, "ExpBackward0", savesResult: true) { g, y in try mul(g, y) }
    }

    @discardableResult
    public static func log_(_ x: Tensor) throws(TensorError) -> Tensor {
        try unaryInPlace(x, .log, "LogBackward0", savesResult: false) { g, x in try div(g, x) }
    }

    @discardableResult
    public static func sqrt_(_ x: Tensor) throws(TensorError) -> Tensor {
        try unaryInPlace(x, .sqrt, "SqrtBackward0", savesResult: true) { g, y in try div(g, try mul(y, .int(2))) }
    }

    @discardableResult
    public static func abs_(_ x: Tensor) throws(TensorError) -> Tensor {
        try unaryInPlace(x, .abs, "AbsBackward0", savesResult: false) { g, x in try mul(g, try x.sign()) }
    }

    @discardableResult
    public static func relu_(_ x: Tensor) throws(TensorError) -> Tensor {
        try unaryInPlace(x, .relu, "ReluBackward0", savesResult: true) { g, y in try thresholdBackward(g, y, .int(0)) }
    }

    @discardableResult
    public static func sigmoid_(_ x: Tensor) throws(TensorError) -> Tensor {
        try unaryInPlace(x, .sigmoid, "SigmoidBackward0", savesResult: true) { g, y in try ActivationGradient.sigmoid(g, y) }
    }

    @discardableResult
    public static func tanh_(_ x: Tensor) throws(TensorError) -> Tensor {
        try unaryInPlace(x, .tanh, "TanhBackward0", savesResult: true) { g, y in try ActivationGradient.tanh(g, y) }
    }

    @discardableResult
    public static func clamp_(_ x: Tensor, min lo: Scalar?, max hi: Scalar?) throws(TensorError) -> Tensor {
        if lo == nil && hi == nil { throw .runtime("torch.clamp: At least one of 'min' or 'max' must not be None") }
        return try unaryInPlace(x, .clamp(min: lo?.doubleValue, max: hi?.doubleValue), "ClampBackward1", savesResult: false,
                                extra: [("max", hi.map { .scalar($0) } ?? .none), ("min", lo.map { .scalar($0) } ?? .none)]) { g, x in
            var inside: Tensor? = nil
            if let lo { inside = try x.ge(lo) }
            if let hi {
                let h = try x.le(hi)
                inside = try inside.map { t throws(TensorError) in try t.logicalAnd(h) } ?? h
            }
            // clamp_backward: where(inside, grad, 0), WhereBackward0 under create_graph.
            return try `where`(inside!, g, Scalar.int(0))
        }
    }

    // MARK: fills and copies

    /// `zero_()`: ZeroBackward0 (the gradient stops here).
    @discardableResult
    public static func zero_(_ x: Tensor) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x)
        try x.zero_()
        guard recording else { return x }
        try rebase(x, "ZeroBackward0", []) { ctx in [try ctx.grad.zerosLike()] }
        return x
    }

    /// `fill_(number)`: FillBackward2.
    @discardableResult
    public static func fill_(_ x: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x)
        try x.fill_(value)
        guard recording else { return x }
        try rebase(x, "FillBackward2", []) { ctx in [try ctx.grad.zerosLike()] }
        return x
    }

    /// `copy_(src)`: CopyBackwards (src gets the gradient, summed to its shape and dtype).
    @discardableResult
    public static func copy_(_ x: Tensor, _ src: Tensor) throws(TensorError) -> Tensor {
        try checkInPlace(x)
        let recording = isRecording(x, src)
        try x.copy_(src)
        guard recording else { return x }
        let ms = TensorMeta(src)
        try rebase(x, "torch::autograd::CopyBackwards", [src]) { ctx in
            [ctx.needs(0) ? try ctx.grad.zerosLike() : nil,
             ctx.needs(1) ? try reduce(ctx.grad, to: ms) : nil]
        }
        return x
    }
}

extension Tensor {
    /// Product of two Python numbers, keeping int-ness when both are ints (for `alpha`).
    static func product(_ a: Scalar, _ b: Scalar) -> Scalar {
        if !a.isFloatingPoint && !b.isFloatingPoint { return .int(a.int64Value &* b.int64Value) }
        return .float(a.doubleValue * b.doubleValue)
    }
}

/// Where a view sits in its base. The view's strides address the base's memory, so a
/// gradient of the base is laid out as the base is (PyTorch's new_empty_strided) before
/// the view's part is cut out of it.
struct ViewGeometry {
    let sizes: [Int], strides: [Int], offset: Int
    let baseSizes: [Int], baseStrides: [Int]

    init(_ view: Tensor, base: Tensor) {
        sizes = view.sizes
        strides = view.strides
        offset = view.offset - base.offset
        baseSizes = base.sizes
        baseStrides = base.strides
    }

    func region(of t: Tensor) throws(TensorError) -> Tensor {
        try t.asStrided(sizes, strides, offset: t.offset + offset)
    }

    func likeBase(_ g: Tensor) throws(TensorError) -> Tensor {
        let extent = zip(baseSizes, baseStrides).reduce(1) { $0 + ($1.0 - 1) * $1.1 }
        let flat = try Tensor.zeros([baseSizes.contains(0) ? 0 : extent], dtype: g.dtype, device: g.device)
        let laidOut = try flat.asStrided(baseSizes, baseStrides, offset: 0)
        try laidOut.copy_(g)
        return laidOut
    }
}
