import Interpreter
import Tensors

/// `torch.manual_seed`, `torch.Generator` and the sampling functions, all drawing from
/// PyTorch's CPU generator algorithm so seeded lessons print PyTorch's numbers.
extension TorchRuntime {
    /// `generator=`: an explicit `torch.Generator`, or the session's default one.
    func generator(_ v: PyValue?) throws -> CPUGenerator {
        guard let v, !v.isNone else { return generator }
        guard let g = v.payload(CPUGenerator.self) else {
            throw PyError.typeError("argument 'generator' must be torch.Generator, not \(typeNameForError(v))")
        }
        return g
    }

    /// `Generator.manual_seed`'s argument as ATen reads it: an int as `uint64_t`, or, past
    /// that, as `int64_t` reinterpreted (so -1 is 2^64 - 1); bools and floats are refused.
    private func seedValue(_ v: PyValue) throws -> UInt64 {
        switch v {
        case .int(let i): return UInt64(bitPattern: Int64(i))
        case .object(let o as PyBigInt):
            guard let u = o.asUInt64 else { throw PyError.valueError("Overflow when unpacking long long") }
            return u
        default: throw PyError.runtimeError("manual_seed expected a long, but got \(typeNameForError(v))")
        }
    }

    /// `torch.manual_seed(seed)` runs `int(seed)` first (torch/random.py), so floats and bools
    /// are truncated before the generator reads them.
    private func moduleSeedValue(_ v: PyValue) throws -> UInt64 {
        switch v {
        case .bool(let b): return b ? 1 : 0
        case .float(let d):
            guard d.isFinite else {
                throw d.isNaN ? PyError.valueError("cannot convert float NaN to integer") : PyError.overflow("cannot convert float infinity to integer")
            }
            guard d.magnitude < 9.2e18 else { throw PyError.valueError("Overflow when unpacking long long") }
            return UInt64(bitPattern: Int64(d))
        default: return try seedValue(v)
        }
    }

    private func stateTensor(_ g: CPUGenerator) throws -> Tensor {
        try bridged { try Tensor(values: g.state.map { Int64($0) }, shape: [CPUGenerator.stateByteCount], dtype: .uint8) }
    }

    private func setState(_ g: CPUGenerator, _ v: PyValue) throws {
        guard let t = tensorPayload(v) else { throw PyError.typeError("expected a torch.ByteTensor, but got \(typeNameForError(v))") }
        // ATen's `check_rng_state` names no dtype (the "but got" text is only for non-tensors).
        guard t.dtype == .uint8 else { throw PyError.typeError("RNG state must be a torch.ByteTensor") }
        let bytes = try bridged { try t.elementsAsInt64() }.map { UInt8(truncatingIfNeeded: $0) }
        do { try g.setState(bytes) } catch { throw PyError.runtimeError(error.description) }
    }

    func buildGeneratorClass(_ interp: Interpreter, _ m: PyModule) -> PyValue {
        let cls = interp.makeClass("Generator", module: "torch._C")
        generatorClass = cls
        cls.setConstructor { _, cls, _ in .object(PyInstance(cls: cls, payload: CPUGenerator())) }
        func gen(_ s: PyValue) throws -> CPUGenerator {
            guard let g = s.payload(CPUGenerator.self) else { throw PyError.typeError("expected a torch.Generator") }
            return g
        }
        cls.addMethod("manual_seed") { [unowned self] _, s, args in
            try gen(s).manualSeed(try seedValue(args[0]))
            return s
        }
        cls.addMethod("seed") { _, s, _ in
            let seed = UInt64.random(in: 0...UInt64(Int64.max))
            try gen(s).manualSeed(seed)
            return .int(Int(seed))
        }
        cls.addMethod("initial_seed") { _, s, _ in PyBigInt.unsigned(try gen(s).initialSeed) }
        cls.addMethod("get_state") { [unowned self] _, s, _ in wrap(try stateTensor(try gen(s))) }
        cls.addMethod("set_state") { [unowned self] _, s, args in
            try setState(try gen(s), args[0])
            return s
        }
        cls.addProperty("device") { [unowned self] _, _ in deviceValue(.cpu) }
        cls.addMethod("__repr__") { _, s, _ in
            guard case .object(let o) = s else { return .str("<torch._C.Generator object>") }
            return .str("<torch._C.Generator object at 0x\(String(UInt(bitPattern: ObjectIdentifier(o).hashValue), radix: 16))>")
        }
        m.add("Generator", cls)
        return .object(PyInstance(cls: cls, payload: generator))
    }

    /// `torch.rand()`/`randn()` without a size, as PyTorch's argument parser words it: one
    /// keyword leaves one plausible overload, which names `size`; none or several list both
    /// overloads, the keywords in the reverse of the call's order.
    private func missingSize(_ name: String, _ args: Arguments) -> PyError {
        if args.keywordNames.count == 1 { return .typeError("\(name)() missing 1 required positional arguments: \"size\"") }
        let got = zip(args.keywordNames, args.keywordValues).reversed().map { key, value in
            let type = value.payload(CPUGenerator.self) != nil ? "torch._C.Generator"
                : value.payload(DTypeBox.self) != nil ? "torch.dtype" : typeNameForError(value)
            return "\(key.string)=\(type), "
        }.joined()
        return .typeError("\(name)() received an invalid combination of arguments - got (\(got)), but expected one of:\n * (tuple of ints size, *, torch.Generator generator, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n * (tuple of ints size, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n")
    }

