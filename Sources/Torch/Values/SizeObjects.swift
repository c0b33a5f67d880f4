import Interpreter
import Tensors

/// Payload of a `torch.Size`: an immutable tuple of ints.
final class SizeBox {
    let sizes: [Int]
    init(_ sizes: [Int]) { self.sizes = sizes }
}

extension TorchRuntime {
    func sizeValue(_ sizes: [Int]) -> PyValue {
        .object(PyInstance(cls: sizeClass, payload: SizeBox(sizes)))
    }

    /// `torch.Size`: prints `torch.Size([2, 3])`, indexes, slices, iterates, unpacks and
    /// compares equal to tuples of the same ints, like PyTorch's tuple subclass.
    func buildSize(_ interp: Interpreter, _ m: PyModule) {
        let cls = interp.makeClass("Size", module: "torch")
        sizeClass = cls
        func sz(_ s: PyValue) -> [Int] { s.payload(SizeBox.self)!.sizes }
        cls.setConstructor { [unowned self] interp, _, args in
            if args.count == 0 { return sizeValue([]) }
            return sizeValue(try interp.iterate(args[0]).map { v in
                guard let n = v.asInt else {
                    throw PyError.typeError("'\(typeNameForError(v))' object cannot be interpreted as an integer")
                }
                return n
            })
        }
        let repr: NativeMethod = { _, s, _ in .str("torch.Size([" + sz(s).map(String.init).joined(separator: ", ") + "])") }
        cls.addMethod("__repr__", repr)
        cls.addMethod("__str__", repr)
        cls.addMethod("__len__") { _, s, _ in .int(sz(s).count) }
        cls.addMethod("__getitem__") { [unowned self] interp, s, args in
            let sizes = sz(s)
            if let sl = args[0].asSlice {
                let (start, stop, step) = try interp.sliceIndices(sl, length: sizes.count)
                var out: [Int] = []
                var i = start
                while step > 0 ? i < stop : i > stop { out.append(sizes[i]); i += step }
                return sizeValue(out)
            }
            guard let i = try interp.index(args[0]) else {
                throw PyError.typeError("tuple indices must be integers or slices, not \(typeNameForError(args[0]))")
            }
            let j = i < 0 ? i + sizes.count : i
            guard j >= 0 && j < sizes.count else { throw PyError.indexError("tuple index out of range") }
            return .int(sizes[j])
        }
        cls.addMethod("__iter__") { _, s, _ in
            let sizes = sz(s)
            var i = 0
            return .object(PyNativeIterator {
                guard i < sizes.count else { return nil }
                defer { i += 1 }
                return .int(sizes[i])
            })
        }
        cls.addMethod("__contains__") { _, s, args in .bool(args[0].asInt.map { sz(s).contains($0) } ?? false) }
        func other(_ v: PyValue) -> [Int]? {
            if let b = v.payload(SizeBox.self) { return b.sizes }
            if let t = v.asTuple {
                var out: [Int] = []
                for item in t.items { guard case .int(let n) = item else { return nil }; out.append(n) }
                return out
            }
            return nil
        }
        cls.addMethod("__eq__") { _, s, args in
            guard let o = other(args[0]) else { return .notImplemented }
            return .bool(o == sz(s))
        }
        cls.addMethod("__ne__") { _, s, args in
            guard let o = other(args[0]) else { return .notImplemented }
            return .bool(o != sz(s))
        }
        cls.addMethod("__hash__") { _, s, _ in .int(sz(s).reduce(0x345678) { ($0 &* 1_000_003) ^ $1 }) }
        cls.addMethod("__add__") { [unowned self] _, s, args in
            guard let o = other(args[0]) else { return .notImplemented }
            return sizeValue(sz(s) + o)
        }
        cls.addMethod("__radd__") { [unowned self] _, s, args in
            guard let o = other(args[0]) else { return .notImplemented }
            return sizeValue(o + sz(s))
        }
        cls.addMethod("numel") { _, s, _ in .int(sz(s).reduce(1, *)) }
        cls.addMethod("index") { _, s, args in
            guard let n = args[0].asInt, let i = sz(s).firstIndex(of: n) else {
                throw PyError.valueError("tuple.index(x): x not in tuple")
            }
            return .int(i)
        }
        cls.addMethod("count") { _, s, args in .int(sz(s).filter { $0 == args[0].asInt }.count) }
        m.add("Size", cls)
    }
}
