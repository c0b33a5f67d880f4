import Interpreter
import Tensors

/// `numpy.random._native`: the primitives the Python layer of `numpy.random`
/// (RandomPython.swift) is written over. Arguments are positional and already checked there;
/// the draws themselves are the exact generators of Sources/NumPy/Random.
enum RandomNative {
    static func install(_ interp: Interpreter, _ m: PyModule) throws {
        let handleClass = interp.makeClass("_RandomHandle", module: "numpy.random")
        func wrap(_ h: RandomHandle) -> PyValue { interp.makeInstance(handleClass, payload: h) }
        func handle(_ v: PyValue) throws -> RandomHandle {
            guard let h = v.payload(RandomHandle.self) else { throw PyError.typeError("expected a numpy.random handle") }
            return h
        }

        // Construction. Seeds arrive as lists of 32-bit words (or one int for the legacy seeding).
        m.addFunction("_legacy_new") { interp, args in
            wrap(RandomHandle(legacy: try legacyState(interp, args[0])))
        }
        m.addFunction("_legacy_seed") { interp, args in
            let h = try handle(args[0])
            guard let legacy = h.legacy else { throw PyError.typeError("not a RandomState") }
            if let seed = args[1].asInt {
                legacy.seed(UInt32(truncatingIfNeeded: seed))
            } else {
                legacy.seed(array: try words(interp, args[1]))
            }
            return .none
        }
        m.addFunction("_legacy_from_bits") { _, args in
            guard let mt = try handle(args[0]).bits as? MT19937 else {
                throw PyError.typeError("RandomState supports MT19937 bit generators only")
            }
            return wrap(RandomHandle(legacy: RandomState(bits: mt)))
        }
        m.addFunction("_pcg64_new") { interp, args in
            wrap(RandomHandle(bits: PCG64(seedSequence: SeedSequence(entropyWords: try words(interp, args[0])))))
        }
        m.addFunction("_mt19937_new") { interp, args in
            wrap(RandomHandle(bits: MT19937(seedSequence: SeedSequence(entropyWords: try words(interp, args[0])))))
        }
        m.addFunction("_generator_new") { _, args in
            wrap(RandomHandle(generator: RandomGenerator(bits: try handle(args[0]).bits)))
        }
        m.addFunction("_bits_of") { _, args in
            wrap(RandomHandle(bits: try handle(args[0]).bits))
        }
        m.addFunction("_seedseq_state") { interp, args in
            let ss = SeedSequence(entropyWords: try words(interp, args[0]))
            let count = args[1].asInt ?? 0
            if args[2].asInt == 64 {
                return .list(ss.generateState64(count: count).map { bigOrInt(interp, $0) })
            }
            return .list(ss.generateState32(count: count).map { .int(Int($0)) })
        }
        m.addFunction("_seedseq_pool") { interp, args in
            .list(SeedSequence(entropyWords: try words(interp, args[0])).pool.map { .int(Int($0)) })
        }
        m.addFunction("_random_raw") { interp, args in
            let h = try handle(args[0])
            // `next_raw`: MT19937's raw output is one 32-bit word, PCG64's a 64-bit one.
            let raw: () -> UInt64 = h.bits is MT19937 ? { UInt64(h.bits.nextUInt32()) } : { h.bits.nextUInt64() }
            if args[1].isNone { return bigOrInt(interp, raw()) }
            let n = args[1].asInt ?? 0
            return .list((0..<n).map { _ in bigOrInt(interp, raw()) })
        }

        // States: MT19937 (key words, position, saved gauss) and PCG64 (128-bit halves, buffer).
        m.addFunction("_mt_state") { interp, args in
            let h = try handle(args[0])
            guard let mt = h.bits as? MT19937 else { throw PyError.typeError("not an MT19937") }
            let gauss = h.legacy?.savedGauss
            return .tuple([.list(mt.key.map { .int(Int($0)) }), .int(mt.position),
                           .int(gauss == nil ? 0 : 1), .float(gauss ?? 0)])
        }
        m.addFunction("_mt_set_state") { interp, args in
            let h = try handle(args[0])
            guard let mt = h.bits as? MT19937 else { throw PyError.typeError("not an MT19937") }
            let key = try words(interp, args[1])
            guard key.count == MT19937.stateLength else { throw PyError.valueError("state must be 624 elements") }
            let position = args[2].asInt ?? 0
            if let legacy = h.legacy {
                legacy.setState(key: key, position: position,
                                savedGauss: try interp.truthy(args[3]) ? try interp.doubleArgument(args[4]) : nil)
            } else {
                mt.key = key
                mt.position = position
            }
            return .none
        }
        m.addFunction("_pcg_state") { interp, args in
            guard let pcg = try handle(args[0]).bits as? PCG64 else { throw PyError.typeError("not a PCG64") }
            let signed = { (v: UInt64) -> PyValue in .int(Int(Int64(bitPattern: v))) }
            return .tuple([signed(pcg.stateHigh), signed(pcg.stateLow), signed(pcg.incrementHigh), signed(pcg.incrementLow),
                           .int(pcg.bufferedUInt32 == nil ? 0 : 1), .int(Int(pcg.bufferedUInt32 ?? 0))])
        }
        m.addFunction("_pcg_set_state") { interp, args in
            guard let pcg = try handle(args[0]).bits as? PCG64 else { throw PyError.typeError("not a PCG64") }
            let u = { (i: Int) -> UInt64 in UInt64(bitPattern: Int64(args[i].asInt ?? 0)) }
            pcg.setState(state: (u(1), u(2)), increment: (u(3), u(4)),
                         buffered: try interp.truthy(args[5]) ? UInt32(truncatingIfNeeded: args[6].asInt ?? 0) : nil)
            return .none
        }

        m.addFunction("_entropy") { _, _ in
            .list((0..<4).map { _ in .int(Int(UInt32.random(in: 0...UInt32.max))) })
        }
        m.addFunction("_dtype_name") { interp, args in
            guard let dtype = try NumPyRuntime.of(interp).dtype(interp, args[0]) else { return .str("float64") }
            return .str(dtype.numpyName)
        }

        // Draws: (handle, kind, shape or None, parameters...).
        m.addFunction("_draw") { interp, args in
            let h = try handle(args[0])
            let kind = args[1].asString ?? ""
            let shape = try optionalShape(interp, args[2])
            let a = args.count > 3 ? (try? interp.doubleArgument(args[3])) ?? 0 : 0
            let b = args.count > 4 ? (try? interp.doubleArgument(args[4])) ?? 0 : 0
            let n = shape.map { $0.reduce(1, *) } ?? 1
            if let values = try floatDraw(h, kind, a, b, n) {
                if kind.hasSuffix("_f32") {
                    guard let shape else { return .float(values[0]) }
                    return try NDArray.makeValue(interp, doubles: values, shape: shape, dtype: .float32)
                }
                guard let shape else { return .float(values[0]) }
                return try NDArray.makeValue(interp, doubles: values, shape: shape)
            }
            let ints = try intDraw(h, kind, args.count > 3 ? args[3] : .none, b, n)
            guard let shape else { return .int(Int(ints[0])) }
            return try NDArray.makeValue(interp, int64s: ints, shape: shape)
        }

        // Bounded integers: (handle, offset, range, shape or None, dtype, numpy scalar?).
        // offset and range are 64-bit patterns (signed ints), masked for RandomState.
        m.addFunction("_integers") { interp, args in
            let h = try handle(args[0])
            let offset = UInt64(bitPattern: Int64(args[1].asInt ?? 0))
            let range = UInt64(bitPattern: Int64(args[2].asInt ?? 0))
            let shape = try optionalShape(interp, args[3])
            let rt = try NumPyRuntime.of(interp)
            guard let dtype = try rt.dtype(interp, args[4]) else { throw PyError.typeError("dtype required") }
            let (width, signedBits) = try integerWidth(dtype)
            let n = shape.map { $0.reduce(1, *) } ?? 1
            let raw: [UInt64]
            if let legacy = h.legacy {
                raw = legacy.boundedIntegers(offset: offset, range: range, count: n, width: width)
            } else if let generator = h.generator {
                raw = generator.boundedIntegers(offset: offset, range: range, count: n, width: width)
            } else {
                throw PyError.typeError("not a generator")
            }
            let values = raw.map { v -> Int64 in
                signedBits == 0 ? Int64(bitPattern: v) : Int64(truncatingIfNeeded: v << UInt64(64 - signedBits)) >> Int64(64 - signedBits)
            }
            guard let shape else {
                if args.count > 5, try interp.truthy(args[5]) {
                    return rt.scalar(interp, try NDArray.make(int64s: [values[0]], shape: [], dtype: dtype))
                }
                return dtype == .bool ? .bool(values[0] != 0) : .int(Int(values[0]))
            }
            return try NDArray.makeValue(interp, int64s: values, shape: shape, dtype: dtype)
        }

        // choice's indices: (handle, population, count, replace, p list or None, shuffle).
        m.addFunction("_choice_indices") { interp, args in
            let h = try handle(args[0])
            let population = args[1].asInt ?? 0, count = args[2].asInt ?? 0
            let replace = try interp.truthy(args[3])
            let p = args[4].isNone ? nil : try interp.iterate(args[4]).map { try interp.doubleArgument($0) }
            let idx: [Int64]
            if let legacy = h.legacy {
                idx = legacy.choiceIndices(population: population, count: count, replace: replace, p: p)
            } else if let generator = h.generator {
                idx = generator.choiceIndices(population: population, count: count, replace: replace, p: p,
                                              shuffle: args.count > 5 ? try interp.truthy(args[5]) : true)
            } else {
                throw PyError.typeError("not a generator")
            }
            return try NDArray.makeValue(interp, int64s: idx, shape: [idx.count])
        }

        m.addFunction("_permutation") { interp, args in
            let h = try handle(args[0])
            let n = args[1].asInt ?? 0
            let values = h.legacy?.permutation(n) ?? h.generator?.permutation(n) ?? []
            return try NDArray.makeValue(interp, int64s: values, shape: [n])
        }

        // shuffle in place: a list (items swapped) or an ndarray (rows along axis 0).
        m.addFunction("_shuffle") { interp, args in
            let h = try handle(args[0])
            let swaps: (Int, (Int, Int) -> Void) -> Void = { count, swap in
                if let legacy = h.legacy { legacy.shuffleSwaps(count: count, swap) } else { h.generator?.shuffleSwaps(count: count, swap) }
            }
            if let list = args[1].asList {
                swaps(list.items.count) { i, j in list.items.swapAt(i, j) }
                return .none
            }
            guard let array = NDArray.from(args[1]) else { throw PyError.typeError("expected a list or an ndarray") }
            guard array.ndim > 0 else { return .none }
            var order = Array(0..<array.shape[0])
            swaps(order.count) { i, j in order.swapAt(i, j) }
            let rowSize = array.shape[0] == 0 ? 0 : array.size / array.shape[0]
            func permuted<T>(_ values: [T]) -> [T] {
                var out: [T] = []
                out.reserveCapacity(values.count)
                for row in order { out.append(contentsOf: values[(row * rowSize)..<((row + 1) * rowSize)]) }
                return out
            }
            if array.isFloat { array.assign(doubles: permuted(array.doubles())) } else { array.assign(int64s: permuted(array.int64s())) }
            return .none
        }

        // multinomial: (handle, n, pvals list, shape or None) -> int64 array of shape + (k,).
        m.addFunction("_multinomial") { interp, args in
            let h = try handle(args[0])
            let n = Int64(args[1].asInt ?? 0)
            let p = try interp.iterate(args[2]).map { try interp.doubleArgument($0) }
            let shape = try optionalShape(interp, args[3]) ?? []
            let rows = shape.reduce(1, *)
            var out: [Int64] = []
            for _ in 0..<rows {
                out += h.legacy?.multinomial(n, p) ?? h.bits.multinomial(n, p)
            }
            return try NDArray.makeValue(interp, int64s: out, shape: shape + [p.count])
        }

        // Standard normals for multivariate_normal (legacy gauss or ziggurat).
        m.addFunction("_gauss_list") { interp, args in
            let h = try handle(args[0])
            let n = args[1].asInt ?? 0
            let values = h.legacy?.standardNormal(n) ?? h.generator?.standardNormal(n) ?? []
            return .list(values.map { .float($0) })
        }
    }

