import Interpreter
import Tensors

/// Views and reshapes (`view`, `permute`, `squeeze`...), splitting and joining, and the
/// matrix products.
extension TorchRuntime {
    func bindShape(_ b: Binder) {
        b.method("view") { [unowned self] _, t, args in
            if args.count == 1, let dt = args[0].payload(DTypeBox.self) {
                guard dt.dtype.itemSize == t.dtype.itemSize else {
                    throw PyError.runtimeError("self.element_size() must match dtype.itemsize: view(dtype) with a different element size is not supported")
                }
                return wrap(Tensor(storage: t.storage, sizes: t.sizes, strides: t.strides, offset: t.offset, dtype: dt.dtype,
                                   versionCounter: t.versionCounter))
            }
            return wrap(try Op.view(t, try sizes(args.positional[...], "view")))
        }
        b.both("reshape") { [unowned self] _, t, args in
            let shape = args.count == 0 ? try intList(args.keyword("shape") ?? .tuple([]), "reshape", "shape") : try sizes(args.positional[...], "reshape")
            return wrap(try Op.reshape(t, shape))
        }
        b.method("view_as") { [unowned self] _, t, args in wrap(try Op.view(t, try tensor(args[0], "view_as", "other").sizes)) }
        b.method("reshape_as") { [unowned self] _, t, args in wrap(try Op.reshape(t, try tensor(args[0], "reshape_as", "other").sizes)) }
        b.method("expand") { [unowned self] _, t, args in wrap(try Op.expand(t, try sizes(args.positional[...], "expand"))) }
        b.method("expand_as") { [unowned self] _, t, args in wrap(try Op.expand(t, try tensor(args[0], "expand_as", "other").sizes)) }
        b.both("broadcast_to") { [unowned self] _, t, args in wrap(try Op.expand(t, try intList(args[0], "broadcast_to", "size"))) }
        b.method("repeat") { [unowned self] _, t, args in wrap(try Op.repeat(t, try sizes(args.positional[...], "repeat"))) }
        b.both("tile") { [unowned self] _, t, args in wrap(try Op.tile(t, try sizes(args.positional[...], "tile"))) }
        b.both("permute") { [unowned self] _, t, args in
            // PyTorch's parser requires `dims` (an empty list is fine, a missing one is not).
            guard args.count > 0 || args.keyword("dims") != nil else {
                throw PyError.typeError("permute() missing 1 required positional arguments: \"dims\"")
            }
            let dims = args.count == 0 ? try intList(args.keyword("dims")!, "permute", "dims") : try sizes(args.positional[...], "permute")
            return wrap(try Op.permute(t, dims))
        }
        b.both("flip") { [unowned self] _, t, args in
            // PyTorch's parser requires `dims` (an empty list is fine, a missing one is not).
            guard args.count > 0 || args.keyword("dims") != nil else {
                throw PyError.typeError("flip() missing 1 required positional arguments: \"dims\"")
            }
            let dims = args.count == 0 ? try intList(args.keyword("dims")!, "flip", "dims") : try sizes(args.positional[...], "flip")
            return wrap(try Op.flip(t, dims))
        }
        b.both("fliplr") { [unowned self] _, t, _ in wrap(try Op.flip(t, [1])) }
        b.both("flipud") { [unowned self] _, t, _ in wrap(try Op.flip(t, [0])) }
        let rollSig = Signature("roll", ["shifts", "dims"], required: 1)
        b.both("roll") { [unowned self] _, t, args in
            let bound = try args.bind(rollSig)
            let shifts = try intList(bound[0]!, "roll", "shifts")
            let dims = try bound.given(1).map { try intList($0, "roll", "dims") } ?? []
            return wrap(try Op.roll(t, shifts, dims: dims))
        }
        // PyTorch names swapaxes' parameters axis0/axis1.
        for name in ["transpose", "swapaxes", "swapdims"] {
            let transposeSig = name == "swapaxes" ? Signature(name, ["axis0", "axis1"], required: 2)
                : Signature(name == "swapdims" ? name : "transpose", ["dim0", "dim1"], required: 2)
            b.both(name) { [unowned self] _, t, args in
                let bound = try args.bind(transposeSig)
                return wrap(try Op.transpose(t, try int(bound[0]!, name, "dim0"), try int(bound[1]!, name, "dim1")))
            }
        }
        b.both("t") { [unowned self] _, t, args in
            try args.expectNone("t")
            return wrap(try Op.t(t))
        }
        b.both("adjoint") { [unowned self] _, t, _ in wrap(try Op.matrixTranspose(t)) }
        let unsqueezeSig = Signature("unsqueeze", ["dim"], required: 1)
        b.both("unsqueeze") { [unowned self] _, t, args in
            wrap(try Op.unsqueeze(t, try int(try args.bind(unsqueezeSig)[0]!, "unsqueeze", "dim")))
        }
        let squeezeSig = Signature("squeeze", ["dim"])
        b.both("squeeze") { [unowned self] _, t, args in
            guard let d = try args.bind(squeezeSig).given(0) else { return wrap(try Op.squeeze(t)) }
            // One int dim is PyTorch's squeeze.dim overload (SqueezeBackward1); a tuple is squeeze.dims.
            if case .int(let i) = d { return wrap(try Op.squeeze(t, dim: i)) }
            return wrap(try Op.squeeze(t, dims: try dims(d, "squeeze") ?? []))
        }
        let flattenSig = Signature("flatten", ["start_dim", "end_dim"])
        b.both("flatten") { [unowned self] _, t, args in
            let bound = try args.bind(flattenSig)
            let s = try bound.given(0).map { try int($0, "flatten", "start_dim") } ?? 0
            let e = try bound.given(1).map { try int($0, "flatten", "end_dim") } ?? -1
            return wrap(try Op.flatten(t, start: s, end: e))
        }
        // contiguous() then view(-1), so a copy shows as ViewBackward0 over CloneBackward0.
        b.both("ravel") { [unowned self] _, t, _ in wrap(try Op.view(t.isContiguous ? t : try Op.contiguous(t), [-1])) }
        let unflattenSig = Signature("unflatten", ["dim", "sizes"], required: 2)
        b.both("unflatten") { [unowned self] _, t, args in
            let bound = try args.bind(unflattenSig)
            return wrap(try Op.unflatten(t, try int(bound[0]!, "unflatten", "dim"), try intList(bound[1]!, "unflatten", "sizes")))
        }
        let narrowSig = Signature("narrow", ["dim", "start", "length"], required: 3)
        b.both("narrow") { [unowned self] _, t, args in
            let bound = try args.bind(narrowSig)
            return wrap(try Op.narrow(t, try int(bound[0]!, "narrow", "dim"), start: try int(bound[1]!, "narrow", "start"),
                                      length: try int(bound[2]!, "narrow", "length")))
        }
        let selectSig = Signature("select", ["dim", "index"], required: 2)
        b.both("select") { [unowned self] _, t, args in
            let bound = try args.bind(selectSig)
            return wrap(try Op.select(t, try int(bound[0]!, "select", "dim"), try int(bound[1]!, "select", "index")))
        }
        let movedimSig = Signature("movedim", ["source", "destination"], required: 2)
        for name in ["movedim", "moveaxis"] {
            b.both(name) { [unowned self] _, t, args in
                let bound = try args.bind(movedimSig)
                return wrap(try Op.movedim(t, try int(bound[0]!, name, "source"), try int(bound[1]!, name, "destination")))
            }
        }
        let diagonalSig = Signature("diagonal", ["offset", "dim1", "dim2"])
        b.both("diagonal") { [unowned self] _, t, args in
            let bound = try args.bind(diagonalSig)
            return wrap(try Op.diagonal(t, offset: try bound.given(0).map { try int($0, "diagonal", "offset") } ?? 0,
                                        dim1: try bound.given(1).map { try int($0, "diagonal", "dim1") } ?? 0,
                                        dim2: try bound.given(2).map { try int($0, "diagonal", "dim2") } ?? 1))
        }
        b.method("contiguous") { [unowned self] _, t, _ in t.isContiguous ? wrap(t) : wrap(try Op.contiguous(t)) }
        b.both("clone") { [unowned self] _, t, _ in wrap(try Op.clone(t)) }
        for (name, upper) in [("tril", false), ("triu", true)] {
            let sig = Signature(name, ["diagonal"])
            b.both(name) { [unowned self] _, t, args in
                let d = try args.bind(sig).given(0).map { try int($0, name, "diagonal") } ?? 0
                return wrap(try upper ? Op.triu(t, diagonal: d) : Op.tril(t, diagonal: d))
            }
            b.checkedMethod(name + "_") { [unowned self] _, s, args in
                guard let t = tensorPayload(s) else { return .notImplemented }
                let d = try args.bind(sig).given(0).map { try int($0, name, "diagonal") } ?? 0
                _ = try bridged { try Op.inPlace(t) { x throws(TensorError) in try upper ? Op.triu(x, diagonal: d) : Op.tril(x, diagonal: d) } }
                return s
            }
        }
        let diagSig = Signature("diag", ["diagonal"])
        b.both("diag") { [unowned self] _, t, args in
            let d = try args.bind(diagSig).given(0).map { try int($0, "diag", "diagonal") } ?? 0
            return wrap(try Op.diag(t, diagonal: d))
        }
        b.both("trace") { [unowned self] _, t, _ in wrap(try Op.trace(t)) }

        let splitSig = Signature("split", ["split_size_or_sections", "dim"], required: 1)
        b.both("split") { [unowned self] _, t, args in
            let bound = try args.bind(splitSig)
            let dim = try bound.given(1).map { try int($0, "split", "dim") } ?? 0
            if case .int(let n) = bound[0]! { return wrap(try Op.split(t, size: n, dim: dim)) }
            return wrap(try Op.split(t, sizes: try intList(bound[0]!, "split", "split_size_or_sections"), dim: dim))
        }
        let chunkSig = Signature("chunk", ["chunks", "dim"], required: 1)
        b.both("chunk") { [unowned self] _, t, args in
            let bound = try args.bind(chunkSig)
            return wrap(try Op.chunk(t, try int(bound[0]!, "chunk", "chunks"), dim: try bound.given(1).map { try int($0, "chunk", "dim") } ?? 0))
        }
        let unbindSig = Signature("unbind", ["dim"])
        b.both("unbind") { [unowned self] _, t, args in
            wrap(try Op.unbind(t, dim: try args.bind(unbindSig).given(0).map { try int($0, "unbind", "dim") } ?? 0))
        }

        let catSig = Signature("cat", ["tensors", "dim"], required: 1)
        for name in ["cat", "concat", "concatenate"] {
            b.free(name) { [unowned self] _, args in
                let bound = try args.bind(catSig)
                return wrap(try Op.cat(try tensorList(bound[0]!, name), dim: try bound.given(1).map { try int($0, name, "dim") } ?? 0))
            }
        }
        let stackSig = Signature("stack", ["tensors", "dim"], required: 1)
        b.free("stack") { [unowned self] _, args in
            let bound = try args.bind(stackSig)
            return wrap(try Op.stack(try tensorList(bound[0]!, "stack"), dim: try bound.given(1).map { try int($0, "stack", "dim") } ?? 0))
        }
        b.free("hstack") { [unowned self] _, args in
            let ts = try tensorList(args[0], "hstack")
            return wrap(try Op.cat(ts, dim: ts.first?.rank == 1 ? 0 : 1))
        }
        b.free("vstack") { [unowned self] _, args in
            let ts = try tensorList(args[0], "vstack").map { t throws(TensorError) in t.rank == 1 ? try Op.unsqueeze(t, 0) : t }
            return wrap(try Op.cat(ts, dim: 0))
        }

        bindMatmul(b)
    }

