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
    func buildMath(_ m: PyModule) {
        m.add("pi", .float(Double.pi))
        m.add("e", .float(2.718281828459045))
        m.add("tau", .float(2 * Double.pi))
        m.add("inf", .float(.infinity))
        m.add("nan", .float(.nan))
        func domain() -> PyError { PyError.valueError("math domain error") }
        bindMathExtras(m)
        func unary(_ name: String, _ ok: @escaping (Double) -> Bool = { _ in true }, _ f: @escaping (Double) -> Double) {
            m.addFunction(name) { i, a in
                try a.check(name, 1)
                if name == "log2" || name == "log10", case .object(let o as PyBigInt) = a[0] {
                    if o.value.negative { throw domain() }
                    return .float(bigLog(o.value, f))
                }
                let x = try i.doubleArgument(a[0])
                if !ok(x) { throw domain() }
                let r = f(x)
                if r.isInfinite && x.isFinite { throw PyError.overflow("math range error") }
                if r.isNaN && !x.isNaN { throw domain() }
                return .float(r)
            }
        }
        unary("sqrt", { $0 >= 0 || $0.isNaN }) { $0.squareRoot() }
        unary("exp") { exp($0) }
        unary("expm1") { expm1($0) }
        unary("log2", { $0 > 0 || $0.isNaN }) { log2($0) }
        unary("log10", { $0 > 0 || $0.isNaN }) { log10($0) }
        unary("log1p", { $0 > -1 || $0.isNaN }) { log1p($0) }
        unary("sin", { !$0.isInfinite }) { sin($0) }
        unary("cos", { !$0.isInfinite }) { cos($0) }
        unary("tan", { !$0.isInfinite }) { tan($0) }
        unary("asin", { abs($0) <= 1 || $0.isNaN }) { asin($0) }
        unary("acos", { abs($0) <= 1 || $0.isNaN }) { acos($0) }
        unary("atan") { atan($0) }
        unary("sinh") { sinh($0) }
        unary("cosh") { cosh($0) }
        unary("tanh") { tanh($0) }
        unary("asinh") { asinh($0) }
        unary("acosh", { $0 >= 1 || $0.isNaN }) { acosh($0) }
        unary("atanh", { abs($0) < 1 || $0.isNaN }) { atanh($0) }
        unary("fabs") { abs($0) }
        unary("erf") { erf($0) }
        unary("erfc") { erfc($0) }
        unary("gamma", { !($0 <= 0 && $0 == $0.rounded()) && $0 != -.infinity }) { LanczosGamma.gamma($0) }
        unary("lgamma", { !($0 <= 0 && $0 == $0.rounded() && $0.isFinite) }) { LanczosGamma.logGamma($0) }
        // CPython multiplies by one rounded constant (degToRad = pi / 180), not by pi then / 180.
        unary("degrees") { $0 * (180.0 / Double.pi) }
        unary("radians") { $0 * (Double.pi / 180.0) }
        m.addFunction("log") { i, a in
            try a.check("log", 1, 2)
            if let n = a[0].asInt, a.count == 1 {
                if n <= 0 { throw domain() }
                return .float(log(Double(n)))
            }
            if case .object(let o as PyBigInt) = a[0] {
                if o.value.negative { throw domain() }
                let ln = bigLog(o.value, { Glibc.log($0) })
                if a.count == 2 {
                    if case .object(let b as PyBigInt) = a[1] { return .float(ln / bigLog(b.value, { Glibc.log($0) })) }
                    return .float(ln / Glibc.log(try i.doubleArgument(a[1])))
                }
                return .float(ln)
            }
            let x = try i.doubleArgument(a[0])
            if x <= 0 && !x.isNaN { throw domain() }
            if a.count == 2 {
                let b = try i.doubleArgument(a[1])
                if b <= 0 || b == 1 { throw b == 1 ? PyError.zeroDivision("float division by zero") : domain() }
                return .float(log(x) / log(b))
            }
            return .float(log(x))
        }
        func rounding(_ name: String, _ rule: FloatingPointRoundingRule, _ special: Name) {
            m.addFunction(name) { i, a in
                try a.check(name, 1)
                if let n = a[0].asInt { return .int(n) }
                if a[0].asObject is PyBigInt { return a[0] }
                if case .float(let d) = a[0] { return try i.intFromDouble(d.rounded(rule)) }
                if let r = try i.callSpecial(a[0], special, []) { return r }
                return try i.intFromDouble(try i.doubleArgument(a[0]).rounded(rule))
            }
        }
        rounding("floor", .down, Name("__floor__"))
        rounding("ceil", .up, Name("__ceil__"))
        rounding("trunc", .towardZero, Name("__trunc__"))
        m.addFunction("pow") { i, a in
            try a.check("pow", 2)
            let x = try i.doubleArgument(a[0]), y = try i.doubleArgument(a[1])
            if x == 0 && y < 0 { throw domain() }
            if x < 0 && x.isFinite && y != y.rounded() && y.isFinite { throw domain() }
            let r = pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyError.overflow("math range error") }
            return .float(r)
        }
        m.addFunction("atan2") { i, a in try a.check("atan2", 2); return .float(atan2(try i.doubleArgument(a[0]), try i.doubleArgument(a[1]))) }
        m.addFunction("copysign") { i, a in try a.check("copysign", 2); return .float(copysign(try i.doubleArgument(a[0]), try i.doubleArgument(a[1]))) }
        m.addFunction("fmod") { i, a in
            try a.check("fmod", 2)
            let y = try i.doubleArgument(a[1])
            let x = try i.doubleArgument(a[0])
            if y == 0 || x.isInfinite { throw domain() }
            return .float(fmod(x, y))
        }
        m.addFunction("hypot") { i, a in
            var s = 0.0
            for v in a.positional { let d = try i.doubleArgument(v); s = hypot(s, d) }
            return .float(s)
        }
        m.addFunction("ldexp") { i, a in
            try a.check("ldexp", 2)
            let x = try i.doubleArgument(a[0])
            let r = scalbn(x, try i.intArgument(a[1]))
            if r.isInfinite && x.isFinite { throw PyError.overflow("math range error") }
            return .float(r)
        }
        m.addFunction("frexp") { i, a in
            try a.check("frexp", 1)
            let x = try i.doubleArgument(a[0])
            if x == 0 || !x.isFinite { return .tuple([.float(x), .int(0)]) }
            let e = x.exponent + 1
            return .tuple([.float(scalbn(x, -Int(e))), .int(Int(e))])
        }
        m.addFunction("modf") { i, a in
            try a.check("modf", 1)
            let x = try i.doubleArgument(a[0])
            if x.isInfinite { return .tuple([.float(copysign(0, x)), .float(x)]) }
            let ip = x.rounded(.towardZero)
            return .tuple([.float(copysign(x - ip, x)), .float(ip)])
        }
        m.addFunction("isfinite") { i, a in .bool(try i.doubleArgument(a[0]).isFinite) }
        m.addFunction("isinf") { i, a in .bool(try i.doubleArgument(a[0]).isInfinite) }
        m.addFunction("isnan") { i, a in .bool(try i.doubleArgument(a[0]).isNaN) }
        m.addFunction("isclose") { i, a in
            let b = try a.bind(Signature("isclose", ["a", "b"], keywordOnly: ["rel_tol", "abs_tol"], required: 2))
            let x = try i.doubleArgument(b[0]!), y = try i.doubleArgument(b[1]!)
            let rel = try b[2].map { try i.doubleArgument($0) } ?? 1e-9
            let abst = try b[3].map { try i.doubleArgument($0) } ?? 0
            if rel < 0 || abst < 0 { throw PyError.valueError("tolerances must be non-negative") }
            if x == y { return .true }
            if x.isInfinite || y.isInfinite { return .false }
            let diff = abs(y - x)
            return .bool(diff <= abs(rel * y) || diff <= abs(rel * x) || diff <= abst)
        }
        m.addFunction("factorial") { i, a in
            try a.check("factorial", 1)
            guard let n = a[0].asInt else { throw PyError.typeError("'\(i.typeName(a[0]))' object cannot be interpreted as an integer") }
            if n < 0 { throw PyError.valueError("factorial() not defined for negative values") }
            var r = BigInt(1)
            if n > 1 { for k in 2...n { r = r * BigInt(k); if k % 1024 == 0 { try i.checkDeadline() } } }
            return PyBigInt.make(r)
        }
        func gcd(_ a: Int, _ b: Int) -> Int { var x = abs(a), y = abs(b); while y != 0 { (x, y) = (y, x % y) }; return x }
        m.addFunction("gcd") { i, a in
            if a.positional.contains(where: { if case .object(let o) = $0 { return o is PyBigInt }; return false }) {
                // Euclid on big ints (exact fractions reach them quickly).
                var g = BigInt(0)
                for v in a.positional {
                    var x: BigInt
                    if case .object(let o) = v, let b = o as? PyBigInt { x = b.value } else { x = BigInt(try i.intArgument(v)) }
                    x = x.magnitude
                    var y = g
                    while !y.limbs.isEmpty { (x, y) = (y, x.floorDivMod(y).1) }
                    g = x
                }
                return PyBigInt.make(g)
            }
            return .int(try a.positional.reduce(0) { gcd($0, try i.intArgument($1)) })
        }
        m.addFunction("lcm") { i, a in
            .int(try a.positional.reduce(1) { acc, v in let n = try i.intArgument(v); return acc == 0 || n == 0 ? 0 : abs(acc / gcd(acc, n) * n) })
        }
        m.addFunction("isqrt") { i, a in
            try a.check("isqrt", 1)
            if case .object(let o) = a[0], let big = o as? PyBigInt {
                // Newton's iteration from above, exact on big ints.
                let n = big.value
                if n.negative { throw PyError.valueError("isqrt() argument must be nonnegative") }
                var x = BigInt(1).shiftedLeft((n.magnitude.limbs.count * 32 + 1) / 2 + 1)
                while true {
                    let y = (x + n.floorDivMod(x).0).shiftedRight(1)
                    if BigInt.compare(y, x) >= 0 { return PyBigInt.make(x) }
                    x = y
                }
            }
            let n = try i.intArgument(a[0])
            if n > (1 << 62) {
                var r = Int(Double(n).squareRoot())
                while r.multipliedReportingOverflow(by: r).overflow || r * r > n { r -= 1 }
                while !(r + 1).multipliedReportingOverflow(by: r + 1).overflow && (r + 1) * (r + 1) <= n { r += 1 }
                return .int(r)
            }
            if n < 0 { throw PyError.valueError("isqrt() argument must be nonnegative") }
            var r = Int(Double(n).squareRoot())
            while r * r > n { r -= 1 }
            while (r + 1) * (r + 1) <= n { r += 1 }
            return .int(r)
        }
        m.addFunction("comb") { i, a in
            try a.check("comb", 2)
            let n = try i.intArgument(a[0]), k = try i.intArgument(a[1])
            if n < 0 || k < 0 { throw PyError.valueError("\(n < 0 ? "n" : "k") must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = BigInt(1)
            for j in 0..<min(k, n - k) { r = (r * BigInt(n - j)).floorDivMod(BigInt(j + 1)).0 }
            return PyBigInt.make(r)
        }
        m.addFunction("perm") { i, a in
            try a.check("perm", 1, 2)
            let n = try i.intArgument(a[0])
            let k = a.count > 1 && !a[1].isNone ? try i.intArgument(a[1]) : n
            if n < 0 || k < 0 { throw PyError.valueError("\(n < 0 ? "n" : "k") must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = BigInt(1)
            for j in 0..<max(k, 0) { r = r * BigInt(n - j) }
            return PyBigInt.make(r)
        }
        m.addFunction("prod") { i, a in
            var r = a.keyword("start") ?? .int(1)
            try i.forEach(a[0]) { r = try i.binaryOp(.mul, r, $0); return true }
            return r
        }
        m.addFunction("fsum") { i, a in
            var partials: [Double] = []
            // CPython keeps infinities and NaNs apart: their plain sum is the answer.
            var specialSum = 0.0, infSum = 0.0
            try i.forEach(a[0]) { v in
                var x = try i.doubleArgument(v)
                if !x.isFinite {
                    if x.isInfinite { infSum += x }
                    specialSum += x
                    return true
                }
                var k = 0
                for var y in partials {
                    if abs(x) < abs(y) { swap(&x, &y) }
                    let hi = x + y, lo = y - (hi - x)
                    if lo != 0 { partials[k] = lo; k += 1 }
                    x = hi
                }
                partials.removeSubrange(k...)
                if !x.isFinite { throw PyError.overflow("intermediate overflow in fsum") }
                partials.append(x)
                return true
            }
            if specialSum != 0 || specialSum.isNaN {
                if infSum.isNaN { throw PyError.valueError("-inf + inf in fsum") }
                return .float(specialSum)
            }
            var total = 0.0
            var n = partials.count
            if n > 0 {
                n -= 1
                total = partials[n]
                var lo = 0.0
                while n > 0 {
                    let x = total
                    n -= 1
                    let y = partials[n]
                    total = x + y
                    let yr = total - x
                    lo = y - yr
                    if lo != 0 { break }
                }
                if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
                    let y = lo * 2
                    let x = total + y
                    if y == x - total { total = x }
                }
            }
            return .float(total)
        }
        m.addFunction("dist") { i, a in
            try a.check("dist", 2)
            let p = try i.iterate(a[0]).map { try i.doubleArgument($0) }, q = try i.iterate(a[1]).map { try i.doubleArgument($0) }
            if p.count != q.count { throw PyError.valueError("both points must have the same number of dimensions") }
            var s = 0.0
            for (x, y) in zip(p, q) { s = hypot(s, x - y) }
            return .float(s)
        }
    }
}

/// A logarithm of a positive big int as CPython takes it: of the float when the int
/// converts, else `f(m) + f(2) * e` for the int's mantissa and exponent (`frexp`).
func bigLog(_ x: BigInt, _ f: (Double) -> Double) -> Double {
    if let d = x.toDouble() { return f(d) }
    let (m, e) = x.frexp()
    return f(m) + f(2.0) * Double(e)
}