    static func legacyState(_ interp: Interpreter, _ seed: PyValue) throws -> RandomState {
        if seed.isNone { return RandomState(seed: UInt32.random(in: 0...UInt32.max)) }
        if let s = seed.asInt { return RandomState(seed: UInt32(truncatingIfNeeded: s)) }
        return RandomState(seedArray: try words(interp, seed))
    }

    /// A Python list of ints in [0, 2**32) as words.
    static func words(_ interp: Interpreter, _ v: PyValue) throws -> [UInt32] {
        try interp.iterate(v).map { UInt32(truncatingIfNeeded: $0.asInt ?? 0) }
    }

    static func optionalShape(_ interp: Interpreter, _ v: PyValue) throws -> [Int]? {
        if v.isNone { return nil }
        return try interp.iterate(v).map { $0.asInt ?? 0 }
    }

    /// A 64-bit unsigned value as its signed bit pattern (the Python layer adds 2**64 to
    /// negative ones: native code cannot build big ints).
    static func bigOrInt(_ interp: Interpreter, _ v: UInt64) -> PyValue {
        .int(Int(Int64(bitPattern: v)))
    }

    static func integerWidth(_ dtype: DType) throws -> (BoundedIntegers.Width, Int) {
        switch dtype {
        case .bool: return (.bool, 0)
        case .uint8: return (.bits8, 0)
        case .int8: return (.bits8, 8)
        case .int16: return (.bits16, 16)
        case .int32: return (.bits32, 32)
        case .int64: return (.bits64, 0)
        default: throw PyError.typeError("Unsupported dtype \(dtype.numpyName) for randint")
        }
    }

