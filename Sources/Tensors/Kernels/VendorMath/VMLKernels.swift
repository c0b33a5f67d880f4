/// Elementwise functions on MKL's Vector Math, as PyTorch's CPU kernels compute them
/// (ATen's `vml.h` with MKL): high accuracy, denormals kept, errors ignored. PyTorch copies
/// non-contiguous operands into a buffer and calls VML on it; VML's results do not depend
/// on where an element sits in the array, so a strided row is gathered the same way here.
enum VMLKernels {
    /// `VML_HA | VML_FTZDAZ_OFF | VML_ERRMODE_IGNORE`.
    static let mode: Int64 = 0x2 | 0x140000 | 0x100

    /// Elements gathered per VML call for strided rows.
    private static let chunk = 1024

    /// ATen's grain for its VML kernels (`IMPLEMENT_FLOAT_KERNEL`): `iter.for_each(..., 2048)`.
    static let grain = 2048

    static func run<T: RealElement>(_ fns: MKLLibrary.VMLFunctions, _ t: T.Type, _ shape: [Int], _ out: Operand, _ a: Operand) {
        let po = out.typed(T.self), pa = a.typed(T.self)
        let loop = StridedLoop(shape: shape, out.strides, a.strides)
        let row = { (oo: Int, oa: Int, _: Int, n: Int, io: Int, ia: Int, _: Int) in
            if io == 1 && ia == 1 {
                var start = 0
                while start < n {
                    let count = min(n - start, Int(Int32.max))
                    call(fns, count, pa + oa + start, po + oo + start)
                    start += count
                }
                return
            }
            withUnsafeTemporaryAllocation(of: T.self, capacity: min(chunk, n)) { buffer in
                let buffer = buffer.baseAddress!
                var start = 0
                while start < n {
                    let count = min(chunk, n - start)
                    for i in 0..<count { buffer[i] = pa[oa + (start + i) * ia] }
                    call(fns, count, buffer, buffer)
                    for i in 0..<count { po[oo + (start + i) * io] = buffer[i] }
                    start += count
                }
            }
        }
        if OpenMPTeam.isOpenMP {
            // As ATen: the elements split between the OpenMP threads (`parallel_for`, grain
            // 2048), each thread calling VML on its piece; MKL inside the region runs on
            // the calling thread. One wake-up per call instead of MKL's own hand-offs.
            VectorizedLoops.segments(loop, grain: grain, row)
        } else {
            // VML splits long arrays across MKL's own threads.
            loop.forEachRow(row)
        }
    }

    @inline(__always)
    private static func call<T>(_ fns: MKLLibrary.VMLFunctions, _ n: Int, _ x: UnsafeMutablePointer<T>, _ y: UnsafeMutablePointer<T>) {
        if T.self == Float.self {
            fns.float(Int32(n), UnsafeRawPointer(x).assumingMemoryBound(to: Float.self),
                      UnsafeMutableRawPointer(y).assumingMemoryBound(to: Float.self), mode)
        } else {
            fns.double(Int32(n), UnsafeRawPointer(x).assumingMemoryBound(to: Double.self),
                       UnsafeMutableRawPointer(y).assumingMemoryBound(to: Double.self), mode)
        }
    }
}

extension UnaryOp {
    /// The VML function PyTorch computes this op with when it has MKL; nil for ops that
    /// PyTorch computes with its own vectorised kernels.
    var vmlName: String? {
        switch self {
        case .exp: "Exp"
        case .log: "Ln"
        case .log2: "Log2"
        case .log10: "Log10"
        case .sqrt: "Sqrt"
        case .sin: "Sin"
        case .cos: "Cos"
        case .tan: "Tan"
        case .asin: "Asin"
        case .acos: "Acos"
        case .atan: "Atan"
        case .tanh: "Tanh"
        case .erf: "Erf"
        case .erfc: "Erfc"
        default: nil
        }
    }
}
