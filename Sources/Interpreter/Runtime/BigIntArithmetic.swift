#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Arithmetic on ints beyond 64 bits. The `.int` fast paths stay as they were; an
/// operation that overflows, or one with a `PyBigInt` operand, comes here.
extension Interpreter {
    /// An int operand (small, bool or big) as a `BigInt`.
    func bigOperand(_ v: PyValue) -> BigInt? {
        switch v {
        case .int(let i): return BigInt(i)
        case .bool(let b): return BigInt(b ? 1 : 0)
        case .object(let o): return (o as? PyBigInt)?.value
        default: return nil
        }
    }

    /// `a op b` when an operand is a big int; nil when neither is.
    func bigNumericBinary(_ op: BinaryOp, _ a: PyValue, _ b: PyValue) throws -> PyValue? {
        let aBig = a.asObject is PyBigInt, bBig = b.asObject is PyBigInt
        guard aBig || bBig else { return nil }
        // No float or int slot for these: the generic path names both operand types.
        if op == .matmul { return nil }
        if [.lshift, .rshift, .and, .or, .xor].contains(op), case .float = a { return nil }
        if [.lshift, .rshift, .and, .or, .xor].contains(op), case .float = b { return nil }
        if case .float(let y) = b, let x = bigOperand(a) { return try floatBinary(op, try bigToDouble(x), y) }
        if case .float(let x) = a, let y = bigOperand(b) { return try floatBinary(op, x, try bigToDouble(y)) }
        guard let x = bigOperand(a), let y = bigOperand(b) else { return nil }
        return try bigBinary(op, x, y)
    }

    /// `float(n)` for a big int: correctly rounded, or CPython's OverflowError.
    func bigToDouble(_ x: BigInt) throws -> Double {
        guard let d = x.toDouble() else { throw PyError.overflow("int too large to convert to float") }
        return d
    }

    func bigBinary(_ op: BinaryOp, _ x: BigInt, _ y: BigInt) throws -> PyValue {
        let result = try bigBinaryUnchecked(op, x, y)
        // A magnitude loop that stopped for the cell's time limit left a wrong result.
        try NativeDeadline.throwIfTripped()
        return result
    }

