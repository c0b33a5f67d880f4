// cuda-check: the GPU half of bench/gpu-check. Runs every generated kernel family on the
// GPU and on the CPU backend over the same inputs and reports the largest difference,
// then times elementwise bandwidth against the card's copy bandwidth and a 4096² SGEMM.
// Prints Markdown lines that bench/gpu-check appends to bench/RESULTS.md.
//
// Usage: cuda-check [families|bandwidth|sgemm|all]
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CUDABackend
import Tensors

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Deterministic values suited to a dtype: ints in a small range, floats in [-3, 3).
func values(_ dtype: DType, _ shape: [Int], seed: UInt64, positive: Bool = false) throws -> Tensor {
    var state = seed &* 6364136223846793005 &+ 1442695040888963407
    let n = shape.reduce(1, *)
    var doubles: [Double] = []
    doubles.reserveCapacity(n)
    for _ in 0..<n {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let u = Double(state >> 11) / Double(1 << 53)
        if dtype == .bool { doubles.append(u < 0.5 ? 0 : 1) }
        else if dtype.isFloatingPoint { doubles.append(positive ? u * 3 + 0.1 : u * 6 - 3) }
        else if dtype == .uint8 { doubles.append((u * 12).rounded(.down) + 1) }
        else { doubles.append(positive ? (u * 6).rounded(.down) + 1 : (u * 12).rounded(.down) - 6) }
    }
    let t = try Tensor(values: doubles, shape: shape, dtype: .float64)
    let out = try Tensor(empty: shape, dtype: dtype)
    try Backends.cpu.copyCast(from: t, into: out)
    return out
}

func difference(_ expected: Tensor, _ actual: Tensor) throws -> Double {
    let e = try expected.elementsAsDouble(), a = try actual.elementsAsDouble()
    var worst = 0.0
    for i in e.indices where !(e[i].isNaN && a[i].isNaN) && e[i] != a[i] {
        worst = max(worst, abs(e[i] - a[i]) / max(1, abs(e[i])))
    }
    return worst
}

struct FamilyReport {
    var checked = 0
    var failures: [String] = []
}

func checkFamilies(_ gpu: GeneratedKernelBackend) throws -> FamilyReport {
    let cpu = Backends.cpu
    var report = FamilyReport()
    func record(_ what: String, _ expected: Tensor, _ deviceResult: Tensor, exact: Bool, dtype: DType) throws {
        report.checked += 1
        let d = try difference(expected, try gpu.download(deviceResult))
        let limit = exact ? 0 : (dtype == .float64 ? 1e-12 : (dtype == .float32 ? 1e-5 : 1e-2))
        if d > limit { report.failures.append("\(what): relative difference \(d)") }
    }
    let shape = [64, 129]
    for dtype in DType.allCases {
        let a = try values(dtype, shape, seed: 1), b = try values(dtype, shape, seed: 2, positive: true)
        let ga = try gpu.upload(a), gb = try gpu.upload(b)
        let gbT = try gpu.upload(try values(dtype, [129, 64], seed: 3, positive: true)).t()
        let bT = try gpu.download(gbT)
        for op in KernelCatalog.binaryOps(dtype) {
            let outType: DType = op.isComparison ? .bool : dtype
            for (hostB, deviceB, layout) in [(b, gb, "plain"), (bT, gbT, "transposed")] {
                let expected = try Tensor(empty: shape, dtype: outType)
                try cpu.binary(op, a, hostB, into: expected)
                let actual = try Tensor(empty: shape, dtype: outType, device: gpu.device)
                try gpu.binary(op, ga, deviceB, into: actual)
                try record("binary \(op) \(dtype) \(layout)", expected, actual, exact: KernelCatalog.isExact(op), dtype: dtype)
            }
        }
        for op in KernelCatalog.unaryOps(dtype) {
            let outType: DType = op.producesBool ? .bool : dtype
            let expected = try Tensor(empty: shape, dtype: outType)
            try cpu.unary(op, b, into: expected)
            let actual = try Tensor(empty: shape, dtype: outType, device: gpu.device)
            try gpu.unary(op, gb, into: actual)
            try record("unary \(op) \(dtype)", expected, actual, exact: KernelCatalog.isExact(op), dtype: dtype)
        }
        for target in DType.allCases {
            let expected = try Tensor(empty: shape, dtype: target)
            try cpu.copyCast(from: a, into: expected)
            let actual = try Tensor(empty: shape, dtype: target, device: gpu.device)
            try gpu.copyCast(from: ga, into: actual)
            try record("cast \(dtype)->\(target)", expected, actual, exact: true, dtype: dtype)
        }
        for op in KernelCatalog.reduceOps(dtype) {
            for dims in [[1], [0], [0, 1]] {
                var outShape = shape
                for d in dims { outShape[d] = 1 }
                let t = KernelCatalog.reduceOutputType(op, dtype)
                let expected = try Tensor(empty: outShape, dtype: t)
                try cpu.reduce(op, b, dims: dims, into: expected)
                let actual = try Tensor(empty: outShape, dtype: t, device: gpu.device)
                try gpu.reduce(op, gb, dims: dims, into: actual)
                let exactOp = !dtype.isFloatingPoint || [.max, .min, .absMax, .absMin, .all, .any, .countNonzero].contains(op)
                try record("reduce \(op) \(dtype) over \(dims)", expected, actual, exact: exactOp, dtype: dtype)
            }
        }
        if dtype.isFloatingPoint {
            for log in [false, true] {
                let expected = log ? try a.logSoftmax(dim: -1) : try a.softmax(dim: -1)
                if let actual = try gpu.softmaxLastDim(ga, log: log) {
                    try record("\(log ? "log_softmax" : "softmax") \(dtype)", expected, actual, exact: false, dtype: dtype)
                }
            }
        }
        if dtype == .float32 || dtype == .float64 || dtype == .float16 {
            let m1 = try values(dtype, [3, 65, 33], seed: 4), m2 = try values(dtype, [3, 33, 17], seed: 5)
            let expected = try Tensor(empty: [3, 65, 17], dtype: dtype)
            try cpu.matmul(m1, m2, into: expected)
            let actual = try Tensor(empty: [3, 65, 17], dtype: dtype, device: gpu.device)
            try gpu.matmul(try gpu.upload(m1), try gpu.upload(m2), into: actual)
            try record("matmul \(dtype)", expected, actual, exact: false, dtype: dtype)
        }
    }
    // PyTorch's CUDA stream: torch.manual_seed(0); torch.randn(3, device="cuda").
    gpu.generator.manualSeed(0)
    let r = try Tensor(empty: [3], device: gpu.device)
    try gpu.normal(r, mean: 0, std: 1)
    let printed = try gpu.download(r).elementsAsDouble().map { ($0 * 10000).rounded() / 10000 }
    report.checked += 1
    if printed != [-0.9247, -0.4253, -2.6438] { report.failures.append("randn(3) after manual_seed(0): \(printed)") }
    return report
}

