import Tensors

/// How a loss combines its per-element values.
public enum LossReduction: String, Sendable {
    case none, mean, sum

    /// ATen's `Reduction` enum value, which loss nodes show as `_saved_reduction`.
    public var code: Int {
        switch self { case .none: 0; case .mean: 1; case .sum: 2 }
    }
}

/// Fused losses with PyTorch's node names (`NllLossBackward0`, `MseLossBackward0`,
/// `BinaryCrossEntropyWithLogitsBackward0`), for `torch.nn.functional`.
extension Differentiable {
    /// `F.nll_loss(input, target, weight, ignore_index, reduction)` for input [N, C] or [C].
    public static func nllLoss(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
                               reduction: LossReduction = .mean, ignoreIndex: Int = -100) throws(TensorError) -> Tensor {
        try nllLoss(input, target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex, spatial: nil)
    }

    /// `spatial`: `input` holds the rows of that (N, C, d1, ...) input (SpatialNllLoss.swift).
    static func nllLoss(_ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: LossReduction, ignoreIndex: Int,
                        spatial: SpatialNllRows?) throws(TensorError) -> Tensor {
        if input.rank >= 3 {
            return try nllLossSpatial(input, target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
        }
        if input.rank < 1 || input.rank > 2 {
            throw .value("Expected input batch_size (\(input.rank == 0 ? 1 : input.sizes[0])) to match target batch_size (\(target.rank == 0 ? 1 : target.sizes[0])).")
        }
        let batched = input.rank == 2
        let n = batched ? input.sizes[0] : 1
        let c = input.sizes[input.rank - 1]
        if batched && (target.rank != 1 || target.sizes[0] != n) {
            throw .value("Expected input batch_size (\(n)) to match target batch_size (\(target.rank == 0 ? 1 : target.sizes[0])).")
        }
        if !batched && target.rank != 0 {
            throw .runtime("0D or 1D target tensor expected, multi-target not supported")
        }
        if !target.dtype.isIntegral || target.dtype != .int64 {
            throw .runtime("expected scalar type Long but found \(target.dtype.scalarTypeName)")
        }
        if let weight, weight.numel != c {
            throw .runtime("weight tensor should be defined either for all \(c) classes or no classes but got weight tensor of shape: \(Shape.describe(weight.sizes))")
        }
        let targets = try target.elementsAsInt64()
        let weights = try weight?.to(.float64).elementsAsDouble()
        // Per-row coefficient of the picked log-probability: -w[t], 0 when ignored.
        var coefficients = [Double](repeating: 0, count: n * c)
        // 1 where ATen writes a gradient (each kept row's target), 0 where it leaves zeros.
        var written = [Double](repeating: 0, count: n * c)
        var rowWeights = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let t = Int(targets[i])
            if t == ignoreIndex { continue }
            if t < 0 || t >= c { throw .index("Target \(t) is out of bounds.") }
            let w = weights?[t] ?? 1
            rowWeights[i] = w
            coefficients[i * c + t] = -w
            written[i * c + t] = 1
        }
        let totalWeight = rowWeights.reduce(0, +)
        let dense = try Tensor(values: coefficients, shape: input.sizes, dtype: input.dtype, device: input.device)
        let x = input.detach()
        var out: Tensor
        switch reduction {
        case .none where x.device == .cpu && (x.dtype == .float32 || x.dtype == .float64):
            // ATen writes `-input[i][t] * w[t]` per row (−0 for a zero log-probability; a sum
            // over the row would make it +0), 0 for an ignored row.
            let values = try x.elementsAsDouble()
            let rows = (0..<n).map { i -> Double in
                let t = Int(targets[i])
                return t == ignoreIndex ? 0 : -values[i * c + t] * (weights?[t] ?? 1)
            }
            out = try Tensor(values: rows, shape: batched ? [n] : [], dtype: x.dtype, device: x.device)
        case .none:
            out = batched ? try x.mul(dense).sum(dims: [1]) : try x.mul(dense).sum()
        case .sum:
            out = try x.mul(dense).sum()
        case .mean:
            out = try x.mul(dense).sum().div(.float(totalWeight))
        }
        var cascadeWeight: Double?
        if batched, reduction != .none, x.device == .cpu, x.dtype == .float32 || x.dtype == .float64 {
            (out, cascadeWeight) = try nllCascade(x, targets, weights, ignoreIndex: ignoreIndex, mean: reduction == .mean)
        }
        if let spatial, reduction == .none { out = try out.reshape(spatial.outShape) }
        guard isRecording(spatial?.source ?? input) else { return out }
        let coefficient = dense
        let offTarget = try Tensor(values: written, shape: input.sizes, dtype: .float32, device: input.device).eq(.float(0))
        // ATen divides the incoming gradient by the total weight, kept in the input's type.
        let divisor: Double? = reduction == .mean
            ? cascadeWeight ?? (x.dtype == .float32 ? Double(Float(totalWeight)) : totalWeight) : nil
        // The node also saves target, weight and the total weight (0 without a reduction).
        let shownTotal = reduction == .none ? 0 : (divisor ?? totalWeight)
        let total = try Tensor(scalar: .float(shownTotal), dtype: x.dtype, device: x.device)
        let attributes: [(String, SavedAttribute)] = [
            ("ignore_index", .int(ignoreIndex)), ("reduction", .int(reduction.code)), ("self", .tensor(0)), ("target", .tensor(1)),
            ("weight", weight == nil ? .undefinedTensor : .tensor(2)), ("total_weight", .tensor(3))]
        if let spatial {
            return try record("NllLoss2DBackward0", [spatial.source], out, save: [spatial.source, spatial.target ?? target, weight, total],
                              attributes: attributes) { ctx in
                let source = try ctx.saved(0)
                let rows = try reshape(try movedim(source, 1, source.rank - 1), input.sizes)
                let g = reduction == .none ? try reshape(ctx.grad, [-1]) : ctx.grad
                let gradRows = try nllLossBackward(g, rows, coefficient: coefficient, offTarget: offTarget, meanDivisor: divisor,
                                                   target: target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
                return [try contiguous(try movedim(try reshape(gradRows, spatial.rowSizes), source.rank - 1, 1))]
            }
        }
        return try record("NllLossBackward0", [input], out, save: [input, target, weight, total], attributes: attributes) { ctx in
            [try nllLossBackward(ctx.grad, try ctx.saved(0), coefficient: coefficient, offTarget: offTarget,
                                 meanDivisor: divisor, target: target,
                                 weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)]
        }
    }

    /// `nll_loss_backward(grad_output, self, target, weight, reduction, ignore_index, ...)`:
    /// the per-element coefficients (−w[t]) times the gradient, which for `mean` is first
    /// divided by the total weight (ATen's `-(grad / total_weight)`, one rounding), +0 off
    /// the targets (`offTarget`) whatever the weight; a target entry of weight 0 keeps the
    /// sign of −0 · gradient, as ATen's `w · (−grad)` does;
    /// NllLossBackwardBackward0 over (grad_output, self), whose grad_output gradient is
    /// nll_loss of the incoming gradient and whose self gradient is zero.
    static func nllLossBackward(_ go: Tensor, _ input: Tensor, coefficient: Tensor, offTarget: Tensor, meanDivisor: Double? = nil,
                                target: Tensor, weight: Tensor?,
                                reduction: LossReduction, ignoreIndex: Int) throws(TensorError) -> Tensor {
        try backwardFunction("NllLossBackwardBackward0", [go, input], save: [], value: { () throws(TensorError) in
            var g = go
            if reduction == .none && input.rank == 2 { g = try unsqueeze(g, 1) }
            if let meanDivisor { g = try div(g, .float(meanDivisor)) }
            // ATen writes the target entries into zeros: the others stay +0 (a product
            // with a positive gradient would make them −0).
            return try whereZero(offTarget, try mul(coefficient, g))
        }) { ctx in
            let gg = ctx.grad
            return [ctx.needs(0) ? try nllLoss(gg, target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex) : nil,
                    ctx.needs(1) ? try zerosLike(gg) : nil]
        }
    }

    /// The reduced NLL value in PyTorch's order (`nll_loss_out_frame`): picked values summed
    /// in the element type through 8 cascade levels of 2^max(4, ceil(log2 N) / 8) rows each,
    /// the levels added in order, then divided by the summed weights for `mean`. Also returns
    /// that total weight (summed through the same cascade): ATen's backward divides by it.
    static func nllCascade(_ x: Tensor, _ targets: [Int64], _ weights: [Double]?, ignoreIndex: Int,
                           mean: Bool) throws(TensorError) -> (Tensor, totalWeight: Double) {
        let values = try x.elementsAsDouble()
        let n = x.sizes[0], c = x.sizes[1]
        func run<T: BinaryFloatingPoint>(_ t: T.Type) -> (Double, Double) {
            let levels = 8
            var ceilLog2 = 0
            while (1 << ceilLog2) < n { ceilLog2 += 1 }
            let power = Swift.max(4, ceilLog2 / levels)
            let mask = (1 << power) - 1
            var loss = [T](repeating: 0, count: levels), weight = [T](repeating: 0, count: levels)
            var ignored = 0
            for b in 0..<n {
                let target = Int(targets[b])
                if target == ignoreIndex { ignored += 1; continue }
                let value = T(values[b * c + target])
                if let weights {
                    let w = T(weights[target])
                    loss[0] = loss[0] - value * w
                    weight[0] = weight[0] + w
                } else {
                    loss[0] = loss[0] - value
                }
                for j in 0..<(levels - 1) {
                    if (b & (mask << (j * power))) != 0 { break }
                    weight[j + 1] = weight[j + 1] + weight[j]
                    loss[j + 1] = loss[j + 1] + loss[j]
                    weight[j] = 0
                    loss[j] = 0
                }
            }
            var total: T = 0
            for v in loss { total = total + v }
            var totalWeight: T = 0
            if weights != nil { for v in weight { totalWeight = totalWeight + v } } else { totalWeight = T(n - ignored) }
            return (Double(mean ? total / totalWeight : total), Double(totalWeight))
        }
        let (value, totalWeight) = x.dtype == .float32 ? run(Float.self) : run(Double.self)
        return (try Tensor(values: [value], shape: [], dtype: x.dtype), totalWeight)
    }

    /// `F.mse_loss(input, target, reduction)`: MseLossBackward0.
    public static func mseLoss(_ input: Tensor, _ target: Tensor, reduction: LossReduction = .mean) throws(TensorError) -> Tensor {
        let diff = try input.sub(target)
        let squared = try diff.mul(diff)
        let out: Tensor
        switch reduction {
        case .none: out = squared
        case .sum: out = try squared.sum()
        case .mean: out = try squared.mean()
        }
        guard isRecording(input, target) else { return out }
        let mi = TensorMeta(input), mt = TensorMeta(target)
        let count = squared.numel
        let reductionCode = reduction.code
        return try record("MseLossBackward0", [input, target], out, save: [input, target],
                          attributes: [("reduction", .int(reductionCode)), ("self", .tensor(0)), ("target", .tensor(1))]) { ctx in
            // self: mse_loss_backward(grad, self, target); target: mse_loss_backward(grad, target, self)
            let x = try ctx.saved(0), t = try ctx.saved(1)
            return [ctx.needs(0) ? try reduce(try mseLossBackward(ctx.grad, x, t, reduction: reduction, count: count), to: mi) : nil,
                    ctx.needs(1) ? try reduce(try mseLossBackward(ctx.grad, t, x, reduction: reduction, count: count), to: mt) : nil]
        }
    }

    /// `F.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)`.
    public static func binaryCrossEntropyWithLogits(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
                                                    posWeight: Tensor? = nil, reduction: LossReduction = .mean) throws(TensorError) -> Tensor {
        if input.sizes != target.sizes {
            throw .value("Target size (\(Engine.sizeRepr(target.sizes))) must be the same as input size (\(Engine.sizeRepr(input.sizes)))")
        }
        let x = input.detach(), t = target.detach()
        // As ATen composes it: (1 − t)·x − lw·log_sigmoid(x), lw = (pos_weight − 1)·t + 1,
        // each step rounded in the element type (1 − t takes t's layout, the in-place steps
        // keep it, so a mean adds in PyTorch's order).
        var logSigmoid = try x.unary(.logSigmoid)
        if let posWeight {
            let lw = try posWeight.sub(.int(1)).mul(t).add(.int(1))
            logSigmoid = try logSigmoid.mul(lw)
        }
        var loss = try t.rsubScalar(1)
        if loss.sizes == x.sizes && loss.dtype == x.dtype {
            _ = try loss.binaryInPlace(.mul, x)
            _ = try loss.binaryInPlace(.sub, logSigmoid)
        } else {
            loss = try loss.mul(x).sub(logSigmoid)
        }
        if let weight { loss = try loss.mul(weight) }
        let out = try reduced(loss, reduction)
        guard isRecording(input, target) else { return out }
        let count = loss.numel
        return try record("BinaryCrossEntropyWithLogitsBackward0", [input, target], out, save: [input, target, weight, posWeight],
                          attributes: [("pos_weight", posWeight == nil ? .undefinedTensor : .tensor(3)), ("reduction", .int(reduction.code)),
                                       ("self", .tensor(0)), ("target", .tensor(1)), ("weight", weight == nil ? .undefinedTensor : .tensor(2))]) { ctx in
            let x = try ctx.saved(0), t = try ctx.saved(1)
            let w: Tensor? = weight == nil ? nil : try ctx.saved(2)
            let pw: Tensor? = posWeight == nil ? nil : try ctx.saved(3)
            return [ctx.needs(0) ? try bceWithLogitsBackward(ctx.grad, x, t, weight: w, posWeight: pw, reduction: reduction) : nil,
                    ctx.needs(1) ? try bceWithLogitsTargetBackward(ctx.grad, x, t, weight: w, posWeight: pw, reduction: reduction) : nil]
        }
    }

    /// `F.binary_cross_entropy(input, target, weight, reduction)`: BinaryCrossEntropyBackward0.
    public static func binaryCrossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
                                          reduction: LossReduction = .mean) throws(TensorError) -> Tensor {
        if input.sizes != target.sizes {
            throw .value("Using a target size (\(Engine.sizeRepr(target.sizes))) that is different to the input size (\(Engine.sizeRepr(input.sizes))) is deprecated. Please ensure they have the same size.")
        }
        let x = input.detach(), t = target.detach()
        let values = try x.elementsAsDouble()
        if values.contains(where: { !($0 >= 0 && $0 <= 1) }) {
            throw .runtime("all elements of input should be between 0 and 1")
        }
        var loss: Tensor
        if let exact = try Tensor.binaryCrossEntropyValues(x, t) {
            loss = exact
        } else {
            let logX = try x.log().clamp(min: .int(-100), max: nil)
            let log1mX = try x.rsubScalar(1).log().clamp(min: .int(-100), max: nil)
            loss = try t.mul(logX).add(try t.rsubScalar(1).mul(log1mX)).neg()
        }
        if let weight { loss = try loss.mul(weight) }
        let out = try reduced(loss, reduction)
        guard isRecording(input, target) else { return out }
        let count = loss.numel
        // F.binary_cross_entropy expands the weight to the target's size before the call.
        let shownWeight = try weight.map { w throws(TensorError) in w.sizes == target.sizes ? w : try expand(w, target.sizes) }
        return try record("BinaryCrossEntropyBackward0", [input, target], out, save: [input, target, shownWeight],
                          attributes: [("reduction", .int(reduction.code)), ("self", .tensor(0)), ("target", .tensor(1)),
                                       ("weight", weight == nil ? .undefinedTensor : .tensor(2))]) { ctx in
            let x = try ctx.saved(0), t = try ctx.saved(1)
            let w: Tensor? = weight == nil ? nil : try ctx.saved(2)
            return [ctx.needs(0) ? try binaryCrossEntropyBackward(ctx.grad, x, t, weight: w, reduction: reduction) : nil,
                    ctx.needs(1) ? try binaryCrossEntropyTargetBackward(ctx.grad, x, t, weight: w, reduction: reduction) : nil]
        }
    }

    static func reduced(_ loss: Tensor, _ reduction: LossReduction) throws(TensorError) -> Tensor {
        switch reduction {
        case .none: loss
        case .sum: try loss.sum()
        case .mean: try loss.mean()
        }
    }
}

extension Tensor {
    /// `n - self` for a number `n`.
    func rsubScalar(_ n: Int64) throws(TensorError) -> Tensor { try binary(.sub, .int(n), reflected: true) }
}
