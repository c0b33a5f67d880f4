#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CAVX2Kernels

/// `randn` / `normal_` as PyTorch's CPU kernel draws them.
///
/// Contiguous tensors of 16 or more elements take the block path: fill with uniforms, then
/// Box–Muller on blocks of 16 (8 pairs), redrawing the last 16 when the size is not a
/// multiple of 16. Anything smaller (or strided) draws one double normal per element,
/// caching the second Box–Muller value in the generator.
extension CPUGenerator {
    /// One `normal_distribution<double>` sample: what small or strided tensors get per element.
    /// `transformation::normal`'s `ret * std + mean` is one fused multiply-add in the AVX2
    /// build of the kernel (which serves the AVX-512 capability too), as in the block path.
    public func normalSample(mean: Double = 0, std: Double = 1) -> Double {
        if let cached = nextDoubleNormal {
            nextDoubleNormal = nil
            return mean.addingProduct(cached, std)
        }
        let u1 = uniformDouble()
        let u2 = uniformDouble()
        let radius = (-2.0 * log1p(-u2)).squareRoot()
        let theta = 2.0 * Double.pi * u1
        nextDoubleNormal = radius * sin(theta)
        return mean.addingProduct(radius * cos(theta), std)
    }

    /// `normal_(mean, std)` on a contiguous float32 tensor (also the source for float16 and
    /// bfloat16, which round these values).
    public func fillNormal(_ buffer: UnsafeMutableBufferPointer<Float>, mean: Double = 0, std: Double = 1) {
        let count = buffer.count
        guard count >= 16 else {
            for i in 0..<count { buffer[i] = Float(normalSample(mean: mean, std: std)) }
            return
        }
        let mean = Float(mean), std = Float(std)
        for i in 0..<count { buffer[i] = uniformFloat() }
        let base = buffer.baseAddress!
        if Self.vectorBoxMuller {
            gb_normal_fill16_avx2(base, count / 16, mean, std)
        } else {
            var start = 0
            while start < count - 15 {
                Self.boxMuller16(base + start, mean: mean, std: std)
                start += 16
            }
        }
        if count % 16 != 0 {
            let tail = base + (count - 16)
            for i in 0..<16 { tail[i] = uniformFloat() }
            if Self.vectorBoxMuller { gb_normal_fill16_avx2(tail, 1, mean, std) }
            else { Self.boxMuller16(tail, mean: mean, std: std) }
        }
    }

    /// Whether float32 blocks go through the AVX2+FMA kernel in C (eight lanes per
    /// instruction, the same operations as `boxMuller16`, so the same bits) rather than
    /// the scalar replica, whose fused multiply-adds are calls to libm's `fmaf` because
    /// Swift code is not compiled for FMA. `GRADBOOK_SCALAR_RANDN=1` forces the replica.
    static let vectorBoxMuller: Bool =
        gb_cpu_has_avx2_fma() != 0 && getenv("GRADBOOK_SCALAR_RANDN").map { String(cString: $0) } != "1"

    /// `normal_(mean, std)` on a contiguous float64 tensor.
    public func fillNormal(_ buffer: UnsafeMutableBufferPointer<Double>, mean: Double = 0, std: Double = 1) {
        let count = buffer.count
        guard count >= 16 else {
            for i in 0..<count { buffer[i] = normalSample(mean: mean, std: std) }
            return
        }
        for i in 0..<count { buffer[i] = uniformDouble() }
        var start = 0
        while start < count - 15 {
            Self.boxMuller16(buffer.baseAddress! + start, mean: mean, std: std)
            start += 16
        }
        if count % 16 != 0 {
            let tail = buffer.baseAddress! + (count - 16)
            for i in 0..<16 { tail[i] = uniformDouble() }
            Self.boxMuller16(tail, mean: mean, std: std)
        }
    }

    /// `count` float32 normals, as `torch.randn(count)` makes them.
    public func normalFloats(_ count: Int, mean: Double = 0, std: Double = 1) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            fillNormal(buffer, mean: mean, std: std)
            initialized = count
        }
    }

    /// `randn` / `normal_` for float16 and bfloat16 tensors, as floats the caller rounds.
    ///
    /// PyTorch computes these in float through a 16-element buffer, so unlike float32 it
    /// draws uniforms block by block and never draws the ones the redrawn tail would discard.
    public func normalFloatsForHalfTypes(_ count: Int, mean: Double = 0, std: Double = 1) -> [Float] {
        guard count >= 16 else { return normalFloats(count, mean: mean, std: std) }
        let mean = Float(mean), std = Float(std)
        var result = [Float](repeating: 0, count: count)
        var block = [Float](repeating: 0, count: 16)
        block.withUnsafeMutableBufferPointer { buffer in
            let data = buffer.baseAddress!
            var start = 0
            while start < count - 15 {
                for j in 0..<16 { data[j] = uniformFloat() }
                Self.boxMuller16Block(data, mean: mean, std: std)
                for j in 0..<16 { result[start + j] = data[j] }
                start += 16
            }
            if count % 16 != 0 {
                for j in 0..<16 { data[j] = uniformFloat() }
                Self.boxMuller16Block(data, mean: mean, std: std)
                for j in 0..<16 { result[count - 16 + j] = data[j] }
            }
        }
        return result
    }

    /// `count` float64 normals, as `torch.randn(count, dtype=torch.float64)` makes them.
    public func normalDoubles(_ count: Int, mean: Double = 0, std: Double = 1) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            fillNormal(buffer, mean: mean, std: std)
            initialized = count
        }
    }

    /// One block of 16 on the fastest exact path.
    @inline(__always)
    static func boxMuller16Block(_ data: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
        if vectorBoxMuller { gb_normal_fill16_avx2(data, 1, mean, std) } else { boxMuller16(data, mean: mean, std: std) }
    }

    /// `NormalFill16<float>` of the AVX2 build, lane by lane.
    @inline(__always)
    static func boxMuller16(_ data: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
        for j in 0..<8 {
            let u1 = 1 - data[j]
            let u2 = data[j + 8]
            let radius = (-2 * AVX2MathFun.log(u1)).squareRoot()
            let theta = Float(2.0 * Double.pi) * u2
            let (sine, cosine) = AVX2MathFun.sincos(theta)
            data[j] = mean.addingProduct(radius * cosine, std)
            data[j + 8] = mean.addingProduct(radius * sine, std)
        }
    }

    /// `NormalFill16<double>`: libm's log/cos/sin and an explicit fma.
    @inline(__always)
    static func boxMuller16(_ data: UnsafeMutablePointer<Double>, mean: Double, std: Double) {
        for j in 0..<8 {
            let u1 = 1 - data[j]
            let u2 = data[j + 8]
            let radius = (-2 * log(u1)).squareRoot()
            let theta = 2.0 * Double.pi * u2
            data[j] = mean.addingProduct(radius * cos(theta), std)
            data[j + 8] = mean.addingProduct(radius * sin(theta), std)
        }
    }
}
