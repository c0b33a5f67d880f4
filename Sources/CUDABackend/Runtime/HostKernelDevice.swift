#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Tensors

/// Runs generated kernel sources on the CPU: each source is compiled by the host C compiler
/// (`cc`, or `GRADBOOK_HOST_CC`) into a shared object, loaded with dlopen, and its kernels
/// run through the `gb_launch_<name>` grid loop the prelude defines. Memory is host memory.
/// For tests: it proves the generated code computes what the CPU backend computes.
final class HostKernelDevice: KernelDevice, @unchecked Sendable {
    private let directory: String
    private let compiler: String
    private var compiled: [KernelSource: UnsafeMutableRawPointer] = [:]
    private let lock = SpinLock()
    private var counter = 0
    /// Sources this device compiled, for tests that count compilations.
    private(set) var compileCount = 0

    let multiprocessorCount: Int
    let maxThreadsPerMultiprocessor: Int

    init(directory: String, compiler: String? = nil, multiprocessors: Int = 2, maxThreadsPerMultiprocessor: Int = 512) {
        self.directory = directory
        self.compiler = compiler ?? (getenv("GRADBOOK_HOST_CC").map { String(cString: $0) } ?? "cc")
        self.multiprocessorCount = multiprocessors
        self.maxThreadsPerMultiprocessor = maxThreadsPerMultiprocessor
    }

    func allocate(byteCount: Int) throws(TensorError) -> UInt64 {
        guard let p = malloc(max(byteCount, 1)) else { throw .outOfMemory(bytes: byteCount) }
        return UInt64(UInt(bitPattern: p))
    }

    func free(_ address: UInt64) { releaseHostMemory(UnsafeMutableRawPointer(bitPattern: UInt(address))) }

    func copyToHost(_ source: UInt64, _ destination: UnsafeMutableRawPointer, byteCount: Int) throws(TensorError) {
        destination.copyMemory(from: UnsafeRawPointer(bitPattern: UInt(source))!, byteCount: byteCount)
    }

    func copyFromHost(_ source: UnsafeRawPointer, _ destination: UInt64, byteCount: Int) throws(TensorError) {
        UnsafeMutableRawPointer(bitPattern: UInt(destination))!.copyMemory(from: source, byteCount: byteCount)
    }

    func launch(_ kernel: String, in source: KernelSource, args: KernelArgs, blocks: Int, threadsPerBlock: Int) throws(TensorError) {
        let handle = try library(for: source)
        typealias Launcher = @convention(c) (UnsafeRawPointer, UInt32, UInt32) -> Void
        guard let symbol = dlsym(handle, "gb_launch_" + kernel) else {
            throw .runtime("host kernel \(kernel) not found in its compiled source")
        }
        let launcher = unsafeBitCast(symbol, to: Launcher.self)
        args.slots.withUnsafeBytes { launcher($0.baseAddress!, UInt32(blocks), UInt32(threadsPerBlock)) }
    }

    private func library(for source: KernelSource) throws(TensorError) -> UnsafeMutableRawPointer {
        if let h = lock.withLock({ compiled[source] }) { return h }
        return try compile([source])
    }

    /// Compiles many sources as one translation unit (one compiler run instead of one per
    /// kernel): the prelude once, then each body with its local helpers renamed.
    func precompile(_ sources: [KernelSource]) throws(TensorError) {
        let missing = Array(Set(sources.filter { s in lock.withLock { compiled[s] == nil } }))
        if !missing.isEmpty { _ = try compile(missing) }
    }

    private func compile(_ sources: [KernelSource]) throws(TensorError) -> UnsafeMutableRawPointer {
        let id = lock.withLock { () -> Int in counter += 1; return counter }
        let base = "\(directory)/k\(getpid())_\(id)"
        let cPath = base + ".c", soPath = base + ".so"
        guard let file = fopen(cPath, "w") else { throw .runtime("cannot write \(cPath)") }
        fputs(KernelPrelude.text, file)
        for (i, s) in sources.enumerated() {
            for name in KernelSource.localNames { fputs("#define \(name) \(name)_\(i)\n", file) }
            fputs(s.body, file)
            for name in KernelSource.localNames { fputs("#undef \(name)\n", file) }
        }
        fclose(file)
        let command = "\(compiler) -std=gnu99 -O0 -shared -fPIC -w -o '\(soPath)' '\(cPath)' -lm 2>'\(base).log'"
        if system(command) != 0 {
            throw .runtime("host compile of \(sources.map(\.name).joined(separator: ", ")) failed: \(Self.read(base + ".log"))")
        }
        guard let handle = dlopen(soPath, RTLD_NOW | RTLD_LOCAL) else {
            throw .runtime("dlopen \(soPath): \(String(cString: dlerror()))")
        }
        lock.withLock {
            for s in sources { compiled[s] = handle }
            compileCount += 1
        }
        return handle
    }

    static func read(_ path: String) -> String {
        guard let f = fopen(path, "r") else { return "" }
        defer { fclose(f) }
        var text = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), f) != nil { text += cBufferString(buffer) }
        return text
    }

    func gemm(_ dtype: DType, transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
              a: UInt64, lda: Int, b: UInt64, ldb: Int, beta: Double, c: UInt64, ldc: Int) throws(TensorError) {
        // Reference column-major GEMM with double accumulation.
        func load(_ base: UInt64, _ index: Int) -> Double {
            let p = UnsafeRawPointer(bitPattern: UInt(base))!
            return dtype == .float32 ? Double(p.load(fromByteOffset: index * 4, as: Float.self))
                : p.load(fromByteOffset: index * 8, as: Double.self)
        }
        let pc = UnsafeMutableRawPointer(bitPattern: UInt(c))!
        for j in 0..<n {
            for i in 0..<m {
                var acc = 0.0
                for p in 0..<k {
                    let av = load(a, transA ? p + i * lda : i + p * lda)
                    let bv = load(b, transB ? j + p * ldb : p + j * ldb)
                    acc += av * bv
                }
                let old = beta == 0 ? 0 : load(c, i + j * ldc)
                let value = alpha * acc + beta * old
                if dtype == .float32 { pc.storeBytes(of: Float(value), toByteOffset: (i + j * ldc) * 4, as: Float.self) }
                else { pc.storeBytes(of: value, toByteOffset: (i + j * ldc) * 8, as: Double.self) }
            }
        }
    }

    func synchronize() throws(TensorError) {}
}

/// C's free, named apart from `KernelDevice.free`.
func releaseHostMemory(_ p: UnsafeMutableRawPointer?) { free(p) }

/// The text of a NUL-terminated C buffer.
func cBufferString(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
