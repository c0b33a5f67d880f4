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

/// An arbitrary-precision integer: a sign and a magnitude of 32-bit limbs, least
/// significant first, without leading zero limbs (zero has none). Python ints that
/// overflow 64 bits become one of these (`PyBigInt`); results that fit go back to `.int`.
struct BigInt: Hashable {
    private(set) var negative: Bool
    private(set) var limbs: [UInt32]

    init(_ i: Int) {
        negative = i < 0
        var m = i.magnitude
        limbs = []
        while m != 0 { limbs.append(UInt32(truncatingIfNeeded: m)); m >>= 32 }
    }

    init(negative: Bool, limbs: [UInt32]) {
        var l = limbs
        while l.last == 0 { l.removeLast() }
        self.limbs = l
        self.negative = l.isEmpty ? false : negative
    }

    /// The integer value of a finite float with no fractional part.
    init(exactly d: Double) {
        precondition(d.isFinite && d == d.rounded())
        if d.magnitude < 9.0e18 { self.init(Int(d)); return }
        let mantissa = UInt64(d.significandBitPattern) | (1 << 52)
        let shift = Int(d.exponent) - 52
        self = BigInt(Int(mantissa)).shiftedLeft(shift)
        if d < 0 { negative = true }
    }

    var isZero: Bool { limbs.isEmpty }
    var signum: Int { isZero ? 0 : negative ? -1 : 1 }

    /// The value as an `Int` when it fits.
    var asInt: Int? {
        if limbs.count > 2 { return nil }
        var m: UInt64 = 0
        for (k, l) in limbs.enumerated() { m |= UInt64(l) << (32 * UInt64(k)) }
        if negative {
            if m <= UInt64(Int.max) + 1 { return m == UInt64(Int.max) + 1 ? Int.min : -Int(m) }
            return nil
        }
        return m <= UInt64(Int.max) ? Int(m) : nil
    }

