#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `math` functions added in CPython 3.9–3.11: `cbrt`, `exp2`, `remainder`,
/// `nextafter` and `ulp`, each as CPython computes it (the C library's function, with
/// CPython's domain and range errors).
extension Interpreter {
    func bindMathExtras(_ m: PyModule) {
        m.addFunction("cbrt") { i, a in try a.check("cbrt", 1); return .float(cbrt(try i.doubleArgument(a[0]))) }
        m.addFunction("exp2") { i, a in
            try a.check("exp2", 1)
            let x = try i.doubleArgument(a[0])
            let r = exp2(x)
            if r.isInfinite && x.isFinite { throw PyError.overflow("math range error") }
            return .float(r)
        }
        m.addFunction("remainder") { i, a in
            try a.check("remainder", 2)
            let x = try i.doubleArgument(a[0]), y = try i.doubleArgument(a[1])
            if x.isNaN || y.isNaN { return .float(x.isNaN ? x : y) }
            if x.isInfinite || y == 0 { throw PyError.valueError("math domain error") }
            if y.isInfinite { return .float(x) }
            return .float(remainder(x, y))
        }
        m.addFunction("nextafter") { i, a in
            try a.check("nextafter", 2)
            return .float(nextafter(try i.doubleArgument(a[0]), try i.doubleArgument(a[1])))
        }
        m.addFunction("ulp") { i, a in
            try a.check("ulp", 1)
            var x = try i.doubleArgument(a[0])
            if x.isNaN { return .float(x) }
            x = abs(x)
            if x.isInfinite { return .float(x) }
            let up = nextafter(x, Double.infinity)
            if up.isInfinite { return .float(x - nextafter(x, -Double.infinity)) }
            return .float(up - x)
        }
    }
}
