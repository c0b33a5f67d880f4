import Autograd
import Tensors

/// The ops the binding calls: Autograd's `Differentiable` functions (which record
/// `grad_fn` nodes) where one exists, the Tensors kernels otherwise. Keeping the choice in
/// one table lets a new differentiable op reach Python by changing one line here.
enum Op {
    typealias T = Tensor
    typealias D = Differentiable
    static func add(_ a: T, _ b: T, alpha: Scalar? = nil) throws(TensorError) -> T { try D.add(a, b, alpha: alpha) }
    static func add(_ a: T, _ b: Scalar, alpha: Scalar? = nil) throws(TensorError) -> T { try D.add(a, b, alpha: alpha) }
    static func sub(_ a: T, _ b: T, alpha: Scalar? = nil) throws(TensorError) -> T { try D.sub(a, b, alpha: alpha) }
    static func sub(_ a: T, _ b: Scalar, alpha: Scalar? = nil) throws(TensorError) -> T { try D.sub(a, b, alpha: alpha) }
    static func rsub(_ a: T, _ b: Scalar, alpha: Scalar? = nil) throws(TensorError) -> T { try D.rsub(a, b, alpha: alpha) }
    static func rsub(_ a: T, _ b: T, alpha: Scalar? = nil) throws(TensorError) -> T { try D.rsub(a, b, alpha: alpha) }
    static func mul(_ a: T, _ b: T) throws(TensorError) -> T { try D.mul(a, b) }
    static func mul(_ a: T, _ b: Scalar) throws(TensorError) -> T { try D.mul(a, b) }
    static func div(_ a: T, _ b: T, roundingMode: RoundingMode? = nil) throws(TensorError) -> T { try D.div(a, b, roundingMode: roundingMode) }
    static func div(_ a: T, _ b: Scalar, roundingMode: RoundingMode? = nil) throws(TensorError) -> T { try D.div(a, b, roundingMode: roundingMode) }
    static func rdiv(_ a: T, _ b: Scalar) throws(TensorError) -> T { try D.rdiv(a, b) }
    static func neg(_ a: T) throws(TensorError) -> T { try D.neg(a) }
    static func pow(_ a: T, _ e: Scalar) throws(TensorError) -> T { try D.pow(a, e) }
    static func pow(_ a: T, _ b: T) throws(TensorError) -> T { try D.pow(a, b) }
    static func pow(_ base: Scalar, _ b: T) throws(TensorError) -> T { try D.pow(base, b) }
    static func maximum(_ a: T, _ b: T) throws(TensorError) -> T { try D.maximum(a, b) }
    static func minimum(_ a: T, _ b: T) throws(TensorError) -> T { try D.minimum(a, b) }
    static func fmax(_ a: T, _ b: T) throws(TensorError) -> T { try D.fmax(a, b) }
    static func fmin(_ a: T, _ b: T) throws(TensorError) -> T { try D.fmin(a, b) }
    static func atan2(_ a: T, _ b: T) throws(TensorError) -> T { try D.atan2(a, b) }
    static func hypot(_ a: T, _ b: T) throws(TensorError) -> T { try D.hypot(a, b) }
    static func remainder(_ a: T, _ b: T) throws(TensorError) -> T { try D.remainder(a, b) }
    static func remainder(_ a: T, _ b: Scalar) throws(TensorError) -> T { try D.remainder(a, b) }
    static func rremainder(_ a: T, _ b: Scalar) throws(TensorError) -> T { try D.reflectedRemainder(a, b) }
    static func fmod(_ a: T, _ b: T) throws(TensorError) -> T { try D.fmod(a, b) }
    static func fmod(_ a: T, _ b: Scalar) throws(TensorError) -> T { try D.fmod(a, b) }
    static func floorDivide(_ a: T, _ b: T) throws(TensorError) -> T { try D.floorDivide(a, b) }
    static func floorDivide(_ a: T, _ b: Scalar) throws(TensorError) -> T { try D.floorDivide(a, b) }
    static func floorDivide_(_ a: T, _ b: T) throws(TensorError) -> T { try D.floorDivide_(a, b) }
    static func floorDivide_(_ a: T, _ b: Scalar) throws(TensorError) -> T { try D.floorDivide_(a, b) }
    static func rfloorDivide(_ a: T, _ b: Scalar) throws(TensorError) -> T { try D.reflectedFloorDivide(a, b) }

