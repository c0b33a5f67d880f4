import Autograd
import Interpreter
import Tensors

/// `renorm`/`renorm_`, `as_strided`/`as_strided_`/`as_strided_scatter`, `empty_strided`/`new_empty_strided`,
/// `resize_`/`resize_as_` and `Tensor.apply_`: ops about a tensor's geometry or its
/// elements one by one.
extension TorchRuntime {
    func bindTensorMisc2Geometry(_ b: Binder) {
        let renormSig = Signature("renorm", ["p", "dim", "maxnorm"], required: 3)
        func renormArguments(_ args: Arguments, _ name: String) throws -> (Double, Int, Double) {
            let bound = try args.bind(renormSig)
            return (try double(bound[0]!, name, "p"), try int(bound[1]!, name, "dim"), try double(bound[2]!, name, "maxnorm"))
        }
        b.both("renorm") { [unowned self] _, t, args in
            let (p, dim, maxnorm) = try renormArguments(args, "renorm")
            return wrap(try bridged { try Differentiable.renorm(t, p: p, dim: dim, maxnorm: maxnorm) })
        }
        b.checkedMethod("renorm_") { [unowned self] _, s, args in
            guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor 'renorm_' requires a 'torch._C.TensorBase' object") }
            let (p, dim, maxnorm) = try renormArguments(args, "renorm_")
            _ = try bridged { try Differentiable.inPlace(t) { x throws(TensorError) in try Differentiable.renorm(x, p: p, dim: dim, maxnorm: maxnorm) } }
            return s
        }
        bindAsStrided(b)
        bindResize(b)
        b.checkedMethod("apply_") { [unowned self] interp, s, args in
            guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor 'apply_' requires a 'torch._C.TensorBase' object") }
            guard args.count == 1 else { throw PyError.typeError("apply_() takes exactly one argument (\(args.count) given)") }
            if t.requiresGrad {
                throw PyError.runtimeError("Can't call apply_() on Variable that requires grad. Use var.detach().apply_() instead.")
            }
            let values = try bridged { try t.contiguous().elementsAsDouble() }
            var results: [Double] = []
            results.reserveCapacity(values.count)
            for v in values {
                let arg: PyValue = t.dtype.isFloatingPoint ? .float(v) : t.dtype == .bool ? .bool(v != 0) : .int(Int(v))
                results.append(try double(try interp.call(args[0], Arguments([arg])), "apply_", "callable"))
            }
            _ = try bridged { try t.copy_(try Tensor(values: results, shape: t.sizes, dtype: t.dtype, device: t.device)) }
            return s
        }
    }

    private func bindAsStrided(_ b: Binder) {
        let sig = Signature("as_strided", ["size", "stride", "storage_offset"], required: 2)
        func geometry(_ args: Arguments, _ name: String) throws -> ([Int], [Int], Int?) {
            let bound = try args.bind(sig)
            let sizes = try intList(bound[0]!, name, "size"), strides = try intList(bound[1]!, name, "stride")
            let offset = try bound.given(2).map { try int($0, name, "storage_offset") }
            return (sizes, strides, offset)
        }
        b.both("as_strided") { [unowned self] _, t, args in
            let (sizes, strides, offset) = try geometry(args, "as_strided")
            return wrap(try bridged { try Differentiable.asStrided(t, sizes: sizes, strides: strides, offset: offset) })
        }
        b.checkedMethod("as_strided_") { [unowned self] _, s, args in
            guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor 'as_strided_' requires a 'torch._C.TensorBase' object") }
            let (sizes, strides, offset) = try geometry(args, "as_strided_")
            if t.requiresGrad && t.isLeafForMisc2 {
                throw PyError.runtimeError("a leaf Variable that requires grad is being used in an in-place operation.")
            }
            let viewed = try bridged { try t.asStrided(sizes, strides, offset: offset) }
            t.setData(viewed)
            return s
        }
        let scatterSig = Signature("as_strided_scatter", ["src", "size", "stride", "storage_offset"], required: 3)
        b.both("as_strided_scatter") { [unowned self] _, t, args in
            let bound = try args.bind(scatterSig)
            let src = try tensor(bound[0]!, "as_strided_scatter", "src")
            let sizes = try intList(bound[1]!, "as_strided_scatter", "size"), strides = try intList(bound[2]!, "as_strided_scatter", "stride")
            let offset = try bound.given(3).map { try int($0, "as_strided_scatter", "storage_offset") }
            return wrap(try bridged { try Differentiable.asStridedScatter(t, src, sizes: sizes, strides: strides, offset: offset) })
        }
        let emptySig = Signature("empty_strided", ["size", "stride"], keywordOnly: ["dtype", "layout", "device", "pin_memory", "requires_grad"], required: 2)
        b.free("empty_strided") { [unowned self] _, args in
            let bound = try args.bind(emptySig)
            let sizes = try intList(bound[0]!, "empty_strided", "size"), strides = try intList(bound[1]!, "empty_strided", "stride")
            let out = try stridedZeros(sizes, strides, dtype: try dtype(bound[2]) ?? .float32, device: try device(bound[4]))
            try applyRequiresGrad(out, bound.given(6))
            return wrap(out)
        }
        let newSig = Signature("new_empty_strided", ["size", "stride"], keywordOnly: ["dtype", "layout", "device", "pin_memory", "requires_grad"], required: 2)
        b.method("new_empty_strided") { [unowned self] _, t, args in
            let bound = try args.bind(newSig)
            let sizes = try intList(bound[0]!, "new_empty_strided", "size"), strides = try intList(bound[1]!, "new_empty_strided", "stride")
            let dev = bound.given(4) == nil ? t.device : try device(bound[4])
            let out = try stridedZeros(sizes, strides, dtype: try dtype(bound[2]) ?? t.dtype, device: dev)
            try applyRequiresGrad(out, bound.given(6))
            return wrap(out)
        }
    }

