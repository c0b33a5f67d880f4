import Interpreter

/// `torch` names written as composites in embedded Python sources (registered by
/// TensorSideSources), the way PyTorch composes them in torch/functional.py and ATen, over
/// natives Gradbook already has — so their digits, dtypes and grad_fn names are those of the
/// ops they are made of:
/// - `torch._stft`: `stft`, `istft` (also `Tensor` methods; SpectralOps.cpp over MKL's DFTI);
/// - `torch._gradient`: `gradient` (ReduceOps.cpp);
/// - `torch._deprecated_norms`: `frobenius_norm`, `nuclear_norm`, `norm_except_dim`;
/// - `torch._creation_extras`: `asarray`, `empty_permuted`;
/// - `torch._control_flow`: eager `cond` and `while_loop`;
/// - `torch._lowrank`: `svd_lowrank`, `pca_lowrank` (torch/_lowrank.py's draws and steps);
/// - `torch._lobpcg`: `lobpcg` (torch/_lobpcg.py's draw, Rayleigh-Ritz and SVQB steps);
/// - `torch.amp`: `autocast` (torch/amp/autocast_mode.py's context manager and decorator).
extension TorchRuntime {
    static let pythonComposites: [(module: String, names: [String], methods: Bool)] = [
        ("torch._stft", ["stft", "istft"], true),
        ("torch._gradient", ["gradient"], false),
        ("torch._deprecated_norms", ["frobenius_norm", "nuclear_norm", "norm_except_dim"], false),
        ("torch._creation_extras", ["asarray", "empty_permuted"], false),
        ("torch._control_flow", ["cond", "while_loop"], false),
        ("torch._lowrank", ["svd_lowrank", "pca_lowrank"], false),
        ("torch._lobpcg", ["lobpcg"], false),
        ("torch.amp", ["autocast"], false),
    ]

    func bindPythonComposites(_ b: Binder) {
        func target(_ interp: Interpreter, _ module: String, _ name: String) throws -> PyValue {
            guard let f = try interp.importModule(module)[name] else {
                throw PyError.attributeError("module 'torch' has no attribute '\(name)'")
            }
            return f
        }
        for (module, names, methods) in Self.pythonComposites {
            for name in names {
                if methods {
                    b.both(name) { [unowned self] interp, t, args in
                        var positional = [wrap(t)]
                        positional.append(contentsOf: args.positional)
                        let keywords = zip(args.keywordNames, args.keywordValues).map { ($0.0.string, $0.1) }
                        return try interp.call(try target(interp, module, name), Arguments(positional, keywords: keywords))
                    }
                } else {
                    b.free(name) { [unowned self] interp, args in
                        if name == "gradient", args.positional.count > 1
                            || (args.keyword("spacing").flatMap { rawTensorPayload($0) }.map { $0.rank > 0 } ?? false) {
                            throw PyError.typeError(invalidCombination(name, args))
                        }
                        return try interp.call(try target(interp, module, name), args)
                    }
                }
            }
        }
    }

    /// PyTorch's argument-parser TypeError for a call no overload takes (`torch.gradient(x, 2)`:
    /// its parameters after the input are keyword-only).
    private func invalidCombination(_ name: String, _ args: Arguments) -> String {
        let types = args.positional.map { rawTensorPayload($0) != nil ? "Tensor" : typeNameForError($0) }
            + zip(args.keywordNames, args.keywordValues).reversed().map { "\($0.0.string)=\(rawTensorPayload($0.1) != nil ? "Tensor" : typeNameForError($0.1))" }
        let listing = KeywordTable.shared.functions[name]?.listing ?? ""
        return "\(name)() received an invalid combination of arguments - got (\(types.joined(separator: ", "))), but expected one of:\n" + listing
    }
}
