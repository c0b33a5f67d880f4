#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A shared library opened with dlopen, kept open for the life of the process.
/// Nothing here links against CUDA: every entry point is looked up by name at run time.
struct DynamicLibrary: @unchecked Sendable {
    let path: String
    let handle: UnsafeMutableRawPointer

    /// Tries each candidate name in each directory (then, if `systemSearch`, the bare name
    /// through the dynamic loader's own search). Returns the library or every failure text.
    static func open(names: [String], directories: [String], systemSearch: Bool) -> Result<DynamicLibrary, LoadFailure> {
        var tried: [String] = []
        var candidates: [String] = []
        for dir in directories where !dir.isEmpty {
            for name in names { candidates.append(dir.hasSuffix("/") ? dir + name : dir + "/" + name) }
        }
        if systemSearch { candidates += names }
        for path in candidates {
            if let h = dlopen(path, RTLD_NOW | RTLD_LOCAL) { return .success(DynamicLibrary(path: path, handle: h)) }
            tried.append(path)
        }
        return .failure(LoadFailure(reason: "\(names[0]) not found (tried \(tried.joined(separator: ", ")))"))
    }

    /// The address of `symbol` as a C function type.
    func function<F>(_ symbol: String, as type: F.Type) -> Result<F, LoadFailure> {
        guard let p = dlsym(handle, symbol) else {
            return .failure(LoadFailure(reason: "\(path) lacks \(symbol)"))
        }
        return .success(unsafeBitCast(p, to: F.self))
    }
}

/// Why a CUDA library could not be used: becomes `torch.cuda.is_available() == False`.
struct LoadFailure: Error {
    let reason: String
}
