import Foundation

/// Matrix products of float16/bfloat16 operands as PyTorch 2.15's CPU kernels sum them: in
/// float32, in one of three orders, rounded once to the element type at the end. Which order
/// runs depends on the op, the sizes and the CPU, as in ATen (`addmm_impl_cpu_`,
/// `bmm_out_or_baddbmm_`, `cpublas::gemm`, `mkldnn_matmul`):
/// - `bmm` of fewer than 400 multiply-adds per matrix: one float accumulator, products in
///   order (`baddbmm_cpu_kernel`);
/// - bfloat16 when oneDNN has its `avx512_core_bf16` kernels and m·n·k (times the batch for
///   bmm) is above 16³: oneDNN's brgemm, `vdpbf16ps` pairs (the odd element's product added
///   before the even one's, denormals flushed), in K blocks whose sums are added in order;
/// - otherwise ATen's fallback gemm (`gemm_notrans_` & co.): four float accumulators taking
///   products l ≡ 0…3 (mod 4), the leftover products into the first, folded in order;
///   except `gemm_transb_` (a transposed first operand, as in a weight gradient `g.t() @ x`),
///   which adds the products one at a time to a float buffer that starts at beta·C
///   (`floatBuffer`, measured against PyTorch 2.15).
/// Products of two float16 or two bfloat16 values are exact in float32, so only the order of
/// the additions matters, and it is the same for every transposition.
enum ReducedMatmul {
    enum Order: Equatable { case sequential, fourPartials, oneDNNPairs(kBlock: Int), floatBuffer }

    /// True where PyTorch's bfloat16 products may go to oneDNN (`mkldnn_bf16_device_check`
    /// with `ONEDNN_MAX_CPU_ISA` honoured; the bf16 dot-product instruction present).
    static let oneDNNBF16: Bool = {
        guard OneDNNISA.avx512Core else { return false }
        // Capped at AVX512_CORE, oneDNN runs its gemm:jit:bf16 instead (not modelled).
        if let cap = ProcessInfo.processInfo.environment["ONEDNN_MAX_CPU_ISA"]?.uppercased(),
           !["ALL", "DEFAULT"].contains(cap),
           !["AVX512_CORE_BF16", "AVX512_CORE_FP16", "AVX512_CORE_AMX", "AVX10"].contains(where: { cap.hasPrefix($0) }) {
            return false
        }
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let flags = info.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        return flags.split(separator: " ").contains("avx512_bf16")
    }()

    /// The summation order of a product of `batch` matrices n×k @ k×m. `isBatched`: the op is
    /// `bmm`/`baddbmm` (or a broadcast `matmul`), not `mm`/`addmm`.
    static func order(_ dtype: DType, batch: Int, n: Int, k: Int, m: Int, isBatched: Bool,
                      oneDNN: Bool = oneDNNBF16) -> Order {
        if isBatched && n * m * k < MKLProducts.smallBatchedWork { return .sequential }
        let work = (isBatched ? batch : 1) * n * m * k
        if dtype == .bfloat16 && oneDNN && work > 16 * 16 * 16 && n > 0 && m > 0 && k > 0 {
            return .oneDNNPairs(kBlock: oneDNNKBlock(k))
        }
        return .fourPartials
    }

    /// oneDNN 3.13's brgemm K block for bf16 here, as measured against PyTorch 2.15: the
    /// whole K up to 512, 512 up to 1,024, else 1,024. Each block is summed on its own and
    /// added to the float buffer holding the blocks before it.
    static func oneDNNKBlock(_ k: Int) -> Int {
        k <= 512 ? k : k <= 1024 ? 512 : 1024
    }

