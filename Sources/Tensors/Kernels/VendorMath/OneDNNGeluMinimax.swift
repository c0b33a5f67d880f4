/// float32 GELU (erf) as oneDNN's JIT eltwise kernel computes it when it dispatches on
/// `avx512_core` (an AVX-512 CPU, `ONEDNN_MAX_CPU_ISA` unset or AVX512_CORE): not the
/// Abramowitz–Stegun erf of its AVX2 kernel (OneDNNGelu) but a piecewise minimax
/// polynomial. |s|'s bits plus a bias, shifted right by 21, pick one of 25 degree-5
/// polynomials in |s| (the exponent and two mantissa bits: intervals that halve towards 0),
/// clamped to 1...24, and 23 (erf = 1) past the bound where erf rounds to 1; Horner steps are
/// fused multiply-adds; then erf takes s's sign and GELU = (s · (1 + erf)) · ½. Every element,
/// the masked tail too, takes this path. The constants are the float bit patterns of
/// oneDNN's table (v3.x, `gelu_erf_minimax_polynomial`), by degree, by interval.
enum OneDNNGeluMinimax {
    private static let indexBias: UInt32 = 0xc21f_ffff
    private static let bound = Float(bitPattern: 0x40b1_5cee)

    /// coefficients[degree][interval], intervals 0...24 (0 is never selected).
    private static let coefficients: [[Float]] = [
        [0xa6f2cb94, 0x32827792, 0x3381cc0c, 0x34523d4a, 0x351ac44d, 0x35f36d88, 0x36ee8229, 0x37b8a3bb,
         0x3867a213, 0x3940033b, 0x3a2a5a1d, 0x3ae35863, 0x3b7828f2, 0x3c08b14b, 0x3c515ed3, 0xbb503236,
         0xbd8d8e5e, 0xbe8abcd9, 0xbf0c19a2, 0xbeccb328, 0x3e176ced, 0x3f470d99, 0x3f7abb28, 0x3f800000, 0x00000000],
        [0x3f4c422a, 0x3f4c421f, 0x3f4c4207, 0x3f4c41cb, 0x3f4c413b, 0x3f4c3fad, 0x3f4c3a2f, 0x3f4c2d40,
         0x3f4c146a, 0x3f4bc341, 0x3f4ad08c, 0x3f48f8cf, 0x3f45fac7, 0x3f404e07, 0x3f3b980f, 0x3f48dff3,
         0x3f78b21b, 0x3fbb0704, 0x40019c32, 0x3fe536d6, 0x3f81331e, 0x3e6c8684, 0x3c98f936, 0x00000000, 0x3f800000],
        [0xb62173f4, 0x3735e4cf, 0x37f2ff89, 0x388c23be, 0x3917535c, 0x39ab2ab0, 0x3a60fadb, 0x3af9b960,
         0x3b6e5491, 0x3c0a4ec5, 0x3ca5aa8c, 0x3d2138d9, 0x3d8737d4, 0x3ddfb660, 0x3e0f27ab, 0x3d94004b,
         0xbe0efdeb, 0xbf1d96c3, 0xbf89db58, 0xbf6d9897, 0xbef69fb8, 0xbdc4f8a8, 0xbbde6422, 0x00000000, 0x00000000],
        [0xbe081a19, 0xbe084570, 0xbe08639b, 0xbe089837, 0xbe08f409, 0xbe09ab95, 0xbe0b66d0, 0xbe0e400a,
         0xbe124df8, 0xbe1bde02, 0xbe2f19c9, 0xbe4931bf, 0xbe685fbc, 0xbe89c95f, 0xbe96cbca, 0xbe8044aa,
         0xbe0550f2, 0x3dcfd6a1, 0x3e94c826, 0x3e79345f, 0x3decec91, 0x3ca46568, 0x3aa1e00a, 0x00000000, 0x00000000],
        [0xba3d61db, 0x39f097a3, 0x3a5845dc, 0x3ab1fa35, 0x3b0cefb8, 0x3b653ab6, 0x3bcae527, 0x3c221712,
         0x3c6c5840, 0x3cc0a703, 0x3d1dcc19, 0x3d63656d, 0x3d955907, 0x3dbf9910, 0x3dd53f69, 0x3db7dcef,
         0x3d639ebe, 0xba6ede48, 0xbd22be69, 0xbd041cf1, 0xbc64f5ab, 0xbb097a32, 0xb8ebf380, 0x00000000, 0x00000000],
        [0x3cb7d80c, 0x3c9b6050, 0x3c978d11, 0x3c92e850, 0x3c8d058b, 0x3c848454, 0x3c6cd623, 0x3c4c824b,
         0x3c2a7935, 0x3be0b390, 0x3b0651ac, 0xbb232f53, 0xbbd42fa0, 0xbc2c5366, 0xbc492c9e, 0xbc2a7aa6,
         0xbbd55d04, 0xba823a76, 0x3b102aa8, 0x3ae25a7e, 0x3a31f792, 0x38b84375, 0x3689bb5a, 0x00000000, 0x00000000],
    ].map { $0.map { Float(bitPattern: $0) } }

    @inline(__always) static func gelu(_ s: Float) -> Float {
        let magnitude = Float(bitPattern: s.bitPattern & 0x7fff_ffff)
        // vpaddd then vpsrad: a wrapping integer add, an arithmetic shift.
        var index = Int(Int32(bitPattern: magnitude.bitPattern &+ indexBias) >> 21)
        index = Swift.min(Swift.max(index, 1), 24)
        if bound < magnitude { index = 23 }
        var p = coefficients[5][index]
        for degree in stride(from: 4, through: 0, by: -1) {
            p = coefficients[degree][index].addingProduct(p, magnitude)
        }
        let erf = Float(bitPattern: p.bitPattern ^ (s.bitPattern & 0x8000_0000))
        return s * (erf + 1) * 0.5
    }
}

/// oneDNN's avx512_core GELU in every element.
struct OneDNNGeluMinimaxFunction: VectorizedFunction {
    @inline(__always) func lane(_ x: Float) -> Float { OneDNNGeluMinimax.gelu(x) }
    @inline(__always) func tail(_ x: Float) -> Float { OneDNNGeluMinimax.gelu(x) }
}
