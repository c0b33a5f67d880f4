/// oneDNN 3.13's `jit_1x1:avx512_core` forward and unit-stride input gradient: the same
/// orders as `jit_1x1:avx2` (OneDNNConvolution1x1.swift: a chain over each chunk of the
/// reduced channels, the first chunk's from the bias in the forward, later chunks added to
/// the sum so far) with another chunk, the kernel's `reduce_blocking`. Its weight and bias
/// gradients (which split positions into blocks between threads) are not reproduced: the
/// AVX2 orders run there.
extension OneDNNConvolutionAVX512 {
    /// `reduce_blocking` of the 1×1 `init_conf` (2 threads, so always its `expl_bcast`
    /// branch), in channels: the reduced channels (input channels forward, output channels
    /// for the input gradient) go by 80 where the other side has at most 256 channels and
    /// the rows number 11 to 27, by 512 above 10 rows, else by 256. Nil where oneDNN would
    /// shrink the chunk further to spare the cache (input planes times chunk over 7 × 16K).
    static func reduceChunk1x1(_ p: Convolution.Plan, forward: Bool) -> Int? {
        func padded(_ n: Int) -> Int { (n + block - 1) / block * block }
        let reduced = padded(forward ? p.c : p.oc), loaded = padded(forward ? p.oc : p.c)
        let rows = forward ? p.oh : p.h
        let chunk = loaded <= 256 && rows > 10 && rows < 28 ? min(reduced, 80)
            : rows > 10 ? min(reduced, 512) : min(reduced, 256)
        return max(p.h * p.w, p.oh * p.ow) * chunk > 7 * 16384 ? nil : chunk
    }
}
