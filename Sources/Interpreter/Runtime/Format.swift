import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    /// `format(v, spec)`.
    public func format(_ v: PyValue, _ spec: String) throws -> String {
        let s = try formatValue(v, spec)
        // A long padding stopped early for the cell's time limit.
        try NativeDeadline.throwIfTripped()
        return s
    }

    /// `format()` of a built-in value; `typeName` names a subclass instance's type in errors
    /// (the value is its unwrapped payload).
    func formatBuiltin(_ v: PyValue, _ spec: String, typeName: String) throws -> String {
        let s: String
        switch v {
        case .int(let i): s = try formatInt(i, spec, typeName: typeName)
        case .float(let d): s = try formatFloat(d, spec, typeName: typeName)
        case .str(let t): s = try formatString(t, spec, typeName: typeName)
        case .object(let o as PyBigInt): s = try formatBigInt(o.value, spec, typeName: typeName)
        default: s = try formatValue(v, spec)
        }
        try NativeDeadline.throwIfTripped()
        return s
    }

    private func formatValue(_ v: PyValue, _ spec: String) throws -> String {
        switch v {
        case .int(let i): return try formatInt(i, spec)
        case .bool(let b): return spec.isEmpty ? (b ? "True" : "False") : try formatInt(b ? 1 : 0, spec, typeName: "bool")
        case .float(let d): return try formatFloat(d, spec)
        case .str(let s): return try formatString(s, spec)
        case .object(let o as PyBigInt): return try formatBigInt(o.value, spec)
        case .object(let o) where o is PyInstance:
            if let m = typeOf(v).lookup(N.__format__) {
                let r = try callAttribute(m, receiver: v, Arguments([.str(spec)]))
                guard case .str(let s) = r else { throw PyError.typeError("__format__ must return a str, not \(typeName(r))") }
                return s
            }
            fallthrough
        default:
            if spec.isEmpty { return try str(v) }
            throw PyError.typeError("unsupported format string passed to \(typeName(v)).__format__")
        }
    }
}