    static func add_(_ x: T, _ y: T, alpha: Scalar? = nil) throws(TensorError) -> T { try D.add_(x, y, alpha: alpha) }
    static func add_(_ x: T, _ y: Scalar, alpha: Scalar? = nil) throws(TensorError) -> T { try D.add_(x, y, alpha: alpha) }
    static func sub_(_ x: T, _ y: T, alpha: Scalar? = nil) throws(TensorError) -> T { try D.sub_(x, y, alpha: alpha) }
    static func sub_(_ x: T, _ y: Scalar, alpha: Scalar? = nil) throws(TensorError) -> T { try D.sub_(x, y, alpha: alpha) }
    static func mul_(_ x: T, _ y: T) throws(TensorError) -> T { try D.mul_(x, y) }
    static func mul_(_ x: T, _ y: Scalar) throws(TensorError) -> T { try D.mul_(x, y) }
    static func div_(_ x: T, _ y: T) throws(TensorError) -> T { try D.div_(x, y) }
    static func div_(_ x: T, _ y: Scalar) throws(TensorError) -> T { try D.div_(x, y) }
    static func pow_(_ x: T, _ e: Scalar) throws(TensorError) -> T { try D.pow_(x, e) }
    static func copy_(_ x: T, _ src: T) throws(TensorError) -> T { try D.copy_(x, src) }
    static func fill_(_ x: T, _ value: Scalar) throws(TensorError) -> T { try D.fill_(x, value) }
    static func zero_(_ x: T) throws(TensorError) -> T { try D.zero_(x) }
    static func clamp_(_ x: T, min lo: Scalar?, max hi: Scalar?) throws(TensorError) -> T { try D.clamp_(x, min: lo, max: hi) }
    static func maskedFill_(_ x: T, _ mask: T, _ value: Scalar) throws(TensorError) -> T { try D.maskedFill_(x, mask, value) }

    /// Unary math by kernel op; predicates come back without history.
    static func unary(_ x: T, _ op: UnaryOp) throws(TensorError) -> T { try D.unary(x, op) }
    static func sgn(_ x: T) throws(TensorError) -> T { try D.sgn(x) }

    static func unary_(_ x: T, _ op: UnaryOp) throws(TensorError) -> T {
        switch op {
        case .abs: try D.abs_(x)
        case .exp: try D.exp_(x)
        case .log: try D.log_(x)
        case .neg: try D.neg_(x)
        case .relu: try D.relu_(x)
        case .sigmoid: try D.sigmoid_(x)
        case .sqrt: try D.sqrt_(x)
        case .tanh: try D.tanh_(x)
        default: try D.unary_(x, op)
        }
    }
    /// An in-place op recorded as its out-of-place twin (`tril_`, `scatter_`).
    static func inPlace(_ x: T, others: [T?] = [], _ f: (T) throws(TensorError) -> T) throws(TensorError) -> T {
        try D.inPlace(x, others: others, f)
    }
    static func round(_ x: T, decimals: Int = 0, decimalsGiven: Bool = false) throws(TensorError) -> T {
        try D.round(x, decimals: decimals, decimalsGiven: decimalsGiven)
    }
    static func clamp(_ x: T, min lo: Scalar?, max hi: Scalar?) throws(TensorError) -> T { try D.clamp(x, min: lo, max: hi) }
    static func clamp(_ x: T, min lo: T?, max hi: T?) throws(TensorError) -> T { try D.clamp(x, min: lo, max: hi) }
    static func clampMin(_ x: T, _ lo: Scalar) throws(TensorError) -> T { try D.clampMin(x, lo) }
    static func clampMax(_ x: T, _ hi: Scalar) throws(TensorError) -> T { try D.clampMax(x, hi) }
    static func clampMin(_ x: T, _ lo: T) throws(TensorError) -> T { try D.clampMin(x, lo) }
    static func clampMax(_ x: T, _ hi: T) throws(TensorError) -> T { try D.clampMax(x, hi) }
    static func clampBound_(_ x: T, _ bound: T, isMin: Bool) throws(TensorError) -> T { try D.clampBound_(x, bound, isMin: isMin) }
    static func clamp_(_ x: T, min lo: T?, max hi: T?) throws(TensorError) -> T { try D.clamp_(x, min: lo, max: hi) }