    /// out[b] = beta·addend[b] + alpha·(a[b] @ b[b]) rounded to out's type; a, b, out and
    /// the addend are float16/bfloat16 of one type with any strides; out is contiguous.
    static func product(_ a: Tensor, _ b: Tensor, into out: Tensor, isBatched: Bool,
                        addend: Tensor? = nil, beta: Float = 0, alpha: Float = 1) {
        let batch = out.sizes[0], n = out.sizes[1], m = out.sizes[2], k = a.sizes[2]
        if batch == 0 || n == 0 || m == 0 { return }
        var order = order(a.dtype, batch: batch, n: n, k: k, m: m, isBatched: isBatched)
        if order == .fourPartials && gemmTransposes(a, b, n: n, k: k, m: m) == (false, true) { order = .floatBuffer }
        let half = a.dtype == .float16
        let read: (Tensor) -> (Int) -> Float = { t in
            if half { let p = t.pointer(Float16.self); return { Float(p[$0]) } }
            let p = t.pointer(BFloat16.self); return { p[$0].float }
        }
        let ra = read(a), rb = read(b), rc = addend.map(read)
        let (as0, as1, as2) = (a.strides[0], a.strides[1], a.strides[2])
        let (bs0, bs1, bs2) = (b.strides[0], b.strides[1], b.strides[2])
        var row = [Float](repeating: 0, count: k)
        var columns = [[Float]](repeating: [Float](repeating: 0, count: k), count: m)
        for bi in 0..<batch {
            for j in 0..<m { for p in 0..<k { columns[j][p] = rb(bi * bs0 + p * bs1 + j * bs2) } }
            for i in 0..<n {
                if CellDeadline.poll() { return }   // once per output row: the cell's time limit
                for p in 0..<k { row[p] = ra(bi * as0 + i * as1 + p * as2) }
                for j in 0..<m {
                    let dot = sum(order, row, columns[j])
                    let c = beta == 0 ? 0 : rc!(addendOffset(addend!, bi, i, j))
                    var value: Float
                    if order == .floatBuffer {
                        value = beta == 0 ? 0 : beta * c
                        for p in 0..<k { value = value + row[p] * (columns[j][p] * alpha) }
                    } else if case .oneDNNPairs = order {
                        // oneDNN scales the sum, adds the old output (its sum post-op), and
                        // converts with vcvtneps2bf16, which reads a denormal as zero.
                        value = alpha * dot
                        if beta != 0 { value = value + beta * c }
                        value = flushed(value)
                    } else {
                        value = beta == 0 ? alpha * dot : beta * c + alpha * dot
                    }
                    store(value, out, (bi * n + i) * m + j, half: half)
                }
            }
        }
    }

    private static func addendOffset(_ t: Tensor, _ b: Int, _ i: Int, _ j: Int) -> Int {
        b * t.strides[0] + i * t.strides[1] + j * t.strides[2]
    }

    private static func store(_ v: Float, _ out: Tensor, _ index: Int, half: Bool) {
        if half { out.pointer(Float16.self)[index] = Float16(v) } else { out.pointer(BFloat16.self)[index] = BFloat16(v) }
    }

    /// The transpositions `addmm_impl_cpu_` hands column-major gemm for a contiguous n×m
    /// result (read transposed unless it has one column), from the operands' strides; an
    /// operand with neither layout is copied contiguous first.
    static func gemmTransposes(_ a: Tensor, _ b: Tensor, n: Int, k: Int, m: Int) -> (Bool, Bool) {
        let (a0, a1, b0, b1) = (a.strides[1], a.strides[2], b.strides[1], b.strides[2])
        if m == 1 {
            return (!(a0 == 1 && a1 >= Swift.max(1, n)), !(b0 == 1 && b1 >= Swift.max(1, k)))
        }
        let ta = b1 == 1 && b0 >= Swift.max(1, m) ? false : (b0 == 1 && b1 >= Swift.max(1, k))
        let tb = a1 == 1 && a0 >= Swift.max(1, k) ? false : (a0 == 1 && a1 >= Swift.max(1, n))
        return (ta, tb)
    }

    /// The float32 dot product of `x` and `y` in `order`.
    static func sum(_ order: Order, _ x: [Float], _ y: [Float]) -> Float {
        let k = x.count
        switch order {
        case .sequential, .floatBuffer:
            var acc: Float = 0
            for p in 0..<k { acc = acc + x[p] * y[p] }
            return acc
        case .fourPartials:
            var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
            var p = 0
            while p + 4 <= k {
                s0 = s0 + x[p] * y[p]; s1 = s1 + x[p + 1] * y[p + 1]
                s2 = s2 + x[p + 2] * y[p + 2]; s3 = s3 + x[p + 3] * y[p + 3]
                p += 4
            }
            while p < k { s0 = s0 + x[p] * y[p]; p += 1 }
            return ((s0 + s1) + s2) + s3
        case .oneDNNPairs(let block):
            var total: Float = 0
            var start = 0
            while start < k {
                let end = Swift.min(start + block, k)
                var acc: Float = 0
                var p = start
                while p < end {
                    if p + 1 < end { acc = flushed(acc + flushedProduct(x[p + 1], y[p + 1])) }
                    acc = flushed(acc + flushedProduct(x[p], y[p]))
                    p += 2
                }
                total = start == 0 ? acc : total + acc
                start = end
            }
            return total
        }
    }

    /// `vdpbf16ps` reads denormal inputs as zero and flushes denormal results.
    @inline(__always) private static func flushedProduct(_ a: Float, _ b: Float) -> Float {
        flushed(a) * flushed(b)
    }

    @inline(__always) private static func flushed(_ v: Float) -> Float {
        v.isSubnormal ? Float(signOf: v, magnitudeOf: 0) : v
    }
}
