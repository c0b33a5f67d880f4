import Autograd
import Interpreter
import Tensors

/// `index_add`, `index_copy`, `index_fill`, `index_put`, `scatter_reduce` (each with its
/// in-place twin, recorded under the out-of-place node as PyTorch does) and
/// `take_along_dim`.
extension TorchRuntime {
    /// Binds `name` (method and function) and `name_` (method) from one out-of-place body.
    /// `others` lists the differentiable tensor inputs after `self`, in the order of the
    /// node's gradient formula (`source` for index_add).
    func bindWithInPlace(_ b: Binder, _ name: String, _ body: @escaping (Tensor, Arguments) throws -> Tensor,
                         others: @escaping (Arguments) -> [Tensor?]) {
        b.both(name) { [unowned self] _, t, args in wrap(try body(t, args)) }
        let inPlaceName = name + "_"
        b.checkedMethod(inPlaceName) { _, s, args in
            guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(inPlaceName)' requires a 'torch._C.TensorBase' object") }
            var failure: Error?
            do {
                _ = try bridged {
                    try Op.inPlace(t, others: others(args)) { x throws(TensorError) in
                        do { return try body(x, args) } catch let e as TensorError { throw e } catch {
                            failure = error
                            throw TensorError.runtime("")
                        }
                    }
                }
            } catch {
                throw failure ?? error
            }
            return s
        }
    }

    func bindIndexAccumulate(_ b: Binder) {
        let addSig = Signature("index_add", ["dim", "index", "source"], keywordOnly: ["alpha"], required: 3)
        bindWithInPlace(b, "index_add") { [unowned self] t, args in
            let bound = try args.bind(addSig)
            let alpha = try bound.given(3).map { try scalarOrItem($0, "index_add", "alpha") } ?? .int(1)
            return try bridged {
                try Differentiable.indexAdd(t, try int(bound[0]!, "index_add", "dim"), try tensor(bound[1]!, "index_add", "index"),
                                            try tensor(bound[2]!, "index_add", "source"), alpha: alpha)
            }
        } others: { args in [(try? args.bind(addSig)).flatMap { $0.given(2) }.flatMap(tensorPayload)] }
        let copySig = Signature("index_copy", ["dim", "index", "source"], required: 3)
        bindWithInPlace(b, "index_copy") { [unowned self] t, args in
            let bound = try args.bind(copySig)
            return try bridged {
                try Differentiable.indexCopy(t, try int(bound[0]!, "index_copy", "dim"), try tensor(bound[1]!, "index_copy", "index"),
                                             try tensor(bound[2]!, "index_copy", "source"))
            }
        } others: { args in [(try? args.bind(copySig)).flatMap { $0.given(2) }.flatMap(tensorPayload)] }
        let fillSig = Signature("index_fill", ["dim", "index", "value"], required: 3)
        bindWithInPlace(b, "index_fill") { [unowned self] t, args in
            let bound = try args.bind(fillSig)
            let dim = try int(bound[0]!, "index_fill", "dim"), index = try tensor(bound[1]!, "index_fill", "index")
            if let v = tensorPayload(bound[2]!) { return try bridged { try Differentiable.indexFill(t, dim, index, v) } }
            let value = try scalarOrItem(bound[2]!, "index_fill", "value")
            try bridged { try value.checkFits(t.dtype) }
            return try bridged { try Differentiable.indexFill(t, dim, index, value) }
        } others: { args in
            let v = (try? args.bind(fillSig)).flatMap { $0.given(2) }.flatMap(tensorPayload)
            return v.map { [$0] } ?? []
        }
        let putSig = Signature("index_put", ["indices", "values", "accumulate"], required: 2)
        bindWithInPlace(b, "index_put") { [unowned self] t, args in
            let bound = try args.bind(putSig)
            let items: [PyValue]
            if let tuple = bound[0]!.asTuple { items = tuple.items } else if let list = bound[0]!.asList { items = list.items } else {
                throw PyError.typeError("index_put(): argument 'indices' (position 1) must be tuple of Tensors, not \(typeNameForError(bound[0]!))")
            }
            let indices: [Tensor?] = try items.map { v in v.isNone ? nil : try tensor(v, "index_put", "indices") }
            let values = try tensor(bound[1]!, "index_put", "values")
            let accumulate = try bound.given(2).map { try bool($0, "index_put", "accumulate") } ?? false
            return try bridged { try Differentiable.indexPut(t, indices, values, accumulate: accumulate) }
        } others: { args in [(try? args.bind(putSig)).flatMap { $0.given(1) }.flatMap(tensorPayload)] }
        let reduceSig = Signature("scatter_reduce", ["dim", "index", "src", "reduce"], keywordOnly: ["include_self"], required: 4)
        bindWithInPlace(b, "scatter_reduce") { [unowned self] t, args in
            let bound = try args.bind(reduceSig)
            guard case .str(let name) = bound[3]!, let reduction = Tensor.ScatterReduction(rawValue: name == "max" ? "amax" : name == "min" ? "amin" : name) else {
                throw PyError.runtimeError("reduce argument must be either sum, prod, mean, amax or amin, got \(bound[3]!.asString ?? "")")
            }
            let includeSelf = try bound.given(4).map { try bool($0, "scatter_reduce", "include_self") } ?? true
            return try bridged {
                try Differentiable.scatterReduce(t, try int(bound[0]!, "scatter_reduce", "dim"), try tensor(bound[1]!, "scatter_reduce", "index"),
                                                 try tensor(bound[2]!, "scatter_reduce", "src"), reduction, includeSelf: includeSelf)
            }
        } others: { args in [(try? args.bind(reduceSig)).flatMap { $0.given(2) }.flatMap(tensorPayload)] }
        // take_along_dim is gather after broadcasting (GatherBackward0), or along the
        // flattened input when no dim is given.
        let takeSig = Signature("take_along_dim", ["indices", "dim"], required: 1)
        b.both("take_along_dim") { [unowned self] _, t, args in
            let bound = try args.bind(takeSig)
            let indices = try tensor(bound[0]!, "take_along_dim", "indices")
            if indices.dtype != .int64 {
                throw PyError.runtimeError("torch.take_along_dim(): dtype of indices should be Long but got \(indices.dtype.scalarTypeName)")
            }
            guard let dv = bound.given(1) else {
                return wrap(try bridged { try Op.gather(try Op.reshape(t, [-1]), 0, try indices.reshape([-1])) })
            }
            if t.rank != indices.rank {
                throw PyError.runtimeError("torch.take_along_dim(): input and indices should have the same number of dimensions, but got \(t.rank) dimensions for input, and \(indices.rank) dimensions for indices")
            }
            let dim = try bridged { try Shape.wrapDim(try int(dv, "take_along_dim", "dim"), rank: t.rank) }
            var selfSizes = t.sizes, indexSizes = indices.sizes
            selfSizes[dim] = indices.sizes[dim]
            let broadcast = try bridged { try Shape.broadcast(selfSizes, indices.sizes) }
            indexSizes = broadcast
            var inputSizes = broadcast
            inputSizes[dim] = t.sizes[dim]
            return wrap(try bridged {
                let input = inputSizes == t.sizes ? t : try Op.expand(t, inputSizes)
                let index = indexSizes == indices.sizes ? indices : try indices.expand(indexSizes)
                return try Op.gather(input, dim, index)
            })
        }
    }
}