    static func sum(_ x: T, dtype: DType? = nil) throws(TensorError) -> T { try D.sum(x, dtype: dtype) }
    static func sum(_ x: T, dims: [Int], keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> T {
        try D.sum(x, dims: dims, keepdim: keepdim, dtype: dtype)
    }
    static func mean(_ x: T, dtype: DType? = nil) throws(TensorError) -> T { try D.mean(x, dtype: dtype) }
    static func mean(_ x: T, dims: [Int], keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> T {
        try D.mean(x, dims: dims, keepdim: keepdim, dtype: dtype)
    }
    static func prod(_ x: T, dim: Int? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> T {
        try D.prod(x, dim: dim, keepdim: keepdim, dtype: dtype)
    }
    static func max(_ x: T) throws(TensorError) -> T { try D.max(x) }
    static func min(_ x: T) throws(TensorError) -> T { try D.min(x) }
    static func max(_ x: T, dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: T, indices: T) { try D.max(x, dim: dim, keepdim: keepdim) }
    static func min(_ x: T, dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: T, indices: T) { try D.min(x, dim: dim, keepdim: keepdim) }
    static func amax(_ x: T, dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> T { try D.amax(x, dims: dims, keepdim: keepdim) }
    static func amin(_ x: T, dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> T { try D.amin(x, dims: dims, keepdim: keepdim) }
    static func variance(_ x: T, dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> T {
        try D.variance(x, dims: dims, correction: correction, keepdim: keepdim)
    }
    static func std(_ x: T, dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> T {
        try D.std(x, dims: dims, correction: correction, keepdim: keepdim)
    }
    static func norm(_ x: T, p: Double = 2, dims: [Int]? = nil, keepdim: Bool = false, ord: Scalar? = nil) throws(TensorError) -> T {
        try D.norm(x, p: p, dims: dims, keepdim: keepdim, ord: ord)
    }
    static func logsumexp(_ x: T, dims: [Int], keepdim: Bool = false) throws(TensorError) -> T { try D.logsumexp(x, dims: dims, keepdim: keepdim) }
    static func cumsum(_ x: T, dim: Int, dtype: DType? = nil) throws(TensorError) -> T { try D.cumsum(x, dim: dim, dtype: dtype) }
    static func softmax(_ x: T, dim: Int, dtype: DType? = nil) throws(TensorError) -> T { try D.softmax(x, dim: dim, dtype: dtype) }
    static func logSoftmax(_ x: T, dim: Int, dtype: DType? = nil) throws(TensorError) -> T { try D.logSoftmax(x, dim: dim, dtype: dtype) }
    static func trace(_ x: T) throws(TensorError) -> T { try D.trace(x) }
    static func cumprod(_ x: T, dim: Int, dtype: DType? = nil) throws(TensorError) -> T { try D.cumprod(x, dim: dim, dtype: dtype) }
    static func nansum(_ x: T, dims: [Int]? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> T {
        try D.nansum(x, dims: dims, keepdim: keepdim, dtype: dtype)
    }
    static func median(_ x: T) throws(TensorError) -> T { try D.median(x) }
    static func median(_ x: T, dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: T, indices: T) { try D.median(x, dim: dim, keepdim: keepdim) }
    static func sort(_ x: T, dim: Int = -1, descending: Bool = false, stable: Bool = false) throws(TensorError) -> (values: T, indices: T) { try D.sort(x, dim: dim, descending: descending, stable: stable) }
    static func topk(_ x: T, _ k: Int, dim: Int = -1, largest: Bool = true, sorted: Bool = true) throws(TensorError) -> (values: T, indices: T) { try D.topk(x, k, dim: dim, largest: largest, sorted: sorted) }
    static func kthvalue(_ x: T, _ k: Int, dim: Int = -1, keepdim: Bool = false) throws(TensorError) -> (values: T, indices: T) {
        try D.kthvalue(x, k, dim: dim, keepdim: keepdim)
    }

    static func view(_ x: T, _ shape: [Int]) throws(TensorError) -> T { try D.view(x, shape) }
    static func reshape(_ x: T, _ shape: [Int]) throws(TensorError) -> T { try D.reshape(x, shape) }
    static func flatten(_ x: T, start: Int = 0, end: Int = -1) throws(TensorError) -> T { try D.flatten(x, start: start, end: end) }
    static func unflatten(_ x: T, _ dim: Int, _ parts: [Int]) throws(TensorError) -> T { try D.unflatten(x, dim, parts) }
    static func expand(_ x: T, _ sizes: [Int]) throws(TensorError) -> T { try D.expand(x, sizes) }
    static func transpose(_ x: T, _ d0: Int, _ d1: Int) throws(TensorError) -> T { try D.transpose(x, d0, d1) }
    static func t(_ x: T) throws(TensorError) -> T { try D.t(x) }
    static func matrixTranspose(_ x: T) throws(TensorError) -> T { try D.matrixTranspose(x) }
    static func permute(_ x: T, _ dims: [Int]) throws(TensorError) -> T { try D.permute(x, dims) }
    static func reversedDims(_ x: T) throws(TensorError) -> T { try D.reversedDims(x) }
    static func movedim(_ x: T, _ source: Int, _ destination: Int) throws(TensorError) -> T { try D.movedim(x, source, destination) }
    static func unsqueeze(_ x: T, _ dim: Int) throws(TensorError) -> T { try D.unsqueeze(x, dim) }
    static func squeeze(_ x: T) throws(TensorError) -> T { try D.squeeze(x) }
    static func squeeze(_ x: T, dims: [Int]) throws(TensorError) -> T { try D.squeeze(x, dims: dims) }
    static func squeeze(_ x: T, dim: Int) throws(TensorError) -> T { try D.squeeze(x, dim: dim) }
    static func select(_ x: T, _ dim: Int, _ index: Int) throws(TensorError) -> T { try D.select(x, dim, index) }
    static func narrow(_ x: T, _ dim: Int, start: Int, length: Int) throws(TensorError) -> T { try D.narrow(x, dim, start: start, length: length) }
    static func diagonal(_ x: T, offset: Int = 0, dim1: Int = 0, dim2: Int = 1) throws(TensorError) -> T {
        try D.diagonal(x, offset: offset, dim1: dim1, dim2: dim2)
    }
    static func alias(_ x: T) throws(TensorError) -> T { try D.alias(x) }
    static func `repeat`(_ x: T, _ reps: [Int]) throws(TensorError) -> T { try D.repeat(x, reps) }
    static func tile(_ x: T, _ reps: [Int]) throws(TensorError) -> T { try D.tile(x, reps) }
    static func flip(_ x: T, _ dims: [Int]) throws(TensorError) -> T { try D.flip(x, dims) }
    static func roll(_ x: T, _ shifts: [Int], dims: [Int] = []) throws(TensorError) -> T { try D.roll(x, shifts, dims: dims) }
    static func tril(_ x: T, diagonal: Int = 0) throws(TensorError) -> T { try D.tril(x, diagonal: diagonal) }
    static func triu(_ x: T, diagonal: Int = 0) throws(TensorError) -> T { try D.triu(x, diagonal: diagonal) }
    static func diag(_ x: T, diagonal: Int = 0) throws(TensorError) -> T { try D.diag(x, diagonal: diagonal) }
    static func einsum(_ equation: String, _ operands: [T]) throws(TensorError) -> T { try D.einsum(equation, operands) }
    static func clone(_ x: T) throws(TensorError) -> T { try D.clone(x) }
    static func contiguous(_ x: T) throws(TensorError) -> T { try D.contiguous(x) }
    static func to(_ x: T, _ dtype: DType, copy: Bool = false) throws(TensorError) -> T { try D.to(x, dtype, copy: copy) }
    static func to(_ x: T, device: Device, copy: Bool = false) throws(TensorError) -> T { try D.to(x, device: device, copy: copy) }

    static func getItem(_ x: T, _ indices: [TensorIndex], singleSlice: Bool = false) throws(TensorError) -> T {
        try D.getItem(x, indices, singleSlice: singleSlice)
    }
    static func gather(_ x: T, _ dim: Int, _ index: T) throws(TensorError) -> T { try D.gather(x, dim, index) }
    static func scatter(_ x: T, _ dim: Int, _ index: T, _ source: T) throws(TensorError) -> T { try D.scatter(x, dim, index, source) }
    static func scatter(_ x: T, _ dim: Int, _ index: T, value: Scalar) throws(TensorError) -> T { try D.scatter(x, dim, index, value: value) }
    static func scatterAdd(_ x: T, _ dim: Int, _ index: T, _ source: T) throws(TensorError) -> T { try D.scatterAdd(x, dim, index, source) }
    static func indexSelect(_ x: T, _ dim: Int, _ index: T) throws(TensorError) -> T { try D.indexSelect(x, dim, index) }
    static func setItem(_ x: T, _ indices: [TensorIndex], _ value: Scalar) throws(TensorError) { try D.setItem(x, indices, value) }
    static func setItem(_ x: T, _ indices: [TensorIndex], _ value: T) throws(TensorError) { try D.setItem(x, indices, value) }
    static func maskedFill(_ x: T, _ mask: T, _ value: Scalar) throws(TensorError) -> T { try D.maskedFill(x, mask, value) }
    static func maskedFill(_ x: T, _ mask: T, _ value: T) throws(TensorError) -> T { try D.maskedFill(x, mask, value) }
    static func maskedSelect(_ x: T, _ mask: T) throws(TensorError) -> T { try D.maskedSelect(x, mask) }
    static func `where`(_ c: T, _ a: T, _ b: T) throws(TensorError) -> T { try D.where(c, a, b) }
    static func `where`(_ c: T, _ a: T, _ b: Scalar) throws(TensorError) -> T { try D.where(c, a, b) }
    static func `where`(_ c: T, _ a: Scalar, _ b: T) throws(TensorError) -> T { try D.where(c, a, b) }

    static func cat(_ ts: [T], dim: Int = 0) throws(TensorError) -> T { try D.cat(ts, dim: dim) }
    static func stack(_ ts: [T], dim: Int = 0) throws(TensorError) -> T { try D.stack(ts, dim: dim) }
    static func split(_ x: T, size: Int, dim: Int = 0) throws(TensorError) -> [T] { try D.split(x, size: size, dim: dim) }
    static func split(_ x: T, sizes: [Int], dim: Int = 0) throws(TensorError) -> [T] { try D.split(x, sizes: sizes, dim: dim) }
    static func chunk(_ x: T, _ chunks: Int, dim: Int = 0) throws(TensorError) -> [T] { try D.chunk(x, chunks, dim: dim) }
    static func unbind(_ x: T, dim: Int = 0) throws(TensorError) -> [T] { try D.unbind(x, dim: dim) }

    static func matmul(_ a: T, _ b: T) throws(TensorError) -> T { try D.matmul(a, b) }
    static func mm(_ a: T, _ b: T) throws(TensorError) -> T { try D.mm(a, b) }
    static func bmm(_ a: T, _ b: T) throws(TensorError) -> T { try D.bmm(a, b) }
    static func mv(_ a: T, _ v: T) throws(TensorError) -> T { try D.mv(a, v) }
    static func dot(_ a: T, _ b: T) throws(TensorError) -> T { try D.dot(a, b) }
    static func vdot(_ a: T, _ b: T) throws(TensorError) -> T { try D.vdot(a, b) }
    static func inner(_ a: T, _ b: T) throws(TensorError) -> T { try D.inner(a, b) }
    static func outer(_ a: T, _ b: T) throws(TensorError) -> T { try D.outer(a, b) }
    static func addmm(_ input: T, _ m1: T, _ m2: T, beta: Scalar = .int(1), alpha: Scalar = .int(1)) throws(TensorError) -> T {
        try D.addmm(input, m1, m2, beta: beta, alpha: alpha)
    }
}