    static func floatDraw(_ h: RandomHandle, _ kind: String, _ a: Double, _ b: Double, _ n: Int) throws -> [Double]? {
        if let r = h.legacy {
            switch kind {
            case "random": return r.randomSample(n)
            case "standard_normal": return r.standardNormal(n)
            case "normal": return r.normal(loc: a, scale: b, count: n)
            case "uniform": return r.uniform(low: a, range: b, count: n)
            case "exponential": return r.exponential(scale: a, count: n)
            case "standard_exponential": return r.exponential(scale: 1, count: n)
            case "gamma": return r.gamma(shape: a, scale: b, count: n)
            case "standard_gamma": return r.gamma(shape: a, scale: 1, count: n)
            case "beta": return (0..<n).map { _ in r.beta(a, b) }
            case "lognormal": return (0..<n).map { _ in r.lognormal(mean: a, sigma: b) }
            case "chisquare": return (0..<n).map { _ in r.chisquare(a) }
            case "standard_t": return (0..<n).map { _ in r.standardT(a) }
            case "standard_cauchy": return (0..<n).map { _ in r.standardCauchy() }
            case "laplace": return (0..<n).map { _ in r.bits.laplace(loc: a, scale: b) }
            case "logistic": return (0..<n).map { _ in r.bits.logistic(loc: a, scale: b) }
            default: return nil
            }
        }
        guard let g = h.generator else { throw PyError.typeError("not a generator") }
        switch kind {
        case "random": return g.random(n)
        case "random_f32": return g.randomFloat(n).map(Double.init)
        case "standard_normal": return g.standardNormal(n)
        case "standard_normal_f32": return g.standardNormalFloat(n).map(Double.init)
        case "normal": return g.normal(loc: a, scale: b, count: n)
        case "uniform": return g.uniform(low: a, range: b, count: n)
        case "exponential": return g.exponential(scale: a, count: n)
        case "standard_exponential": return g.exponential(scale: 1, count: n)
        case "standard_exponential_inv": return (0..<n).map { _ in g.bits.standardExponentialInversion() }
        case "standard_exponential_f32": return (0..<n).map { _ in Double(g.bits.standardExponentialZigguratFloat()) }
        case "gamma": return g.gamma(shape: a, scale: b, count: n)
        case "standard_gamma": return g.gamma(shape: a, scale: 1, count: n)
        case "beta": return g.beta(a, b, count: n)
        case "lognormal": return (0..<n).map { _ in g.lognormal(mean: a, sigma: b) }
        case "chisquare": return (0..<n).map { _ in g.chisquare(a) }
        case "standard_t": return (0..<n).map { _ in g.standardT(a) }
        case "standard_cauchy": return (0..<n).map { _ in g.standardCauchy() }
        case "laplace": return (0..<n).map { _ in g.bits.laplace(loc: a, scale: b) }
        case "logistic": return (0..<n).map { _ in g.bits.logistic(loc: a, scale: b) }
        default: return nil
        }
    }

    static func intDraw(_ h: RandomHandle, _ kind: String, _ first: PyValue, _ b: Double, _ n: Int) throws -> [Int64] {
        let a = first.asDouble ?? 0
        switch kind {
        case "poisson":
            return (0..<n).map { _ in h.legacy?.poisson(a) ?? h.bits.poisson(a) }
        case "binomial":
            let trials = first.asInt.map(Int64.init) ?? cInt64(first.asDouble ?? 0)
            if let legacy = h.legacy { return (0..<n).map { _ in legacy.binomial(trials, b) } }
            return (0..<n).map { _ in h.bits.binomial(trials, b) }
        case "geometric":
            if h.legacy != nil { return (0..<n).map { _ in h.bits.geometric(a) } }
            return (0..<n).map { _ in h.bits.geometricGenerator(a) }
        default:
            throw PyError.valueError("unknown distribution \(kind)")
        }
    }
}
