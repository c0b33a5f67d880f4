#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import CUDABackend
import Tensors

/// A fresh folder under /tmp for compiled kernels and fake libraries.
func temporaryDirectory(_ tag: String) -> String {
    var template = Array("/tmp/gradbook-cuda-\(tag)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    return cBufferString(template)
}

/// Writes `text` to `path`.
func writeFile(_ path: String, _ text: String) {
    let f = fopen(path, "w")!
    fputs(text, f)
    fclose(f)
}

/// Compiles C source into a shared library with the host compiler; the command's status.
@discardableResult
func buildSharedLibrary(_ source: String, at path: String) -> Int32 {
    writeFile(path + ".c", source)
    return system("cc -shared -fPIC -w -o '\(path)' '\(path).c'")
}

/// One backend running generated kernels on the host, shared by the kernel tests so each
/// kernel source compiles once per test run.
enum HostBackend {
    static let shared: GeneratedKernelBackend = {
        let device = HostKernelDevice(directory: temporaryDirectory("kernels"))
        // Every catalog kernel in one compiler run; anything else compiles on first use.
        do { try device.precompile(catalogSources()) } catch { fatalError("\(error)") }
        return GeneratedKernelBackend(device: .cpu, kernels: device)
    }()
}

/// The sources of every family for every op and dtype the catalog lists.
func catalogSources() -> [KernelSource] {
    var all: [KernelSource] = []
    for t in kernelDTypes {
        for op in KernelCatalog.binaryOps(t) {
            let out: DType = op.isComparison ? .bool : t
            all.append(ElementwiseSource.binary(op, input: t, output: out, scalar: nil))
            all.append(ElementwiseSource.binary(op, input: t, output: out, scalar: .left))
            all.append(ElementwiseSource.binary(op, input: t, output: out, scalar: .right))
        }
        for op in KernelCatalog.unaryOps(t) { all.append(ElementwiseSource.unary(op, input: t, output: op.producesBool ? .bool : t)) }
        for d in kernelDTypes { all.append(ElementwiseSource.cast(from: t, to: d)) }
        all.append(ElementwiseSource.fill(t))
        for op in KernelCatalog.reduceOps(t) {
            all.append(ReduceSource.source(op, input: t, output: KernelCatalog.reduceOutputType(op, t)).source)
        }
        all.append(ArgReduceSource.source(isMax: true, input: t).source)
        all.append(ArgReduceSource.source(isMax: false, input: t).source)
        if t.isFloatingPoint {
            for log in [false, true] {
                all.append(SoftmaxSource.forward(t, log: log))
                all.append(SoftmaxSource.backward(t, log: log))
            }
            all.append(PhiloxSource.source(.normal, output: t))
            all.append(PhiloxSource.source(.uniform, output: t))
        }
    }
    return Array(Set(all))
}

/// Elements as doubles, NaN-aware comparison within `tolerance` (relative, and absolute near 0).
func mismatch(_ expected: Tensor, _ actual: Tensor, tolerance: Double = 0) throws -> String? {
    if expected.sizes != actual.sizes { return "sizes \(expected.sizes) vs \(actual.sizes)" }
    if expected.dtype != actual.dtype { return "dtype \(expected.dtype) vs \(actual.dtype)" }
    if expected.dtype == .int64 {
        let e = try expected.elementsAsInt64(), a = try actual.elementsAsInt64()
        return e == a ? nil : "\(e) vs \(a)"
    }
    let e = try expected.elementsAsDouble(), a = try actual.elementsAsDouble()
    for i in e.indices {
        if e[i].isNaN && a[i].isNaN { continue }
        if e[i] == a[i] { continue }
        if tolerance > 0 && abs(e[i] - a[i]) <= tolerance * max(1, abs(e[i])) { continue }
        return "element \(i): expected \(e[i]), got \(a[i]) (all: \(e) vs \(a))"
    }
    return nil
}

/// Test inputs of every dtype: a [3, 4] tensor of values suited to the dtype.
func sample(_ dtype: DType, second: Bool = false) throws -> Tensor {
    switch dtype {
    case .bool:
        let v: [Bool] = second ? [true, false, false, true, true, true, false, false, true, false, true, false]
            : [true, true, false, false, true, false, true, false, false, true, true, false]
        return try Tensor(values: v, shape: [3, 4])
    case .uint8:
        let v: [Int64] = second ? [1, 3, 2, 7, 1, 5, 3, 2, 4, 9, 6, 1] : [0, 1, 2, 3, 5, 9, 200, 255, 17, 64, 128, 33]
        return try Tensor(values: v, shape: [3, 4], dtype: dtype)
    case .int8, .int16, .int32, .int64:
        let v: [Int64] = second ? [1, -3, 2, 7, -1, 5, 3, -2, 4, 6, -5, 1] : [-7, -3, -1, 0, 1, 2, 5, 9, 100, -100, 13, -13]
        return try Tensor(values: v, shape: [3, 4], dtype: dtype)
    default:
        let v: [Double] = second ? [1.5, -0.75, 2, 3, -2.5, 0.5, 4, -1, 2, 0.25, -3, 7]
            : [-3.5, -1, -0.5, 0, 0.25, 1, 2.5, 7, -0.0, 0.75, 1.25, -2.25]
        return try Tensor(values: v, shape: [3, 4], dtype: dtype)
    }
}

/// The tolerance for transcendental results of a dtype (host libm vs the CPU backend's).
func mathTolerance(_ dtype: DType) -> Double {
    switch dtype {
    case .float16: 2e-3
    case .bfloat16: 1e-2
    case .float32: 2e-6
    default: 1e-13
    }
}

/// The dtypes the generated kernels cover: every dtype but the complex ones, which the
/// backend refuses before generating code (`GeneratedKernelBackend.refuseComplex`).
let kernelDTypes = DType.allCases.filter { !$0.isComplex }
