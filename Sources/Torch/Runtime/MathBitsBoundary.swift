import Autograd
import Interpreter
import Tensors

/// Where a tensor with PyTorch's conjugate or negative bit (Tensor+MathBits.swift) meets a
/// bound operation. Kernels read raw memory, so by default an op gets the resolved values
/// (PyTorch's math-bits fallback does the same); views keep the bits and share memory; an
/// in-place op works on the resolved values and stores them back through the bits; a few
/// names read the bits themselves.
enum MathBitsBoundary {
    enum Kind { case resolve, raw, view, inPlace, layoutInPlace }

    /// Views PyTorch gives the input's bits (`x.conj().T.is_conj()` is True). A result that
    /// turns out not to share memory (`reshape` copying, advanced indexing) is resolved.
    static let views: Set<String> = [
        "transpose", "swapaxes", "swapdims", "t", "T", "mT", "permute", "view", "reshape", "view_as",
        "reshape_as", "flatten", "unflatten", "ravel", "unsqueeze", "squeeze", "select", "narrow",
        "expand", "expand_as", "broadcast_to", "__getitem__", "split", "chunk", "unbind", "tensor_split",
        "hsplit", "vsplit", "dsplit", "split_with_sizes", "movedim", "moveaxis", "diagonal", "as_strided",
        "unfold", "detach", "data", "cpu", "alias", "to",
    ]

    /// Names whose bodies see the bits: metadata, layout-changing in-place ops, and the
    /// math-bit operations themselves (bound by `bindLazyConjugation`).
    static let raw: Set<String> = [
        "is_conj", "is_neg", "conj", "resolve_conj", "resolve_neg", "_neg_view", "view_as_real", "real", "imag",
        "mH", "H", "adjoint", "contiguous", "data_ptr", "storage_offset", "stride", "size", "dim", "ndimension",
        "numel", "nelement", "is_contiguous", "untyped_storage", "element_size", "_is_view", "is_complex",
        "is_floating_point", "get_device", "requires_grad_", "retain_grad", "detach_", "share_memory_",
        "is_shared", "is_set_to", "is_same_size",
    ]

    /// In-place ops that change the layout, not the values: they run on a bit-free alias
    /// whose new layout the tensor then takes, keeping its bits.
    static let layoutInPlace: Set<String> = [
        "transpose_", "t_", "squeeze_", "unsqueeze_", "swapaxes_", "swapdims_", "as_strided_", "resize_",
        "resize_as_", "set_",
    ]

    static let inPlaceOperators: Set<String> = [
        "__iadd__", "__isub__", "__imul__", "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__",
        "__iand__", "__ior__", "__ixor__", "__ilshift__", "__irshift__", "__imatmul__", "__setitem__",
    ]

    static func kind(_ name: String) -> Kind {
        if raw.contains(name) { return .raw }
        if layoutInPlace.contains(name) { return .layoutInPlace }
        if views.contains(name) { return .view }
        if inPlaceOperators.contains(name) || (name.hasSuffix("_") && !name.hasPrefix("__")) { return .inPlace }
        return .resolve
    }

    /// Properties read metadata unless they are views or the math-bit views (`real`, `imag`, `mH`).
    static func propertyKind(_ name: String) -> Kind { views.contains(name) ? .view : .raw }

    /// In-place methods and the views `to`/`cpu` get a class-level wrapper (their bodies
    /// take the receiver with `tensorPayload`, which resolves).
    static func wrapsRegisteredMethod(_ name: String) -> Bool {
        switch kind(name) {
        case .inPlace: return !inPlaceOperators.contains(name)
        case .layoutInPlace: return true
        case .view: return name == "to" || name == "cpu"
        default: return false
        }
    }
}

/// The tensor inside a `torch.Tensor` value as it is, math bits and all (`tensorPayload`
/// resolves them).
@inline(__always)
func rawTensorPayload(_ v: PyValue) -> Tensor? {
    if case .object(let o) = v, let inst = o as? PyInstance { return inst.payload as? Tensor }
    return nil
}