/// `index_reduce`, `masked_scatter` and `put`, each with its in-place twin.
extension TorchRuntime {
    func bindMoreScatters(_ b: Binder) {
        let reduceSig = Signature("index_reduce", ["dim", "index", "source", "reduce"], keywordOnly: ["include_self"], required: 4)
        bindWithInPlace(b, "index_reduce") { [unowned self] t, args in
            let bound = try args.bind(reduceSig)
            let name = bound[3]!.asString ?? ""
            guard ["prod", "mean", "amax", "amin"].contains(name), let reduction = Tensor.ScatterReduction(rawValue: name) else {
                throw PyError.runtimeError("index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got \(name).")
            }
            let includeSelf = try bound.given(4).map { try bool($0, "index_reduce", "include_self") } ?? true
            return try bridged {
                try Differentiable.indexReduce(t, try int(bound[0]!, "index_reduce", "dim"), try tensor(bound[1]!, "index_reduce", "index"),
                                               try tensor(bound[2]!, "index_reduce", "source"), reduction, includeSelf: includeSelf)
            }
        } others: { args in [(try? args.bind(reduceSig)).flatMap { $0.given(2) }.flatMap(tensorPayload)] }
        let maskedSig = Signature("masked_scatter", ["mask", "source"], required: 2)
        bindWithInPlace(b, "masked_scatter") { [unowned self] t, args in
            let bound = try args.bind(maskedSig)
            return try bridged {
                try Differentiable.maskedScatter(t, try tensor(bound[0]!, "masked_scatter", "mask"), try tensor(bound[1]!, "masked_scatter", "source"))
            }
        } others: { args in [(try? args.bind(maskedSig)).flatMap { $0.given(1) }.flatMap(tensorPayload)] }
        let putSig = Signature("put", ["index", "source", "accumulate"], required: 2)
        bindWithInPlace(b, "put") { [unowned self] t, args in
            let bound = try args.bind(putSig)
            let accumulate = try bound.given(2).map { try bool($0, "put", "accumulate") } ?? false
            return try bridged {
                try Differentiable.put(t, try tensor(bound[0]!, "put", "index"), try tensor(bound[1]!, "put", "source"), accumulate: accumulate)
            }
        } others: { args in [(try? args.bind(putSig)).flatMap { $0.given(1) }.flatMap(tensorPayload)] }
    }
}
