import Testing
@testable import Tensors
import CAVX2Kernels

/// The AVX2+FMA Box–Muller kernel in C against the scalar replica of PyTorch's AVX2
/// `normal_fill_16` (which the randn goldens pin to PyTorch), bit for bit, on every float
/// uniform `randn` can draw (k·2⁻²⁴) in both halves of a block: every `log` input and
/// every `sincos` input the kernel can see.
@Test func vectorBoxMullerMatchesTheScalarReplicaOnEveryUniform() {
    guard gb_cpu_has_avx2_fma() != 0 else { return }
    let lanes = 1 << 24
    for (mean, std) in [(Float(0), Float(1)), (Float(0.5), Float(0.1)), (Float(-3), Float(2.5))] {
        var vector = [Float](repeating: 0, count: lanes * 2)
        for k in 0..<lanes {
            // Block b holds uniforms 8b..8b+7 in both halves; the second half reversed
            // so that u1 and u2 are not the same value in a pair.
            let block = k / 8, lane = k % 8
            vector[block * 16 + lane] = Float(k) * 0x1p-24
            vector[block * 16 + 15 - lane] = Float(lanes - 1 - k) * 0x1p-24
        }
        var scalar = vector
        var mismatches = 0
        vector.withUnsafeMutableBufferPointer { v in
            gb_normal_fill16_avx2(v.baseAddress!, lanes / 8, mean, std)
        }
        scalar.withUnsafeMutableBufferPointer { s in
            for b in 0..<(lanes / 8) { CPUGenerator.boxMuller16(s.baseAddress! + b * 16, mean: mean, std: std) }
        }
        for i in 0..<vector.count where vector[i].bitPattern != scalar[i].bitPattern { mismatches += 1 }
        #expect(mismatches == 0, "mean \(mean) std \(std)")
    }
}

/// `randn` of a size that is not a multiple of 16 (the redrawn tail block) gives the same
/// bits on the vector and the scalar path.
@Test func randnTailBlockIsTheSameOnBothPaths() {
    guard gb_cpu_has_avx2_fma() != 0 else { return }
    let count = 1_000_003
    let fast = CPUGenerator(seed: 7).normalFloats(count, mean: 0.25, std: 2)
    let generator = CPUGenerator(seed: 7)
    var slow = (0..<count).map { _ in generator.uniformFloat() }
    slow.withUnsafeMutableBufferPointer { s in
        var start = 0
        while start < count - 15 { CPUGenerator.boxMuller16(s.baseAddress! + start, mean: 0.25, std: 2); start += 16 }
        let tail = s.baseAddress! + (count - 16)
        for i in 0..<16 { tail[i] = generator.uniformFloat() }
        CPUGenerator.boxMuller16(tail, mean: 0.25, std: 2)
    }
    #expect(fast.map(\.bitPattern) == slow.map(\.bitPattern))
}