func bandwidth(_ gpu: GeneratedKernelBackend) throws -> String {
    let n = 1 << 20, repeats = 200
    let a = try gpu.upload(try values(.float32, [n], seed: 1)), b = try gpu.upload(try values(.float32, [n], seed: 2))
    let out = try Tensor(empty: [n], device: gpu.device)
    try gpu.binary(.add, a, b, into: out)
    try gpu.waitForDevice()
    let start = now()
    for _ in 0..<repeats { try gpu.binary(.add, a, b, into: out) }
    try gpu.waitForDevice()
    let seconds = (now() - start) / Double(repeats)
    let addGBs = Double(3 * 4 * n) / seconds / 1e9
    let copyBytes = 256 << 20
    let copySeconds = try gpu.timeDeviceCopy(byteCount: copyBytes, repeats: 20, clock: now).map { $0 / 20 } ?? .nan
    let copyGBs = Double(2 * copyBytes) / copySeconds / 1e9
    return "1M-element float32 add: \(fmt(seconds * 1e6)) µs per op, \(fmt(addGBs)) GB/s; device copy (256 MiB): \(fmt(copyGBs)) GB/s; ratio \(fmt(addGBs / copyGBs))"
}

func sgemm(_ gpu: GeneratedKernelBackend) throws -> String {
    let n = 4096
    let a = try gpu.upload(try values(.float32, [1, n, n], seed: 1)), b = try gpu.upload(try values(.float32, [1, n, n], seed: 2))
    let out = try Tensor(empty: [1, n, n], device: gpu.device)
    try gpu.matmul(a, b, into: out)
    try gpu.waitForDevice()
    let repeats = 10
    let start = now()
    for _ in 0..<repeats { try gpu.matmul(a, b, into: out) }
    try gpu.waitForDevice()
    let seconds = (now() - start) / Double(repeats)
    return "4096² sgemm (cuBLAS, TF32 off): \(fmt(seconds * 1e3)) ms, \(fmt(2 * pow(Double(n), 3) / seconds / 1e12)) TFLOP/s"
}

func fmt(_ v: Double) -> String {
    if !v.isFinite { return "\(v)" }
    let scaled = (v * 100).rounded() / 100
    return "\(scaled)"
}

let arguments = CommandLine.arguments.dropFirst()
let mode = arguments.first { !$0.hasPrefix("--") } ?? "all"
let gpu: GeneratedKernelBackend
if arguments.contains("--host") {
    // The same checks with the kernels compiled by the host C compiler (no GPU needed):
    // proves this program and the kernel drivers before a GPU run.
    var template = Array("/tmp/cuda-check-XXXXXX".utf8CString)
    _ = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    gpu = GeneratedKernelBackend.hostEmulated(directory: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    print("- device: host C compiler (emulated grid)")
} else {
    let availability = CUDA.loadAndRegister()
    guard case .available = availability, let first = CUDA.backends.first else {
        print("CUDA unavailable: \(availability)")
        exit(2)
    }
    gpu = first
    print("- device: \(CUDA.deviceName(0) ?? "?")")
}
do {
    if mode == "families" || mode == "all" {
        let report = try checkFamilies(gpu)
        print("- kernel families GPU vs CPU: \(report.checked - report.failures.count) of \(report.checked) cases agree")
        for f in report.failures.prefix(40) { print("  - differs: \(f)") }
    }
    if mode == "bandwidth" || mode == "all" { print("- " + (try bandwidth(gpu))) }
    if mode == "sgemm" || mode == "all" { print("- " + (try sgemm(gpu))) }
} catch {
    print("- cuda-check failed: \(error)")
    exit(1)
}
