#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The rest of `random`: CPython 3.11's distributions (random.py's formulas, drawing the
/// same numbers in the same order), `choices`, `getstate`/`setstate`, and `Random`
/// instances, each with its own Mersenne Twister.
final class RandomInstanceState {
    var state = MersenneTwister(seed: 0)
}

extension Interpreter {
    func addRandomDistributions(_ m: PyModule) {
        func num(_ v: PyValue?, _ d: Double) throws -> Double { try v.map { try doubleArgument($0) } ?? d }
        func draw() -> Double { randomState.random() }

        m.addFunction("triangular") { i, a in
            let b = try a.bind(Signature("triangular", ["low", "high", "mode"]))
            var low = try num(b[0], 0), high = try num(b[1], 1)
            var u = draw()
            var c: Double
            if let mode = b[2], !mode.isNone {
                if high - low == 0 { return .float(low) }
                c = (try i.doubleArgument(mode) - low) / (high - low)
            } else {
                c = 0.5
            }
            if u > c { u = 1.0 - u; c = 1.0 - c; swap(&low, &high) }
            return .float(low + (high - low) * (u * c).squareRoot())
        }
        m.addFunction("expovariate") { i, a in
            let b = try a.bind(Signature("expovariate", ["lambd"], required: 1))
            let l = try i.doubleArgument(b[0]!)
            if l == 0 { throw PyError.zeroDivision("float division by zero") }
            return .float(-log(1.0 - draw()) / l)
        }
        m.addFunction("lognormvariate") { i, a in
            let b = try a.bind(Signature("lognormvariate", ["mu", "sigma"], required: 2))
            return .float(exp(i.normalVariate(try i.doubleArgument(b[0]!), try i.doubleArgument(b[1]!))))
        }
        m.addFunction("vonmisesvariate") { i, a in
            let b = try a.bind(Signature("vonmisesvariate", ["mu", "kappa"], required: 2))
            let mu = try i.doubleArgument(b[0]!), kappa = try i.doubleArgument(b[1]!)
            let twoPi = 2.0 * Double.pi
            if kappa <= 1e-6 { return .float(twoPi * draw()) }
            let s = 0.5 / kappa
            let r = s + (1.0 + s * s).squareRoot()
            var z = 0.0
            while true {
                let u1 = draw()
                z = cos(Double.pi * u1)
                let d = z / (r + z)
                let u2 = draw()
                if u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d) { break }
            }
            let q = 1.0 / r
            let f = (q + z) / (1.0 + q * z)
            let u3 = draw()
            let theta = u3 > 0.5 ? pyFmod(mu + acos(f), twoPi) : pyFmod(mu - acos(f), twoPi)
            return .float(theta)
        }
        m.addFunction("gammavariate") { i, a in
            let b = try a.bind(Signature("gammavariate", ["alpha", "beta"], required: 2))
            return .float(try i.gammaVariate(try i.doubleArgument(b[0]!), try i.doubleArgument(b[1]!)))
        }
        m.addFunction("betavariate") { i, a in
            let b = try a.bind(Signature("betavariate", ["alpha", "beta"], required: 2))
            let y = try i.gammaVariate(try i.doubleArgument(b[0]!), 1.0)
            if y == 0 { return .float(0.0) }
            return .float(y / (y + (try i.gammaVariate(try i.doubleArgument(b[1]!), 1.0))))
        }
        m.addFunction("paretovariate") { i, a in
            let b = try a.bind(Signature("paretovariate", ["alpha"], required: 1))
            let u = 1.0 - draw()
            return .float(pow(u, -1.0 / (try i.doubleArgument(b[0]!))))
        }
        m.addFunction("weibullvariate") { i, a in
            let b = try a.bind(Signature("weibullvariate", ["alpha", "beta"], required: 2))
            let u = 1.0 - draw()
            return .float(try i.doubleArgument(b[0]!) * pow(-log(u), 1.0 / (try i.doubleArgument(b[1]!))))
        }
        m.addFunction("choices") { i, a in
            let b = try a.bind(Signature("choices", ["population", "weights", "cum_weights", "k"], required: 1))
            let population = b[0]!
            let n = try i.length(population)
            let k = try b[3].map { try i.intArgument($0) } ?? 1
            var cum: [Double]
            if let cw = b[2], !cw.isNone {
                if let w = b[1], !w.isNone { throw PyError.typeError("Cannot specify both weights and cumulative weights") }
                cum = try i.iterate(cw).map { try i.doubleArgument($0) }
            } else if let w = b[1], !w.isNone {
                if case .int(let kk) = w { throw PyError.typeError("The number of choices must be a keyword argument: k=\(kk)") }
                var total = 0.0
                cum = try i.iterate(w).map { total += try i.doubleArgument($0); return total }
            } else {
                let nf = Double(n)
                var out: [PyValue] = []
                for _ in 0..<max(0, k) { out.append(try i.getItem(population, .int(Int((draw() * nf).rounded(.down))))) }
                return .list(out)
            }
            if cum.count != n { throw PyError.valueError("The number of weights does not match the population") }
            let total = cum.last ?? 0
            if total <= 0 { throw PyError.valueError("Total of weights must be greater than zero") }
            if !total.isFinite { throw PyError.valueError("Total of weights must be finite") }
            var out: [PyValue] = []
            for _ in 0..<max(0, k) {
                let x = draw() * total
                var lo = 0, hi = n - 1
                while lo < hi { let mid = (lo + hi) / 2; if x < cum[mid] { hi = mid } else { lo = mid + 1 } }
                out.append(try i.getItem(population, .int(lo)))
            }
            return .list(out)
        }
        m.addFunction("getstate") { i, a in
            try a.check("getstate", 0)
            let g: PyValue = i.randomState.gaussNext.map { .float($0) } ?? .none
            return .tuple([.int(3), .tuple(i.randomState.stateWords.map { .int($0) }), g])
        }
        m.addFunction("setstate") { i, a in
            try a.check("setstate", 1)
            guard let t = a[0].asTuple, t.items.count == 3, case .int(let version) = t.items[0] else {
                throw PyError.typeError("state vector must be a tuple")
            }
            if version != 3 {
                throw PyError.valueError("state with version \(version) passed to Random.setstate() of version 3")
            }
            guard let words = t.items[1].asTuple?.items, words.count == 625 else { throw PyError.valueError("state vector is the wrong size") }
            let ints = try words.map { try i.intArgument($0) }
            let position = ints[624]
            if position < 0 || position > 624 { throw PyError.valueError("invalid state") }
            i.randomState.restore(words: ints[0..<624].map { UInt32(truncatingIfNeeded: $0) }, position: position)
            i.randomState.gaussNext = t.items[2].isNone ? nil : try i.doubleArgument(t.items[2])
            return .none
        }
        addRandomClass(m)
    }

    /// `random.Random`: every module function as a method on the instance's own generator
    /// (the interpreter's generator is swapped for the instance's during the call).
    private func addRandomClass(_ m: PyModule) {
        let cls = makeClass("Random", module: "random")
        let names = ["seed", "random", "getrandbits", "randrange", "randint", "choice", "shuffle", "sample",
                     "uniform", "gauss", "normalvariate", "triangular", "expovariate", "lognormvariate",
                     "vonmisesvariate", "gammavariate", "betavariate", "paretovariate", "weibullvariate",
                     "choices", "getstate", "setstate", "randbytes"]
        for name in names {
            guard let f = m[Name(name)] else { continue }
            cls.addMethod(name) { i, receiver, args in
                guard let st = receiver.payload(RandomInstanceState.self) else { throw PyError.typeError("Random method on a non-Random") }
                swap(&i.randomState, &st.state)
                defer { swap(&i.randomState, &st.state) }
                return try i.call(f, args)
            }
        }
        let seed = m[Name("seed")]!
        cls.setConstructor { i, c, args in
            let st = RandomInstanceState()
            swap(&i.randomState, &st.state)
            defer { swap(&i.randomState, &st.state) }
            _ = try i.call(seed, Arguments(positional: args.count > 0 ? [args[0]] : [], keywordNames: [], keywordValues: []))
            return i.makeInstance(c, payload: st)
        }
        m.add("Random", cls)
    }

    /// `random.normalvariate` (Kinderman and Monahan), shared with `lognormvariate`.
    func normalVariate(_ mu: Double, _ sigma: Double) -> Double {
        let magic = 4 * exp(-0.5) / 2.0.squareRoot()
        while true {
            let u1 = randomState.random()
            let u2 = 1.0 - randomState.random()
            let z = magic * (u1 - 0.5) / u2
            if z * z / 4.0 <= -log(u2) { return mu + z * sigma }
        }
    }

    /// `random.gammavariate`, as random.py computes it (three regimes of alpha).
    func gammaVariate(_ alpha: Double, _ beta: Double) throws -> Double {
        if alpha <= 0 || beta <= 0 { throw PyError.valueError("gammavariate: alpha and beta must be > 0.0") }
        if alpha > 1.0 {
            let ainv = (2.0 * alpha - 1.0).squareRoot()
            let bbb = alpha - log(4.0)
            let ccc = alpha + ainv
            let sgMagic = 1.0 + log(4.5)
            while true {
                let u1 = randomState.random()
                if !(1e-7 < u1 && u1 < 0.9999999) { continue }
                let u2 = 1.0 - randomState.random()
                let v = log(u1 / (1.0 - u1)) / ainv
                let x = alpha * exp(v)
                let z = u1 * u1 * u2
                let r = bbb + ccc * v - x
                if r + sgMagic - 4.5 * z >= 0.0 || r >= log(z) { return x * beta }
            }
        }
        if alpha == 1.0 { return -log(1.0 - randomState.random()) * beta }
        let e = exp(1.0)
        var x = 0.0
        while true {
            let u = randomState.random()
            let b = (e + alpha) / e
            let p = b * u
            x = p <= 1.0 ? pow(p, 1.0 / alpha) : -log((b - p) / alpha)
            let u1 = randomState.random()
            if p > 1.0 {
                if u1 <= pow(x, alpha - 1.0) { break }
            } else if u1 <= exp(-x) { break }
        }
        return x * beta
    }
}

/// Python's float `%` (the result takes the divisor's sign).
private func pyFmod(_ a: Double, _ b: Double) -> Double {
    var r = fmod(a, b)
    if r != 0 && (r < 0) != (b < 0) { r += b }
    return r
}