    /// A tensor of `sizes`/`strides` over fresh zeroed storage just large enough
    /// (`empty_strided`'s memory is uninitialised in PyTorch; zeros are one choice of it).
    private func stridedZeros(_ sizes: [Int], _ strides: [Int], dtype: DType, device: Device) throws -> Tensor {
        if sizes.count != strides.count {
            throw PyError.runtimeError("dimensionality of sizes (\(sizes.count)) must match dimensionality of strides (\(strides.count))")
        }
        let extent = sizes.contains(0) ? 0 : zip(sizes, strides).reduce(1) { $0 + ($1.0 - 1) * $1.1 }
        return try bridged { try Tensor.zeros([extent], dtype: dtype, device: device).asStrided(sizes, strides, offset: 0) }
    }

    /// `resize_(*sizes)` / `resize_as_(other)`: contiguous strides over the same storage
    /// when it is large enough, else over a larger copy of it (the old elements first).
    private func bindResize(_ b: Binder) {
        func resize(_ t: Tensor, _ sizes: [Int]) throws {
            if t.requiresGrad { throw PyError.runtimeError("cannot resize variables that require grad") }
            if let bad = sizes.first(where: { $0 < 0 }) {
                throw PyError.runtimeError("Trying to create tensor with negative dimension \(bad): \(sizeList(sizes))")
            }
            let numel = sizes.reduce(1, *)
            let needed = t.offset + numel
            let resized = try bridged { () throws(TensorError) -> Tensor in
                var strides = [Int](repeating: 1, count: sizes.count)
                for d in stride(from: sizes.count - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * Swift.max(sizes[d + 1], 1) }
                let capacity = t.storage.byteCount / t.dtype.itemSize
                if needed <= capacity { return try t.asStrided(sizes, strides, offset: t.offset) }
                let grown = try Tensor.zeros([needed], dtype: t.dtype, device: t.device)
                let old = try t.asStrided([capacity], [1], offset: 0)
                _ = try grown.narrow(0, start: 0, length: capacity).copy_(old)
                return try grown.asStrided(sizes, strides, offset: t.offset)
            }
            t.setData(resized)
            t.bumpVersion()
        }
        b.checkedMethod("resize_") { [unowned self] _, s, args in
            guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor 'resize_' requires a 'torch._C.TensorBase' object") }
            var rest = args
            if let i = rest.keywordNames.firstIndex(where: { $0.string == "memory_format" }) {
                rest.keywordNames.remove(at: i); rest.keywordValues.remove(at: i)
            }
            try resize(t, try sizes(rest.positional[...], "resize_"))
            return s
        }
        b.checkedMethod("resize_as_") { [unowned self] _, s, args in
            guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor 'resize_as_' requires a 'torch._C.TensorBase' object") }
            guard args.count >= 1, let other = tensorPayload(args[0]) else {
                throw PyError.typeError("resize_as_(): argument 'the_template' (position 1) must be Tensor")
            }
            try resize(t, other.sizes)
            return s
        }
    }
}

extension Tensor {
    /// A tensor that requires grad and has no grad_fn (a leaf the user made).
    var isLeafForMisc2: Bool { isLeaf }
}
