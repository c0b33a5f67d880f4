import Tensors

/// The ops the binding calls, with the Autograd layer's `Differentiable` signatures.
/// Until Autograd lands these compute with Tensors alone (no graph); then this file
/// goes and the binding calls `Differentiable` directly.
enum Op {
    typealias T = Tensor
    static func add(_ a: T, _ b: T, alpha: Scalar? = nil) throws(TensorError) -> T { try a.add(b, alpha: alpha) }
    static func add(_ a: T, _ b: Scalar, alpha: Scalar? = nil) throws(TensorError) -> T { try a.add(b, alpha: alpha) }
    static func sub(_ a: T, _ b: T, alpha: Scalar? = nil) throws(TensorError) -> T { try a.sub(b, alpha: alpha) }
    static func sub(_ a: T, _ b: Scalar, alpha: Scalar? = nil) throws(TensorError) -> T { try a.sub(b, alpha: alpha) }
    static func rsub(_ a: T, _ b: Scalar, alpha: Scalar? = nil) throws(TensorError) -> T {
        let scaled = alpha == nil || alpha == .int(1) ? a : try a.mul(alpha!)
        return try scaled.binary(.sub, b, reflected: true)
    }
    static func mul(_ a: T, _ b: T) throws(TensorError) -> T { try a.mul(b) }
    static func mul(_ a: T, _ b: Scalar) throws(TensorError) -> T { try a.mul(b) }
    static func div(_ a: T, _ b: T, roundingMode: RoundingMode? = nil) throws(TensorError) -> T { try a.div(b, roundingMode: roundingMode) }
    static func div(_ a: T, _ b: Scalar, roundingMode: RoundingMode? = nil) throws(TensorError) -> T { try a.div(b, roundingMode: roundingMode) }
    static func rdiv(_ a: T, _ b: Scalar) throws(TensorError) -> T { try a.binary(.div, b, reflected: true) }
    static func neg(_ a: T) throws(TensorError) -> T { try a.neg() }
    static func pow(_ a: T, _ e: Scalar) throws(TensorError) -> T { try a.pow(e) }
    static func pow(_ a: T, _ b: T) throws(TensorError) -> T { try a.pow(b) }
    static func pow(_ base: Scalar, _ b: T) throws(TensorError) -> T { try b.binary(.pow, base, reflected: true) }
    static func maximum(_ a: T, _ b: T) throws(TensorError) -> T { try a.maximum(b) }
    static func minimum(_ a: T, _ b: T) throws(TensorError) -> T { try a.minimum(b) }

    static func add_(_ x: T, _ y: T, alpha: Scalar? = nil) throws(TensorError) -> T {
        try x.binaryInPlace(.add, alpha == nil || alpha == .int(1) ? y : try y.mul(alpha!))
    }
    static func add_(_ x: T, _ y: Scalar, alpha: Scalar? = nil) throws(TensorError) -> T {
        try x.binaryInPlace(.add, alpha.map { .float($0.doubleValue * y.doubleValue) } ?? y)
    }
    static func sub_(_ x: T, _ y: T, alpha: Scalar? = nil) throws(TensorError) -> T {
        try x.binaryInPlace(.sub, alpha == nil || alpha == .int(1) ? y : try y.mul(alpha!))
    }
    static func sub_(_ x: T, _ y: Scalar, alpha: Scalar? = nil) throws(TensorError) -> T {
        try x.binaryInPlace(.sub, alpha.map { .float($0.doubleValue * y.doubleValue) } ?? y)
    }
    static func mul_(_ x: T, _ y: T) throws(TensorError) -> T { try x.binaryInPlace(.mul, y) }
    static func mul_(_ x: T, _ y: Scalar) throws(TensorError) -> T { try x.binaryInPlace(.mul, y) }
    static func div_(_ x: T, _ y: T) throws(TensorError) -> T { try x.binaryInPlace(.div, y) }
    static func div_(_ x: T, _ y: Scalar) throws(TensorError) -> T { try x.binaryInPlace(.div, y) }
    static func pow_(_ x: T, _ e: Scalar) throws(TensorError) -> T { try x.binaryInPlace(.pow, e) }
    static func copy_(_ x: T, _ src: T) throws(TensorError) -> T { try x.copy_(src) }
    static func fill_(_ x: T, _ value: Scalar) throws(TensorError) -> T { try x.fill_(value) }
    static func zero_(_ x: T) throws(TensorError) -> T { try x.zero_() }
    static func clamp_(_ x: T, min lo: Scalar?, max hi: Scalar?) throws(TensorError) -> T {
        try x.unaryInPlace(.clamp(min: lo?.doubleValue, max: hi?.doubleValue))
    }
    static func maskedFill_(_ x: T, _ mask: T, _ value: Scalar) throws(TensorError) -> T { try x.maskedFill_(mask, value) }