    private func bigBinaryUnchecked(_ op: BinaryOp, _ x: BigInt, _ y: BigInt) throws -> PyValue {
        switch op {
        case .add: return PyBigInt.make(x + y)
        case .sub: return PyBigInt.make(x - y)
        case .mul: return PyBigInt.make(x * y)
        case .floordiv:
            if y.isZero { throw PyError.zeroDivision("integer division or modulo by zero") }
            return PyBigInt.make(x.floorDivMod(y).0)
        case .mod:
            if y.isZero { throw PyError.zeroDivision("integer modulo by zero") }
            return PyBigInt.make(x.floorDivMod(y).1)
        case .truediv:
            if y.isZero { throw PyError.zeroDivision("division by zero") }
            return .float(try trueDivide(x, y))
        case .pow:
            if y.negative {
                if x.isZero { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(Glibc.pow(try bigToDouble(x), try bigToDouble(y)))
            }
            if let small = x.asInt, small == 0 || small == 1 { return .int(small) }
            if let small = x.asInt, small == -1 { return .int(y.limbs.first.map { $0 & 1 == 1 ? -1 : 1 } ?? 1) }
            guard let e = y.asInt, e.magnitude < 1 << 32, Double(x.bitLength) * Double(e) < 1e8 else {
                throw PyError(type: "MemoryError", args: [])
            }
            return PyBigInt.make(x.power(e))
        case .lshift:
            if y.negative { throw PyError.valueError("negative shift count") }
            if x.isZero { return .int(0) }
            guard let n = y.asInt, n < 1 << 28 else { throw PyError.overflow("too many digits in integer") }
            return PyBigInt.make(x.shiftedLeft(n))
        case .rshift:
            if y.negative { throw PyError.valueError("negative shift count") }
            guard let n = y.asInt else { return .int(x.negative ? -1 : 0) }
            return PyBigInt.make(x.shiftedRight(n))
        case .and: return PyBigInt.make(BigInt.bitwise(x, y, &))
        case .or: return PyBigInt.make(BigInt.bitwise(x, y, |))
        case .xor: return PyBigInt.make(BigInt.bitwise(x, y, ^))
        case .matmul:
            throw PyError.typeError("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    /// `x / y` correctly rounded, as CPython divides ints: a quotient of at least 66 bits
    /// with a sticky bit for a non-zero remainder, then scaled.
    func trueDivide(_ x: BigInt, _ y: BigInt) throws -> Double {
        if x.bitLength <= 53 && y.bitLength <= 53 { return try bigToDouble(x) / bigToDouble(y) }
        let shift = max(0, 66 - (x.bitLength - y.bitLength))
        let (q, r) = x.magnitude.shiftedLeft(shift).floorDivMod(y.magnitude)
        var quotient = q
        if !r.isZero { quotient = BigInt.bitwise(quotient, BigInt(1), |) }
        guard let d = quotient.toDouble() else { throw PyError.overflow("integer division result too large for a float") }
        let result = scalbn(d, -shift)
        if result.isInfinite { throw PyError.overflow("integer division result too large for a float") }
        return x.negative != y.negative ? -result : result
    }

    /// Unary operators on a big int; nil for other values.
    func bigUnary(_ op: UnaryOp, _ v: PyValue) -> PyValue? {
        guard case .object(let o) = v, let b = o as? PyBigInt else {
            if op == .neg, case .int(let i) = v, i == .min { return PyBigInt.make(-BigInt(i)) }
            return nil
        }
        switch op {
        case .neg: return PyBigInt.make(-b.value)
        case .pos: return v
        case .invert: return PyBigInt.make(-b.value - BigInt(1))
        case .not: return .false
        }
    }

    /// `==` between a big int and another number; nil when `b` is not a number.
    func bigEquals(_ a: PyBigInt, _ b: PyValue) -> Bool? {
        switch b {
        case .int, .bool: return false
        case .float(let d): return a.value.compare(d) == 0
        case .object(let o):
            if let c = o as? PyBigInt { return a.value == c.value }
            return nil
        default: return nil
        }
    }

    /// Ordering of numbers when one is a big int (or an int beyond 2**53 against a float,
    /// compared exactly as CPython does); nil when not both are numbers.
    func bigCompare(_ a: PyValue, _ b: PyValue) -> Int?? {
        if let x = bigOperand(a) {
            if let y = bigOperand(b) { return .some(BigInt.compare(x, y)) }
            if case .float(let d) = b { return .some(x.compare(d)) }
            return nil
        }
        if case .float(let d) = a, let y = bigOperand(b) {
            return .some(y.compare(d).map { -$0 })
        }
        return nil
    }

    /// `int(x)` of a float, however large.
    func intFromDouble(_ d: Double) throws -> PyValue {
        if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
        if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
        let t = d.rounded(.towardZero)
        if let i = Int(exactly: t) { return .int(i) }
        return PyBigInt.make(BigInt(exactly: t))
    }

    /// `int(s, base)`, however many digits.
    func intFromString(_ s: String, base: Int) throws -> PyValue {
        if let i = try? parseInt(s, base: base) { return .int(i) }
        var t = Substring(s.trimmingSpaces())
        var negative = false
        if t.hasPrefix("-") { negative = true; t = t.dropFirst() } else if t.hasPrefix("+") { t = t.dropFirst() }
        var b = base
        let lower = t.lowercased()
        if (b == 16 || b == 0) && lower.hasPrefix("0x") { t = t.dropFirst(2); b = 16 }
        else if (b == 8 || b == 0) && lower.hasPrefix("0o") { t = t.dropFirst(2); b = 8 }
        else if (b == 2 || b == 0) && lower.hasPrefix("0b") { t = t.dropFirst(2); b = 2 }
        if b == 0 { b = 10 }
        let validUnderscores = !t.hasPrefix("_") && !t.hasSuffix("_") && !t.contains("__")
        let digits = t.replacing("_", with: "")
        // CPython checks the length before converting (bases that are powers of two are free).
        let limit = intMaxStrDigits
        if limit > 0 && b & (b - 1) != 0 && digits.count > limit {
            // CPython counts the digits valid in the base before the first other character.
            let valid = digits.prefix { ($0.hexDigitValue ?? ($0.isASCII && $0.isLetter ? Int($0.asciiValue!) - 87 : 99)) < b }.count
            if valid > limit {
                throw PyError.valueError("Exceeds the limit (\(limit) digits) for integer string conversion: value has \(valid) digits; use sys.set_int_max_str_digits() to increase the limit")
            }
        }
        let parsed = (2...36).contains(b) ? BigInt(digits: Substring(digits), radix: b) : nil
        try NativeDeadline.throwIfTripped()
        guard validUnderscores, !digits.isEmpty, let v = parsed else {
            throw PyError.valueError("invalid literal for int() with base \(base): \(stringRepr(s))")
        }
        return PyBigInt.make(negative ? -v : v)
    }
}

extension Interpreter {
    /// `str(n)` of a big int, within `sys.set_int_max_str_digits` (CPython's 4300 digits by
    /// default) and the cell's time limit. Like CPython, a value far past the limit is
    /// refused from its size before any digit is computed.
    func decimalString(_ n: BigInt) throws -> String {
        let limit = intMaxStrDigits
        func refuse() -> PyError {
            PyError.valueError("Exceeds the limit (\(limit) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
        }
        // bitLength * log10(2) - 1 digits at least.
        if limit > 0 && Double(n.bitLength) * 0.30102999566398120 - 1 > Double(limit) { throw refuse() }
        let s = n.toString()
        try NativeDeadline.throwIfTripped()
        if limit > 0 && s.utf8.count - (n.negative ? 1 : 0) > limit { throw refuse() }
        return s
    }
}

extension Interpreter {
    /// An int beyond 2**53 against a float, compared exactly (a float cannot hold every
    /// such int); nil for other operands.
    func exactIntFloatCompare(_ a: PyValue, _ b: PyValue) -> Int?? {
        if case .int(let i) = a, case .float(let d) = b, i.magnitude > 1 << 53 { return .some(BigInt(i).compare(d)) }
        if case .float(let d) = a, case .int(let i) = b, i.magnitude > 1 << 53 { return .some(BigInt(i).compare(d).map { -$0 }) }
        return nil
    }
}