extension TorchRuntime {
    /// Runs `body` for the op `name` on `t` (the receiver `receiver`, when a method) as
    /// `MathBitsBoundary` says. Tensors without bits go straight through.
    @inline(__always)
    func acrossMathBits(_ name: String, _ t: Tensor, receiver: PyValue?, kind: MathBitsBoundary.Kind? = nil,
                        _ body: (Tensor) throws -> PyValue) throws -> PyValue {
        if !t.hasMathBits { return try body(t) }
        return try acrossSetMathBits(kind ?? MathBitsBoundary.kind(name), t, receiver: receiver, body)
    }

    private func acrossSetMathBits(_ kind: MathBitsBoundary.Kind, _ t: Tensor, receiver: PyValue?,
                                   _ body: (Tensor) throws -> PyValue) throws -> PyValue {
        switch kind {
        case .raw:
            return try body(t)
        case .resolve:
            return try body(try bridged { try Differentiable.resolvedMathBits(t) })
        case .view where t.requiresGrad:
            // A bit-free alias would have no history: views of a recorded conjugate are
            // taken of its resolved copy (same values and gradients; not sharing memory).
            return try body(try bridged { try Differentiable.resolvedMathBits(t) })
        case .view:
            // An op that hands its input back (`to` the same dtype, `cpu`) hands back the receiver.
            let alias = t.withoutMathBits()
            let result = try body(alias)
            if let receiver, let r = rawTensorPayload(result), r === alias { return receiver }
            return try carryMathBits(result, from: t)
        case .layoutInPlace:
            let alias = t.withoutMathBits()
            let result = try body(alias)
            let (conj, neg) = (t.isConj, t.isNeg)
            t.setData(alias)
            t.isConj = conj
            t.isNeg = neg
            if let receiver, let r = rawTensorPayload(result), r === alias { return receiver }
            return result
        case .inPlace:
            let values = try bridged { try t.resolvedMathBits() }
            let result = try body(values)
            try bridged { try t.storeReading(values) }
            if let receiver, let r = rawTensorPayload(result), r === values { return receiver }
            return result
        }
    }

    /// A view op's results read through `t`'s bits: those sharing its memory get the bits,
    /// copies (made from the raw memory) are resolved.
    private func carryMathBits(_ result: PyValue, from t: Tensor) throws -> PyValue {
        if let r = rawTensorPayload(result) {
            if r.sharesStorage(with: t) {
                r.isConj = t.isConj && r.dtype.isComplex
                r.isNeg = t.isNeg
                return result
            }
            r.isConj = t.isConj && r.dtype.isComplex
            r.isNeg = t.isNeg
            let resolved = try bridged { try r.resolvedMathBits() }
            r.isConj = false
            r.isNeg = false
            return wrap(resolved)
        }
        if case .object(let o) = result, let tuple = o as? PyTuple {
            return .tuple(try tuple.items.map { try carryMathBits($0, from: t) })
        }
        if case .object(let o) = result, let list = o as? PyList {
            for i in list.items.indices { list.items[i] = try carryMathBits(list.items[i], from: t) }
            return result
        }
        return result
    }

    /// Methods registered straight on the class (most in-place ops, `to`) read their
    /// receiver with `tensorPayload`, which resolves: a write would land in the copy. The
    /// first tensor with a bit in a session re-wraps those names once, so sessions that
    /// never make one pay nothing.
    func installMathBitsMethodWrappers(_ interp: Interpreter) {
        guard !mathBitsWrappersInstalled else { return }
        mathBitsWrappersInstalled = true
        let cls = tensorClass!
        for name in cls.ownAttributeNames where MathBitsBoundary.wrapsRegisteredMethod(name) {
            guard let original = cls[name], case .object(let o) = original, o is PyBuiltinFunction else { continue }
            cls.addMethod(name) { [unowned self] interp, s, args in
                guard let t = rawTensorPayload(s), t.hasMathBits else { return try interp.call(original, args.prepending(s)) }
                return try acrossMathBits(name, t, receiver: s) { v in try interp.call(original, args.prepending(wrap(v))) }
            }
        }
    }
}