    /// Unary math by kernel op (`exp`, `sin`, ...): the name-keyed table of the binding.
    static func unary(_ x: T, _ op: UnaryOp) throws(TensorError) -> T { try x.unary(op) }
    static func unary_(_ x: T, _ op: UnaryOp) throws(TensorError) -> T { try x.unaryInPlace(op) }
    static func round(_ x: T, decimals: Int = 0) throws(TensorError) -> T { try x.round(decimals: decimals) }
    static func clamp(_ x: T, min lo: Scalar?, max hi: Scalar?) throws(TensorError) -> T { try x.clamp(min: lo, max: hi) }
    static func clamp(_ x: T, min lo: T?, max hi: T?) throws(TensorError) -> T { try x.clamp(min: lo, max: hi) }

    static func sum(_ x: T, dtype: DType? = nil) throws(TensorError) -> T { try x.sum(dtype: dtype) }
    static func sum(_ x: T, dims: [Int], keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> T {
        try x.sum(dims: dims, keepdim: keepdim, dtype: dtype)
    }
    static func mean(_ x: T, dtype: DType? = nil) throws(TensorError) -> T { try x.mean(dtype: dtype) }
    static func mean(_ x: T, dims: [Int], keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> T {
        try x.mean(dims: dims, keepdim: keepdim, dtype: dtype)
    }
    static func prod(_ x: T, dim: Int? = nil, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> T {
        try x.prod(dims: dim.map { [$0] }, keepdim: keepdim, dtype: dtype)
    }
    static func max(_ x: T) throws(TensorError) -> T { try x.max() }
    static func min(_ x: T) throws(TensorError) -> T { try x.min() }
    static func max(_ x: T, dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: T, indices: T) { try x.max(dim: dim, keepdim: keepdim) }
    static func min(_ x: T, dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: T, indices: T) { try x.min(dim: dim, keepdim: keepdim) }
    static func amax(_ x: T, dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> T { try x.amax(dims: dims, keepdim: keepdim) }
    static func amin(_ x: T, dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> T { try x.amin(dims: dims, keepdim: keepdim) }
    static func variance(_ x: T, dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> T {
        try x.variance(dims: dims, correction: correction, keepdim: keepdim)
    }
    static func std(_ x: T, dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> T {
        try x.std(dims: dims, correction: correction, keepdim: keepdim)
    }
    static func norm(_ x: T, p: Double = 2, dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> T {
        try x.norm(p: p, dims: dims, keepdim: keepdim)
    }
    static func logsumexp(_ x: T, dims: [Int], keepdim: Bool = false) throws(TensorError) -> T { try x.logsumexp(dims: dims, keepdim: keepdim) }
    static func cumsum(_ x: T, dim: Int, dtype: DType? = nil) throws(TensorError) -> T { try x.cumsum(dim: dim, dtype: dtype) }
    static func softmax(_ x: T, dim: Int, dtype: DType? = nil) throws(TensorError) -> T { try x.softmax(dim: dim, dtype: dtype) }
    static func logSoftmax(_ x: T, dim: Int, dtype: DType? = nil) throws(TensorError) -> T { try x.logSoftmax(dim: dim, dtype: dtype) }

    static func view(_ x: T, _ shape: [Int]) throws(TensorError) -> T { try x.view(shape) }
    static func reshape(_ x: T, _ shape: [Int]) throws(TensorError) -> T { try x.reshape(shape) }
    static func flatten(_ x: T, start: Int = 0, end: Int = -1) throws(TensorError) -> T { try x.flatten(start: start, end: end) }
    static func unflatten(_ x: T, _ dim: Int, _ parts: [Int]) throws(TensorError) -> T { try x.unflatten(dim, parts) }
    static func expand(_ x: T, _ sizes: [Int]) throws(TensorError) -> T { try x.expand(sizes) }
    static func transpose(_ x: T, _ d0: Int, _ d1: Int) throws(TensorError) -> T { try x.transpose(d0, d1) }
    static func t(_ x: T) throws(TensorError) -> T { try x.t() }
    static func matrixTranspose(_ x: T) throws(TensorError) -> T { try x.matrixTranspose() }
    static func permute(_ x: T, _ dims: [Int]) throws(TensorError) -> T { try x.permute(dims) }
    static func reversedDims(_ x: T) throws(TensorError) -> T { try x.reversedDims() }
    static func movedim(_ x: T, _ source: Int, _ destination: Int) throws(TensorError) -> T { try x.movedim(source, destination) }
    static func unsqueeze(_ x: T, _ dim: Int) throws(TensorError) -> T { try x.unsqueeze(dim) }
    static func squeeze(_ x: T) throws(TensorError) -> T { try x.squeeze() }
    static func squeeze(_ x: T, dims: [Int]) throws(TensorError) -> T { try x.squeeze(dims) }
    static func select(_ x: T, _ dim: Int, _ index: Int) throws(TensorError) -> T { try x.select(dim, index) }
    static func narrow(_ x: T, _ dim: Int, start: Int, length: Int) throws(TensorError) -> T { try x.narrow(dim, start: start, length: length) }
    static func diagonal(_ x: T, offset: Int = 0, dim1: Int = 0, dim2: Int = 1) throws(TensorError) -> T {
        try x.diagonal(offset: offset, dim1: dim1, dim2: dim2)
    }
    static func alias(_ x: T) -> T { x.alias() }
    static func clone(_ x: T) throws(TensorError) -> T { try x.clone() }
    static func contiguous(_ x: T) throws(TensorError) -> T { try x.contiguous() }
    static func to(_ x: T, _ dtype: DType, copy: Bool = false) throws(TensorError) -> T { try x.to(dtype, copy: copy) }
    static func to(_ x: T, device: Device, copy: Bool = false) throws(TensorError) -> T { try x.to(device: device, copy: copy) }

    static func getItem(_ x: T, _ indices: [TensorIndex]) throws(TensorError) -> T { try x.getItem(indices) }
    static func setItem(_ x: T, _ indices: [TensorIndex], _ value: Scalar) throws(TensorError) { try x.setItem(indices, value) }
    static func setItem(_ x: T, _ indices: [TensorIndex], _ value: T) throws(TensorError) { try x.setItem(indices, value) }
    static func maskedFill(_ x: T, _ mask: T, _ value: Scalar) throws(TensorError) -> T { try x.maskedFill(mask, value) }
    static func maskedFill(_ x: T, _ mask: T, _ value: T) throws(TensorError) -> T { try x.maskedFill(mask, value) }
    static func maskedSelect(_ x: T, _ mask: T) throws(TensorError) -> T { try x.maskedSelect(mask) }
    static func `where`(_ c: T, _ a: T, _ b: T) throws(TensorError) -> T { try Tensor.where(c, a, b) }
    static func `where`(_ c: T, _ a: T, _ b: Scalar) throws(TensorError) -> T { try Tensor.where(c, a, b) }
    static func `where`(_ c: T, _ a: Scalar, _ b: T) throws(TensorError) -> T { try Tensor.where(c, a, b) }

    static func cat(_ ts: [T], dim: Int = 0) throws(TensorError) -> T { try Tensor.cat(ts, dim: dim) }
    static func stack(_ ts: [T], dim: Int = 0) throws(TensorError) -> T { try Tensor.stack(ts, dim: dim) }
    static func split(_ x: T, size: Int, dim: Int = 0) throws(TensorError) -> [T] { try x.split(size, dim: dim) }
    static func split(_ x: T, sizes: [Int], dim: Int = 0) throws(TensorError) -> [T] { try x.split(sizes: sizes, dim: dim) }
    static func chunk(_ x: T, _ chunks: Int, dim: Int = 0) throws(TensorError) -> [T] { try x.chunk(chunks, dim: dim) }
    static func unbind(_ x: T, dim: Int = 0) throws(TensorError) -> [T] { try x.unbind(dim: dim) }

    static func matmul(_ a: T, _ b: T) throws(TensorError) -> T { try a.matmul(b) }
    static func mm(_ a: T, _ b: T) throws(TensorError) -> T { try a.mm(b) }
    static func bmm(_ a: T, _ b: T) throws(TensorError) -> T { try a.bmm(b) }
    static func mv(_ a: T, _ v: T) throws(TensorError) -> T { try a.mv(v) }
    static func dot(_ a: T, _ b: T) throws(TensorError) -> T { try a.dot(b) }
    static func outer(_ a: T, _ b: T) throws(TensorError) -> T { try a.outer(b) }
    static func addmm(_ input: T, _ m1: T, _ m2: T, beta: Scalar = .int(1), alpha: Scalar = .int(1)) throws(TensorError) -> T {
        try Tensor.addmm(input, m1, m2, beta: beta, alpha: alpha)
    }
}