    func bindRandom(_ b: Binder, defaultGenerator: PyValue) {
        b.free("manual_seed") { [unowned self] _, args in
            guard args.count == 1 else { throw PyError.typeError("manual_seed() takes 1 positional argument but \(args.count) were given") }
            generator.manualSeed(try moduleSeedValue(args[0]))
            return defaultGenerator
        }
        b.free("seed") { [unowned self] _, _ in
            let seed = UInt64.random(in: 0...UInt64(Int64.max))
            generator.manualSeed(seed)
            return .int(Int(seed))
        }
        b.free("initial_seed") { [unowned self] _, _ in PyBigInt.unsigned(generator.initialSeed) }
        b.free("get_rng_state") { [unowned self] _, _ in wrap(try stateTensor(generator)) }
        b.free("set_rng_state") { [unowned self] _, args in
            try setState(generator, args[0])
            return .none
        }
        b.module.add("default_generator", defaultGenerator)

        let sampleSig = Signature("rand", [], keywordOnly: ["generator", "dtype", "device", "requires_grad", "out", "layout", "pin_memory", "size"], varargs: true)
        for name in ["rand", "randn"] {
            b.free(name) { [unowned self] _, args in
                let bound = try args.bind(sampleSig)
                if bound.extra.isEmpty && bound[7] == nil { throw missingSize(name, args) }
                let shape = bound.extra.isEmpty && bound[7] != nil ? try intList(bound[7]!, name, "size") : try sizes(bound.extra[...], name)
                let gen = try generator(bound[0])
                let dt = try dtype(bound[1]) ?? .float32
                let dev = try device(bound[2])
                // `out=`: ATen's `rand_out`/`randn_out` resize the tensor and fill it where it
                // lies, so a sliced or transposed `out` gets its draws in memory order.
                if let outV = bound.given(4) {
                    guard let target = tensorPayload(outV) else { throw PyError.typeError("argument 'out' must be Tensor, not \(typeNameForError(outV))") }
                    _ = try bridged {
                        let t = try Tensor.outputForRandom(target, shape, dtype: target.dtype, device: target.device)
                        return try name == "rand" ? t.uniform_(generator: gen) : t.normal_(generator: gen)
                    }
                    return outV
                }
                let out = try bridged {
                    try name == "rand" ? Tensor.rand(shape, dtype: dt, device: dev, generator: gen) : Tensor.randn(shape, dtype: dt, device: dev, generator: gen)
                }
                try applyRequiresGrad(out, bound.given(3))
                return wrap(out)
            }
        }
        let likeSig = Signature("rand_like", [], keywordOnly: ["dtype", "device", "requires_grad", "generator", "layout", "memory_format"])
        for name in ["rand_like", "randn_like"] {
            b.function(name) { [unowned self] _, t, args in
                let bound = try args.bind(likeSig)
                let dt = try dtype(bound[0]) ?? t.dtype
                let gen = try generator(bound[3])
                let out = try bridged {
                    try name == "rand_like" ? t.randLike(dtype: dt, generator: gen) : t.randnLike(dtype: dt, generator: gen)
                }
                try applyRequiresGrad(out, bound.given(2))
                return wrap(out)
            }
        }
        let randintSig = Signature("randint", ["low", "high", "size"], keywordOnly: ["generator", "dtype", "device", "requires_grad", "out", "layout", "pin_memory"])
        b.free("randint") { [unowned self] _, args in
            let bound = try args.bind(randintSig)
            var low: Int64 = 0, high: Int64
            let shape: [Int]
            // randint(high, size) or randint(low, high, size), with high=/size= keywords.
            switch (bound.given(0), bound.given(1), bound.given(2)) {
            case let (lo?, hi?, size?):
                low = Int64(try int(lo, "randint", "low")); high = Int64(try int(hi, "randint", "high")); shape = try intList(size, "randint", "size")
            case let (hi?, size?, nil) where size.asInt == nil:
                high = Int64(try int(hi, "randint", "high")); shape = try intList(size, "randint", "size")
            case let (nil, hi?, size?):
                high = Int64(try int(hi, "randint", "high")); shape = try intList(size, "randint", "size")
            default:
                let got = args.positional.map { typeNameForError($0) }.joined(separator: ", ")
                throw PyError.typeError("randint() received an invalid combination of arguments - got (\(got)), but expected one of:\n * (int high, tuple of ints size, *, torch.Generator generator, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n * (int high, tuple of ints size, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n * (int low, int high, tuple of ints size, *, torch.Generator generator, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n * (int low, int high, tuple of ints size, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n")
            }
            // `out=`: ATen's `randint_out` is `resize_` then `random_(low, high)` on the tensor
            // given, so its dtype's bounds and memory order apply.
            if let outV = bound.given(7) {
                guard let target = tensorPayload(outV) else { throw PyError.typeError("argument 'out' must be Tensor, not \(typeNameForError(outV))") }
                let gen = try generator(bound[3])
                _ = try bridged {
                    try Tensor.outputForRandom(target, shape, dtype: target.dtype, device: target.device).random_(from: low, to: high, generator: gen)
                }
                return outV
            }
            let out = try bridged {
                try Tensor.randint(low: low, high: high, shape, dtype: try dtype(bound[4]) ?? .int64, device: try device(bound[5]), generator: try generator(bound[3]))
            }
            return wrap(out)
        }
        let randintLikeSig = Signature("randint_like", ["low", "high"], keywordOnly: ["dtype", "generator"], required: 1)
        b.function("randint_like") { [unowned self] _, t, args in
            let bound = try args.bind(randintLikeSig)
            var low: Int64 = 0, high = Int64(try int(bound[0]!, "randint_like", "high"))
            if let hi = bound.given(1) { low = high; high = Int64(try int(hi, "randint_like", "high")) }
            return wrap(try bridged { try t.randintLike(low: low, high: high, dtype: try dtype(bound[2]), generator: try generator(bound[3])) })
        }
        let randpermSig = Signature("randperm", ["n"], keywordOnly: ["generator", "dtype", "device", "requires_grad", "out", "layout", "pin_memory"], required: 1)
        b.free("randperm") { [unowned self] _, args in
            let bound = try args.bind(randpermSig)
            return wrap(try bridged {
                try Tensor.randperm(try int(bound[0]!, "randperm", "n"), dtype: try dtype(bound[2]) ?? .int64, device: try device(bound[3]), generator: try generator(bound[1]))
            })
        }
        let normalSig = Signature("normal", ["mean", "std", "size"], keywordOnly: ["generator", "dtype", "device", "requires_grad", "out"])
        b.free("normal") { [unowned self] _, args in
            let bound = try args.bind(normalSig)
            let gen = try generator(bound[3])
            let meanV = bound.given(0) ?? .float(0), stdV = bound.given(1) ?? .float(1)
            let meanT = tensorPayload(meanV), stdT = tensorPayload(stdV)
            let outV = bound.given(7)
            var outT: Tensor?
            if let outV {
                guard let t = tensorPayload(outV) else { throw PyError.typeError("argument 'out' must be Tensor, not \(typeNameForError(outV))") }
                outT = t
            }
            let result: Tensor
            switch (meanT, stdT) {
            case (nil, nil):
                guard let size = bound.given(2) else { throw PyError.typeError("normal() missing required argument 'size'") }
                let shape = try intList(size, "normal", "size")
                let mean = try double(meanV, "normal", "mean"), std = try double(stdV, "normal", "std")
                result = try bridged {
                    try Tensor.outputForRandom(outT, shape, dtype: try dtype(bound[4]) ?? .float32, device: try device(bound[5]))
                        .normal_(mean: mean, std: std, generator: gen)
                }
                try applyRequiresGrad(result, bound.given(6))
            case let (m?, s?):
                result = try bridged { try Tensor.normal(mean: m, std: s, out: outT, generator: gen) }
            case let (m?, nil):
                let std = try double(stdV, "normal", "std")
                result = try bridged { try Tensor.normal(mean: m, std: std, out: outT, generator: gen) }
            case let (nil, s?):
                let mean = try double(meanV, "normal", "mean")
                result = try bridged { try Tensor.normal(mean: mean, std: s, out: outT, generator: gen) }
            }
            return outV ?? wrap(result)
        }
        let bernoulliSig = Signature("bernoulli", ["p"], keywordOnly: ["generator", "out"])
        b.both("bernoulli") { [unowned self] _, t, args in
            let bound = try args.bind(bernoulliSig)
            let gen = try generator(bound[1])
            if let p = bound.given(0) {
                return wrap(try bridged { try Tensor(empty: t.sizes, dtype: t.dtype, device: t.device).bernoulli_(try double(p, "bernoulli", "p"), generator: gen) })
            }
            // `out=`: ATen's `bernoulli_out` resizes `out` and draws into it where it lies.
            if let outV = bound.given(2) {
                guard let target = tensorPayload(outV) else { throw PyError.typeError("argument 'out' must be Tensor, not \(typeNameForError(outV))") }
                _ = try bridged { try Tensor.outputForRandom(target, t.sizes, dtype: target.dtype, device: target.device).bernoulli_(t, generator: gen) }
                return outV
            }
            return wrap(try bridged { try t.bernoulli(generator: gen) })
        }
        let multinomialSig = Signature("multinomial", ["num_samples", "replacement"], keywordOnly: ["generator"], required: 1)
        b.both("multinomial") { [unowned self] _, t, args in
            let bound = try args.bind(multinomialSig)
            return wrap(try bridged {
                try t.multinomial(try int(bound[0]!, "multinomial", "num_samples"), replacement: bound.given(1).map { truthy($0) } ?? false,
                                  generator: try generator(bound[2]))
            })
        }
    }
}
