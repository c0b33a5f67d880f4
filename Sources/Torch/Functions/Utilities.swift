import Interpreter
import Tensors

/// Small `torch.*` helpers: print options, predicates, comparisons of whole tensors,
/// dtype queries.
extension TorchRuntime {
    func bindUtilities(_ b: Binder) {
        let printSig = Signature("set_printoptions", ["precision", "threshold", "edgeitems", "linewidth", "profile", "sci_mode"])
        b.free("set_printoptions") { [unowned self] _, args in
            let bound = try args.bind(printSig)
            var profile: PrintOptions.Profile?
            if let p = bound.given(4) {
                guard case .str(let s) = p, let pr = PrintOptions.Profile(rawValue: s) else {
                    throw PyError.valueError("Invalid profile: \(typeNameForError(p))")
                }
                profile = pr
            }
            printOptions.apply(precision: try bound.given(0).map { try int($0, "set_printoptions", "precision") },
                               threshold: try bound.given(1).map { try double($0, "set_printoptions", "threshold") },
                               edgeitems: try bound.given(2).map { try int($0, "set_printoptions", "edgeitems") },
                               linewidth: try bound.given(3).map { try int($0, "set_printoptions", "linewidth") },
                               profile: profile, sciMode: bound.given(5).map { truthy($0) })
            return .none
        }
        b.free("is_tensor") { _, args in .bool(args.count == 1 && tensorPayload(args[0]) != nil) }
        b.free("is_storage") { _, _ in .false }
        let closeSig = Signature("allclose", ["other", "rtol", "atol", "equal_nan"], required: 1)
        b.both("allclose") { [unowned self] _, t, args in
            let bound = try args.bind(closeSig)
            return .bool(try bridged {
                try t.allclose(try tensor(bound[0]!, "allclose", "other"), rtol: try bound.given(1).map { try double($0, "allclose", "rtol") } ?? 1e-5,
                               atol: try bound.given(2).map { try double($0, "allclose", "atol") } ?? 1e-8, equalNaN: bound.given(3).map { truthy($0) } ?? false)
            })
        }
        b.both("isclose") { [unowned self] _, t, args in
            let bound = try args.bind(closeSig)
            return wrap(try bridged {
                try t.isclose(try tensorOrScalar(bound[0]!, "isclose", "other"), rtol: try bound.given(1).map { try double($0, "isclose", "rtol") } ?? 1e-5,
                              atol: try bound.given(2).map { try double($0, "isclose", "atol") } ?? 1e-8, equalNaN: bound.given(3).map { truthy($0) } ?? false)
            })
        }
        b.both("equal") { [unowned self] _, t, args in
            .bool(try bridged { try t.equal(try tensor(args[0], "equal", "other")) })
        }
        // Intra-op threads: with MKL, the thread count is part of a product's rounding.
        b.free("get_num_threads") { _, _ in .int(IntraOpThreads.count) }
        b.free("set_num_threads") { [unowned self] _, args in
            guard args.count == 1 else { throw PyError.typeError("set_num_threads() takes exactly one argument") }
            guard case .int(let n) = args[0] else {
                throw PyError.runtimeError("set_num_threads expects an int, but got \(typeNameForError(args[0]))")
            }
            guard n > 0 else { throw PyError.runtimeError("set_num_threads expects a positive integer") }
            IntraOpThreads.set(n)
            return .none
        }
        // torch.backends.cpu / torch.backends.mkl (BackendsSources) ask these.
        b.free("_get_cpu_capability") { _, _ in .str(CPUCapability.name) }
        b.free("_mkl_is_available") { _, _ in .bool(MKLLibrary.shared != nil) }
        b.free("get_default_dtype") { [unowned self] _, _ in dtypeValue(.float32) }
        b.free("set_default_dtype") { [unowned self] _, args in
            guard args.count == 1, try dtype(args[0]) == .float32 else {
                throw PyError.notImplementedError("set_default_dtype: only torch.float32 is supported")
            }
            return .none
        }
        b.free("promote_types") { [unowned self] _, args in
            guard args.count == 2, let a = try dtype(args[0]), let c = try dtype(args[1]) else {
                throw PyError.typeError("promote_types() takes two dtypes")
            }
            return dtypeValue(DType.promote(a, c))
        }
        b.free("result_type") { [unowned self] _, args in
            guard args.count == 2 else { throw PyError.typeError("result_type() takes two arguments") }
            var p = TypePromotion()
            for v in args.positional {
                if let t = tensorPayload(v) { p.add(t) } else if let s = scalar(v) { p.add(s) }
            }
            return dtypeValue(p.result)
        }
        b.free("broadcast_shapes") { [unowned self] _, args in
            var shape: [Int] = []
            for v in args.positional {
                let s = try intList(v, "broadcast_shapes", "shape")
                shape = try bridged { try Shape.broadcast(shape, s) }
            }
            return sizeValue(shape)
        }
        b.free("broadcast_tensors") { [unowned self] _, args in
            let ts = try args.positional.map { try tensor($0, "broadcast_tensors", "tensors") }
            var shape: [Int] = []
            for t in ts { shape = try bridged { try Shape.broadcast(shape, t.sizes) } }
            return wrap(try ts.map { try Op.expand($0, shape) })
        }
    }

    func buildCuda(_ interp: Interpreter, _ m: PyModule) {
        buildCudaFunctions(m)
    }
}