    private func bindMatmul(_ b: Binder) {
        // The second operand's keyword is PyTorch's (`torch.mm(input=a, mat2=b)`).
        let pairs: [(String, String, (Tensor, Tensor) throws -> Tensor)] = [
            ("matmul", "other", { try Op.matmul($0, $1) }), ("mm", "mat2", { try Op.mm($0, $1) }), ("bmm", "mat2", { try Op.bmm($0, $1) }),
            ("mv", "vec", { try Op.mv($0, $1) }), ("dot", "tensor", { try Op.dot($0, $1) }), ("inner", "other", { try Op.inner($0, $1) }),
            ("outer", "vec2", { try Op.outer($0, $1) }), ("ger", "vec2", { try Op.outer($0, $1) }),
        ]
        for (name, second, f) in pairs {
            let signature = Signature(name, [second], required: 1)
            b.both(name) { [unowned self] _, t, args in
                guard args.count <= 1 else { throw PyError.typeError("\(name)() takes exactly one argument (\(args.count) given)") }
                let bound = try args.bind(signature)
                return wrap(try f(t, try tensor(bound[0]!, name, second, position: 1)))
            }
        }
        let addmmSig = Signature("addmm", ["mat1", "mat2"], keywordOnly: ["beta", "alpha"], required: 2)
        b.both("addmm") { [unowned self] _, t, args in
            let bound = try args.bind(addmmSig)
            return wrap(try Op.addmm(t, try tensor(bound[0]!, "addmm", "mat1"), try tensor(bound[1]!, "addmm", "mat2"),
                                     beta: try bound.given(2).map { try scalarOrItem($0, "addmm", "beta") } ?? .int(1),
                                     alpha: try bound.given(3).map { try scalarOrItem($0, "addmm", "alpha") } ?? .int(1)))
        }
        b.free("einsum") { [unowned self] _, args in
            guard args.count >= 1, case .str(let eq) = args[0] else {
                throw PyError.typeError("einsum(): argument 'equation' (position 1) must be str")
            }
            var operands: [Tensor]
            if args.count == 2, tensorPayload(args[1]) == nil {
                operands = try tensorList(args[1], "einsum", "operands")
            } else {
                operands = try args.positional.dropFirst().map { try tensor($0, "einsum", "operands") }
            }
            return wrap(try Op.einsum(eq, operands))
        }
    }
}
