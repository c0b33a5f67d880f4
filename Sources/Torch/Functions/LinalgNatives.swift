import Autograd
import Interpreter
import Tensors

/// The natives under `torch.linalg` (Python/torch.linalg/): one private `torch._linalg_*`
/// function per LAPACK routine, which computes with no autograd, and `_linalg_record`, which
/// wires a result to a backward node named as PyTorch names it (`LinalgDetBackward0`)
/// whose formula is a Python function written next to its forward.
extension TorchRuntime {
    func bindLinalg(_ b: Binder) {
        func tensors(_ args: Arguments, _ fn: String, _ count: Int) throws -> [Tensor] {
            guard args.count >= count else { throw PyError.typeError("\(fn)() takes \(count) tensor arguments") }
            return try (0..<count).map { try tensor(args[$0], fn, "input", position: $0 + 1) }
        }
        func flag(_ args: Arguments, _ i: Int) throws -> Bool { try bool(args[i], "linalg", "flag") }
        // LAPACK runs on the host: results go back to the device of the first input.
        func placed(_ t: Tensor, like input: Tensor) throws -> Tensor {
            input.device == t.device ? t : try bridged { try t.to(device: input.device) }
        }
        func tuple(_ ts: [Tensor], like input: Tensor) throws -> PyValue { .tuple(try ts.map { wrap(try placed($0, like: input)) }) }
        func single(_ t: Tensor, like input: Tensor) throws -> PyValue { wrap(try placed(t, like: input)) }

        b.free("_linalg_getrf") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_getrf", 1)
            let r = try bridged { try LinalgKernels.luFactor(t[0]) }
            return try tuple([r.lu, r.pivots, r.info], like: t[0])
        }
        b.free("_linalg_getrs") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_getrs", 3)
            let transpose = try flag(args, 3)
            return try single(try bridged { try LinalgKernels.luSolve(t[0], t[1], t[2], transpose: transpose) }, like: t[0])
        }
        b.free("_linalg_potrf") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_potrf", 1)
            let upper = try flag(args, 1)
            let r = try bridged { try LinalgKernels.cholesky(t[0], upper: upper) }
            return try tuple([r.factor, r.info], like: t[0])
        }
        b.free("_linalg_potrs") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_potrs", 2)
            let upper = try flag(args, 2)
            return try single(try bridged { try LinalgKernels.choleskySolve(t[0], t[1], upper: upper) }, like: t[0])
        }
        b.free("_linalg_potri") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_potri", 1)
            let upper = try flag(args, 1)
            let r = try bridged { try LinalgKernels.choleskyInverse(t[0], upper: upper) }
            return try tuple([r.inverse, r.info], like: t[0])
        }
        b.free("_linalg_trtrs") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_trtrs", 2)
            let (upper, transpose, unit) = (try flag(args, 2), try flag(args, 3), try flag(args, 4))
            return try single(try bridged { try LinalgKernels.triangularSolve(t[0], t[1], upper: upper, transpose: transpose, unitriangular: unit) }, like: t[0])
        }
        b.free("_linalg_trsm") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_trsm", 2)
            let (left, upper, transpose, unit) = (try flag(args, 2), try flag(args, 3), try flag(args, 4), try flag(args, 5))
            return try single(try bridged { try LinalgKernels.trsm(t[0], t[1], left: left, upper: upper, transpose: transpose, unitriangular: unit) }, like: t[0])
        }
        b.free("_linalg_gelsy") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_gelsy", 2)
            guard let rcond = args[2].asDouble else { throw PyError.typeError("_linalg_gelsy: rcond must be a float") }
            let r = try bridged { try LinalgKernels.leastSquares(t[0], t[1], rcond: rcond) }
            return try tuple([r.solution, r.rank], like: t[0])
        }
        b.free("_linalg_sytrf") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_sytrf", 1)
            let r = try bridged { try LinalgKernels.ldlFactor(t[0]) }
            return try tuple([r.ld, r.pivots, r.info], like: t[0])
        }
        b.free("_linalg_sytrs") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_sytrs", 3)
            return try single(try bridged { try LinalgKernels.ldlSolve(t[0], t[1], t[2]) }, like: t[0])
        }
        b.free("_linalg_geqrf") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_geqrf", 1)
            let r = try bridged { try LinalgKernels.geqrf(t[0]) }
            return try tuple([r.a, r.tau], like: t[0])
        }
        b.free("_linalg_orgqr") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_orgqr", 2)
            return try single(try bridged { try LinalgKernels.orgqr(t[0], t[1]) }, like: t[0])
        }
        b.free("_linalg_ormqr") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_ormqr", 3)
            let (left, transpose) = (try flag(args, 3), try flag(args, 4))
            return try single(try bridged { try LinalgKernels.ormqr(t[0], t[1], t[2], left: left, transpose: transpose) }, like: t[0])
        }
        b.free("_linalg_syevd") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_syevd", 1)
            let (vectors, upper) = (try flag(args, 1), try flag(args, 2))
            let r = try bridged { try LinalgKernels.symmetricEigen(t[0], vectors: vectors, upper: upper) }
            return try tuple([r.values, r.vectors, r.info], like: t[0])
        }
        b.free("_linalg_gesdd") { [unowned self] interp, args in
            let t = try tensors(args, "_linalg_gesdd", 1)
            let job = try interp.str(args[1])
            guard let j = job.first, ["N", "S", "A"].contains(j) else { throw PyError.valueError("_linalg_gesdd: job must be N, S or A") }
            let r = try bridged { try LinalgKernels.svd(t[0], job: j) }
            return try tuple([r.u, r.s, r.vh, r.info], like: t[0])
        }
        b.free("_linalg_fma") { [unowned self] _, args in
            let t = try tensors(args, "_linalg_fma", 3)
            return try single(try bridged { try LinalgKernels.fusedMultiplyAdd(t[0], t[1], t[2]) }, like: t[0])
        }
        b.free("_linalg_lapack_source") { _, _ in
            LinalgKernels.lapackSource.map { .str($0) } ?? .none
        }
        bindLinalgRecord(b)
        bindLinalgOut(b)
        bindLinalgAliases(b)
    }

    /// `_linalg_record(name, inputs, outputs, backward)`: `outputs` (a tensor or a tuple,
    /// computed without autograd) become the outputs of one node `name` whose next edges
    /// are the tensors in `inputs`. `backward(*grads)` gets one gradient per output (zeros
    /// where none arrived) and returns one per input (None where there is none). With a
    /// fifth argument True, `backward(*grads, *outputs)` also gets the outputs, carrying
    /// this node as their grad_fn under create_graph (a saved result, as in PyTorch). With a
    /// sixth argument True, an output that got no gradient arrives as None rather than
    /// zeros: ATen's formulas branch on `grad.defined()` (svdvals' shortcut in
    /// svd_backward, linalg_qr_backward's `gR` term), so zeros would change their bits.
    private func bindLinalgRecord(_ b: Binder) {
        b.free("_linalg_record") { [unowned self] interp, args in
            guard (4...6).contains(args.count) else { throw PyError.typeError("_linalg_record() takes 4 arguments") }
            let passesOutputs = try args.count >= 5 && interp.truthy(args[4])
            let keepsUndefined = try args.count == 6 && interp.truthy(args[5])
            let name = try interp.str(args[0])
            let inputValues = try interp.iterate(args[1])
            let inputs = inputValues.compactMap { tensorPayload($0) }
            let isTuple = args[2].asTuple != nil
            let outputValues = args[2].asTuple?.items ?? [args[2]]
            let outputs = outputValues.compactMap { tensorPayload($0) }
            let backward = args[3]
            var marks = Differentiable.CustomFunctionMarks()
            marks.nonDifferentiable = outputs.filter { !$0.dtype.isFloatingPoint && !$0.dtype.isComplex }
            marks.materializeGrads = !keepsUndefined
            let plainOutputs = passesOutputs ? outputs.map { $0.alias() } : []
            let formula: BackwardFormula = { [unowned self] ctx in
                var callArgs = ctx.grads.map { $0.map { self.wrap($0) } ?? .none }
                for (i, t) in plainOutputs.enumerated() { callArgs.append(self.wrap(ctx.reattachedOutput(t, outputNr: i))) }
                let result = try interp.call(backward, callArgs)
                let values = result.asTuple?.items ?? [result]
                return values.map { tensorPayload($0) }
            }
            let (_, wrapped) = try bridged {
                try Differentiable.applyCustomFunction(name: name, inputs: inputs, outputs: outputs, marks: marks,
                                                       owner: nil, formula: formula)
            }
            let values = wrapped.map { wrap($0) }
            return isTuple ? .tuple(values) : values[0]
        }
    }

    /// `torch.det`, `x.det()`, ...: the same Python functions as `torch.linalg`'s (module
    /// `torch._linalg_aliases` in the same source), bound under the names PyTorch gives them.
    private func bindLinalgAliases(_ b: Binder) {
        func function(_ interp: Interpreter, _ name: String) throws -> PyValue {
            let m = try interp.importModule("torch.linalg")
            guard let f = m["_torch_" + name] else { throw PyError.attributeError("torch.linalg has no _torch_\(name)") }
            return f
        }
        // Keywords naming positional parameters go to their positions first, so the
        // Python bodies (named `_torch_*`) never see PyTorch's names (`input=`).
        let rt = b.rt
        for name in Self.linalgFunctionAliases {
            b.module.addFunction(name, rt.keywordChecked(function: name) { interp, args in try interp.call(try function(interp, name), args) })
        }
        for name in Self.linalgMethodAliases {
            let keywords = KeywordTable.shared.methods[name]
            b.cls.addMethod(name) { interp, s, args in
                var args = args
                if args.hasKeywords, let keywords { args = try keywords.normalize(args, method: true, rt: rt) }
                return try interp.call(try function(interp, name), args.prepending(s))
            }
        }
    }

    static let linalgMethodAliases = [
        "det", "logdet", "slogdet", "inverse", "cholesky", "cholesky_inverse", "cholesky_solve", "solve", "lstsq",
        "lu", "lu_solve", "qr", "svd", "pinverse", "matrix_exp", "matrix_power", "triangular_solve", "geqrf", "orgqr",
        "ormqr", "kron", "cross",
    ]
    static let linalgFunctionAliases = linalgMethodAliases + ["lu_unpack", "matrix_rank", "tensordot", "chain_matmul"]
}