    /// The number of bits of the magnitude (`int.bit_length`).
    var bitLength: Int {
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - top.leadingZeroBitCount)
    }

    var magnitude: BigInt { BigInt(negative: false, limbs: limbs) }
    static prefix func - (a: BigInt) -> BigInt { BigInt(negative: !a.negative, limbs: a.limbs) }

    // MARK: Magnitudes

    static func compareMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func addMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var out = [UInt32](); out.reserveCapacity(long.count + 1)
        var carry: UInt64 = 0
        for i in 0..<long.count {
            let s = UInt64(long[i]) + (i < short.count ? UInt64(short[i]) : 0) + carry
            out.append(UInt32(truncatingIfNeeded: s)); carry = s >> 32
        }
        if carry != 0 { out.append(UInt32(carry)) }
        return out
    }

    /// a - b for a >= b.
    static func subtractMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out = [UInt32](); out.reserveCapacity(a.count)
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var d = Int64(a[i]) - (i < b.count ? Int64(b[i]) : 0) - borrow
            if d < 0 { d += 1 << 32; borrow = 1 } else { borrow = 0 }
            out.append(UInt32(d))
        }
        while out.last == 0 { out.removeLast() }
        return out
    }

    static func multiplyMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty || b.isEmpty { return [] }
        var out = [UInt32](repeating: 0, count: a.count + b.count)
        var budget = NativeDeadline.chunk
        for i in 0..<a.count {
            // The cell's time limit: stops with an unusable product (the caller throws).
            if NativeDeadline.spend(b.count, &budget) { return [] }
            var carry: UInt64 = 0
            let x = UInt64(a[i])
            if x == 0 { continue }
            for j in 0..<b.count {
                let t = x * UInt64(b[j]) + UInt64(out[i + j]) + carry
                out[i + j] = UInt32(truncatingIfNeeded: t); carry = t >> 32
            }
            var k = i + b.count
            while carry != 0 {
                let t = UInt64(out[k]) + carry
                out[k] = UInt32(truncatingIfNeeded: t); carry = t >> 32; k += 1
            }
        }
        while out.last == 0 { out.removeLast() }
        return out
    }

    /// Quotient and remainder of magnitudes by a single limb.
    static func divideMagnitude(_ a: [UInt32], by d: UInt32) -> ([UInt32], UInt32) {
        var q = [UInt32](repeating: 0, count: a.count)
        var r: UInt64 = 0
        var i = a.count - 1
        while i >= 0 {
            let cur = (r << 32) | UInt64(a[i])
            q[i] = UInt32(cur / UInt64(d)); r = cur % UInt64(d)
            i -= 1
        }
        while q.last == 0 { q.removeLast() }
        return (q, UInt32(r))
    }

    /// Truncating quotient and remainder of magnitudes (Knuth's algorithm D).
    static func divideMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> ([UInt32], [UInt32]) {
        if compareMagnitudes(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            let (q, r) = divideMagnitude(a, by: b[0])
            return (q, r == 0 ? [] : [r])
        }
        let s = UInt32(b.last!.leadingZeroBitCount)
        let v = shiftLimbsLeft(b, Int(s))
        var u = shiftLimbsLeft(a, Int(s))
        if u.count == a.count { u.append(0) }
        let n = v.count, m = u.count - n
        var q = [UInt32](repeating: 0, count: m)
        let vTop = UInt64(v[n - 1]), vNext = UInt64(v[n - 2])
        var j = m - 1
        var budget = NativeDeadline.chunk
        while j >= 0 {
            if NativeDeadline.spend(n, &budget) { return ([], []) }
            let num = (UInt64(u[j + n]) << 32) | UInt64(u[j + n - 1])
            var qhat = num / vTop
            var rhat = num % vTop
            while qhat > 0xFFFF_FFFF || qhat * vNext > ((rhat << 32) | UInt64(u[j + n - 2])) {
                qhat -= 1; rhat += vTop
                if rhat > 0xFFFF_FFFF { break }
            }
            var borrow: Int64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let p = qhat * UInt64(v[i]) + carry
                carry = p >> 32
                let t = Int64(u[i + j]) - borrow - Int64(p & 0xFFFF_FFFF)
                u[i + j] = UInt32(truncatingIfNeeded: t)
                borrow = t < 0 ? 1 : 0
            }
            let t = Int64(u[j + n]) - borrow - Int64(carry)
            u[j + n] = UInt32(truncatingIfNeeded: t)
            if t < 0 {
                qhat -= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let sum = UInt64(u[i + j]) + UInt64(v[i]) + c
                    u[i + j] = UInt32(truncatingIfNeeded: sum); c = sum >> 32
                }
                u[j + n] = UInt32(truncatingIfNeeded: UInt64(u[j + n]) + c)
            }
            q[j] = UInt32(qhat)
            j -= 1
        }
        while q.last == 0 { q.removeLast() }
        var r = shiftLimbsRight(Array(u[0..<n]), Int(s))
        while r.last == 0 { r.removeLast() }
        return (q, r)
    }

    static func shiftLimbsLeft(_ a: [UInt32], _ bits: Int) -> [UInt32] {
        if a.isEmpty { return [] }
        let words = bits / 32, b = UInt32(bits % 32)
        var out = [UInt32](repeating: 0, count: words)
        out.reserveCapacity(words + a.count + 1)
        if b == 0 { out += a } else {
            var carry: UInt32 = 0
            for x in a { out.append((x << b) | carry); carry = x >> (32 - b) }
            if carry != 0 { out.append(carry) }
        }
        return out
    }

    static func shiftLimbsRight(_ a: [UInt32], _ bits: Int) -> [UInt32] {
        let words = bits / 32, b = UInt32(bits % 32)
        if words >= a.count { return [] }
        var out = Array(a[words...])
        if b != 0 {
            for i in 0..<out.count {
                out[i] = (out[i] >> b) | (i + 1 < out.count ? out[i + 1] << (32 - b) : 0)
            }
        }
        while out.last == 0 { out.removeLast() }
        return out
    }

    // MARK: Arithmetic

    static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.negative == b.negative { return BigInt(negative: a.negative, limbs: addMagnitudes(a.limbs, b.limbs)) }
        let c = compareMagnitudes(a.limbs, b.limbs)
        if c == 0 { return BigInt(0) }
        return c > 0 ? BigInt(negative: a.negative, limbs: subtractMagnitudes(a.limbs, b.limbs))
                     : BigInt(negative: b.negative, limbs: subtractMagnitudes(b.limbs, a.limbs))
    }

    static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

    static func * (a: BigInt, b: BigInt) -> BigInt {
        BigInt(negative: a.negative != b.negative, limbs: multiplyMagnitudes(a.limbs, b.limbs))
    }

    /// Floor division and modulo, as Python's `//` and `%` (b != 0).
    func floorDivMod(_ b: BigInt) -> (BigInt, BigInt) {
        let (q, r) = BigInt.divideMagnitudes(limbs, b.limbs)
        var quotient = BigInt(negative: negative != b.negative, limbs: q)
        var remainder = BigInt(negative: negative, limbs: r)
        if !remainder.isZero && remainder.negative != b.negative {
            quotient = quotient - BigInt(1)
            remainder = remainder + b
        }
        return (quotient, remainder)
    }

    func power(_ e: Int) -> BigInt {
        var result = BigInt(1), base = self, e = e
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result
    }

    func shiftedLeft(_ n: Int) -> BigInt {
        n >= 0 ? BigInt(negative: negative, limbs: BigInt.shiftLimbsLeft(limbs, n)) : shiftedRight(-n)
    }

    /// Arithmetic shift: rounds towards negative infinity, as Python's `>>`.
    func shiftedRight(_ n: Int) -> BigInt {
        if n < 0 { return shiftedLeft(-n) }
        if !negative { return BigInt(negative: false, limbs: BigInt.shiftLimbsRight(limbs, n)) }
        // -((|a| - 1) >> n) - 1
        let m = BigInt.subtractMagnitudes(limbs, [1])
        return -BigInt(negative: false, limbs: BigInt.shiftLimbsRight(m, n)) - BigInt(1)
    }

    // MARK: Bitwise (two's complement, as Python defines them for negative ints)

    private func twosComplement(_ width: Int) -> [UInt32] {
        var out = limbs + [UInt32](repeating: 0, count: width - limbs.count)
        if negative {
            for i in 0..<width { out[i] = ~out[i] }
            var i = 0
            while i < width { out[i] &+= 1; if out[i] != 0 { break }; i += 1 }
        }
        return out
    }

    private static func fromTwosComplement(_ w: [UInt32]) -> BigInt {
        guard let top = w.last, top & 0x8000_0000 != 0 else { return BigInt(negative: false, limbs: w) }
        var m = w.map { ~$0 }
        var i = 0
        while i < m.count { m[i] &+= 1; if m[i] != 0 { break }; i += 1 }
        return BigInt(negative: true, limbs: m)
    }

    static func bitwise(_ a: BigInt, _ b: BigInt, _ op: (UInt32, UInt32) -> UInt32) -> BigInt {
        let width = max(a.limbs.count, b.limbs.count) + 1
        let x = a.twosComplement(width), y = b.twosComplement(width)
        return fromTwosComplement((0..<width).map { op(x[$0], y[$0]) })
    }

    // MARK: Comparison

    static func compare(_ a: BigInt, _ b: BigInt) -> Int {
        if a.negative != b.negative { return a.negative ? -1 : 1 }
        let c = compareMagnitudes(a.limbs, b.limbs)
        return a.negative ? -c : c
    }

    /// Exact comparison with a float (NaN compares as unordered: nil).
    func compare(_ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? -1 : 1 }
        let whole = d.rounded(.down)
        let c = BigInt.compare(self, BigInt(exactly: whole))
        if c != 0 { return c }
        return whole == d ? 0 : -1
    }

    // MARK: Conversions

    /// The nearest float (ties to even), or nil when it is out of range (`OverflowError`).
    func toDouble() -> Double? {
        let n = bitLength
        if n <= 64 {
            var m: UInt64 = 0
            for (k, l) in limbs.enumerated() { m |= UInt64(l) << (32 * UInt64(k)) }
            let d = Double(m)
            return negative ? -d : d
        }
        let shift = n - 64
        let topLimbs = BigInt.shiftLimbsRight(limbs, shift)
        var top: UInt64 = 0
        for (k, l) in topLimbs.enumerated() { top |= UInt64(l) << (32 * UInt64(k)) }
        // A sticky bit for the discarded bits keeps the rounding of the 64 kept bits exact.
        let lowBits = BigInt.shiftLimbsLeft(topLimbs, shift)
        if BigInt.compareMagnitudes(lowBits, limbs) != 0 { top |= 1 }
        if shift > 1100 { return nil }
        let d = scalbn(Double(top), shift)
        if d.isInfinite { return nil }
        return negative ? -d : d
    }

    /// The magnitude as `m * 2**e` with `m` in [0.5, 1] correctly rounded (CPython's
    /// `_PyLong_Frexp`, for ints too large for a float).
    func frexp() -> (Double, Int) {
        let n = bitLength
        let top = n > 64 ? BigInt.shiftLimbsRight(limbs, n - 64) : BigInt.shiftLimbsLeft(limbs, 64 - n)
        var bits: UInt64 = 0
        for (k, l) in top.enumerated() { bits |= UInt64(l) << (32 * UInt64(k)) }
        if n > 64 && BigInt.compareMagnitudes(BigInt.shiftLimbsLeft(top, n - 64), limbs) != 0 { bits |= 1 }
        return (scalbn(Double(bits), -64), n)
    }

    /// Digits in `radix` (2...36), lowercase, with a leading '-' when negative.
    func toString(radix: Int = 10) -> String {
        if isZero { return "0" }
        var chunks: [UInt32] = []
        var m = limbs
        var chunkDigits = 1, chunkBase: UInt32 = UInt32(radix)
        while UInt64(chunkBase) * UInt64(radix) <= UInt64(UInt32.max) { chunkBase *= UInt32(radix); chunkDigits += 1 }
        var budget = NativeDeadline.chunk
        while !m.isEmpty {
            if NativeDeadline.spend(m.count, &budget) { return "" }
            let (q, r) = BigInt.divideMagnitude(m, by: chunkBase)
            chunks.append(r); m = q
        }
        var s = negative ? "-" : ""
        s += String(chunks.last!, radix: radix)
        for c in chunks.dropLast().reversed() {
            let d = String(c, radix: radix)
            s += String(repeating: "0", count: chunkDigits - d.count) + d
        }
        return s
    }

    /// Parses digits (no sign, no underscores) in `radix`; nil if a character is not a digit.
    init?(digits: Substring, radix: Int) {
        var mag: [UInt32] = []
        var budget = NativeDeadline.chunk
        for ch in digits {
            if NativeDeadline.spend(mag.count + 1, &budget) { break }
            guard let v = ch.hexDigitValue ?? (ch.isLetter ? Int(ch.asciiValue ?? 255) - 87 : nil), v < radix, v >= 0 else { return nil }
            var carry = UInt64(v)
            for i in 0..<mag.count {
                let t = UInt64(mag[i]) * UInt64(radix) + carry
                mag[i] = UInt32(truncatingIfNeeded: t); carry = t >> 32
            }
            if carry != 0 { mag.append(UInt32(carry)) }
        }
        self.init(negative: false, limbs: mag)
    }

    /// CPython's hash: the value modulo 2**61 - 1, with the sign; -1 becomes -2.
    var pythonHash: Int {
        let p: UInt64 = (1 << 61) - 1
        var x: UInt64 = 0
        for l in limbs.reversed() {
            x = ((x << 32) & p) | (x >> 29)
            x += UInt64(l)
            if x >= p { x -= p }
        }
        var h = Int(x)
        if negative { h = -h }
        return h == -1 ? -2 : h
    }
}

/// A Python int beyond 64 bits. Never holds a value that fits `Int` (those are `.int`).
public final class PyBigInt: PyObject {
    let value: BigInt
    init(_ value: BigInt) { self.value = value }

    /// `.int` when the value fits, else a big int object.
    static func make(_ v: BigInt) -> PyValue {
        if let i = v.asInt { return .int(i) }
        return .object(PyBigInt(v))
    }

    /// The Python int of an unsigned 64-bit value (host code returning a `uint64_t`, as
    /// `torch.initial_seed()` does): `.int` below 2^63, a big int above.
    public static func unsigned(_ u: UInt64) -> PyValue {
        make(BigInt(negative: false, limbs: [UInt32(truncatingIfNeeded: u), UInt32(truncatingIfNeeded: u >> 32)]))
    }

    /// The value when it lies in [2^63, 2^64): what a host argument read as `uint64_t`
    /// accepts beyond `Int` (`torch.manual_seed(2**64 - 1)`); nil otherwise.
    public var asUInt64: UInt64? {
        guard !value.negative, value.limbs.count <= 2 else { return nil }
        var m: UInt64 = 0
        for (k, l) in value.limbs.enumerated() { m |= UInt64(l) << (32 * UInt64(k)) }
        return m
    }
}
