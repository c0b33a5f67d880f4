import Interpreter

/// Where PyTorch's argument parser insists on a Tensor: the plain `Tensor` parameters of
/// one-signature native functions and methods (generated into `TensorParameters+Data.swift`
/// by scripts/keywords/gen_tensor_parameters.py from PyTorch's type stubs).
///
/// PyTorch turns a Python number into a tensor only for `add`, `mul`, `div`... (its
/// `should_allow_numbers_as_tensors`), so `torch.minimum(x, 2)` raises "minimum(): argument
/// 'other' (position 2) must be Tensor, not int" where an op body would happily wrap the
/// number. The Binder asks this table once per call that passes a number positionally, so
/// every op bound there refuses the same way, not one op at a time.
struct TensorParameters: Sendable {
    let functions: [String: [(position: Int, name: String)]]
    let methods: [String: [(position: Int, name: String)]]

    static let shared = TensorParameters(data)

    init(_ text: String) {
        var functions: [String: [(position: Int, name: String)]] = [:], methods = functions
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 3 else { continue }
            let params = f[2].split(separator: " ").compactMap { p -> (position: Int, name: String)? in
                let parts = p.split(separator: ":")
                guard parts.count == 2, let i = Int(parts[0]) else { return nil }
                return (i, String(parts[1]))
            }
            if f[0] == "F" { functions[f[1]] = params } else { methods[f[1]] = params }
        }
        self.functions = functions
        self.methods = methods
    }

    /// A Python number (int, float, bool, complex, big int): what the parser refuses as a Tensor.
    static func isPythonNumber(_ v: PyValue) -> Bool {
        switch v {
        case .bool, .int, .float: return true
        case .object(let o): return o is PyBigInt || v.complexParts != nil
        default: return false
        }
    }

    /// PyTorch's TypeError when `positional` (the call's positional arguments, a method's
    /// `self` left out) puts a number where `name` takes a Tensor.
    func check(_ name: String, method: Bool, _ positional: [PyValue], rt: TorchRuntime) throws {
        guard let params = (method ? methods : functions)[name] else { return }
        for (position, param) in params {
            // A function's positions count its input (position 1, not in `positional` here
            // when `skipsInput`); a method's count from its first argument after self.
            let i = position - 1
            guard i < positional.count, Self.isPythonNumber(positional[i]) else { continue }
            throw PyError.typeError("\(name)(): argument '\(param)' (position \(position)) must be Tensor, not \(rt.typeNameForError(positional[i]))")
        }
    }
}

extension KeywordTable.Entry {
    /// PyTorch's parser reports a missing parameter as `f() missing 1 required positional
    /// arguments: "dim"` (its plural kept for one, the names double-quoted); bodies that bind
    /// with the interpreter's `Signature` raise CPython's wording. The Binder rewrites that
    /// message for native ops, so each body need not spell PyTorch's.
    func nativeMissingArguments(_ error: PyError) -> PyError {
        guard case .native = style, error.typeName == "TypeError", let message = error.nativeMessage else { return error }
        let prefix = "\(name)() missing "
        guard message.hasPrefix(prefix) else { return error }
        let rest = message.dropFirst(prefix.count)
        guard let colon = rest.range(of: " required positional argument"), let count = Int(rest[..<colon.lowerBound]),
              let start = rest.range(of: ": ") else { return error }
        var names: [String] = [], current = "", quoted = false
        for c in rest[start.upperBound...] {
            if c == "'" {
                if quoted { names.append(current); current = "" }
                quoted.toggle()
            } else if quoted {
                current.append(c)
            }
        }
        guard names.count == count else { return error }
        let plural = count == 1 ? "s" : ""
        return .typeError("\(name)() missing \(count) required positional argument\(plural): " + names.map { "\"\($0)\"" }.joined(separator: ", "))
    }
}
