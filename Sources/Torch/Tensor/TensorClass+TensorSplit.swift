import Interpreter
import Tensors

/// `tensor_split(sections or indices, dim)` and `hsplit`/`vsplit`/`dsplit`: views of the
/// input, as PyTorch cuts them (the first `size % n` sections one longer; indices past the
/// end give empty views).
extension TorchRuntime {
    func bindTensorSplit(_ b: Binder) {
        /// Sections (`.int`) or split indices (a list).
        func pieces(_ t: Tensor, _ spec: PyValue, dim: Int, _ fn: String) throws -> [Tensor] {
            let d = try bridged { try Shape.wrapDim(dim, rank: t.rank) }
            let size = t.sizes[d]
            var bounds: [(Int, Int)] = []
            if case .int(let n) = spec {
                guard n > 0 else { throw PyError.runtimeError("number of sections must be larger than 0, got \(n)") }
                var start = 0
                for i in 0..<n {
                    let length = size / n + (i < size % n ? 1 : 0)
                    bounds.append((start, length))
                    start += length
                }
            } else {
                let indices = try intList(spec, fn, "indices")
                var start = 0
                for index in indices + [size] {
                    let stop = Swift.min(Swift.max(index < 0 ? index + size : index, start), size)
                    let begin = Swift.min(start, size)
                    bounds.append((begin, Swift.max(stop - begin, 0)))
                    start = Swift.max(stop, start)
                }
            }
            return try bridged { try bounds.map { (s, l) throws(TensorError) in try Op.narrow(t, d, start: s, length: l) } }
        }
        let sig = Signature("tensor_split", ["indices_or_sections", "dim"], required: 1)
        b.both("tensor_split") { [unowned self] _, t, args in
            let bound = try args.bind(sig)
            let dim = try bound.given(1).map { try int($0, "tensor_split", "dim") } ?? 0
            return .tuple(try pieces(t, bound[0]!, dim: dim, "tensor_split").map { wrap($0) })
        }
        for (name, minRank) in [("hsplit", 1), ("vsplit", 2), ("dsplit", 3)] {
            let splitSig = Signature(name, ["indices_or_sections"], required: 1)
            b.both(name) { [unowned self] _, t, args in
                let spec = try args.bind(splitSig)[0]!
                guard t.rank >= minRank else {
                    throw PyError.runtimeError("torch.\(name) requires a tensor with at least \(minRank) dimension, but got a tensor with \(t.rank) dimensions!")
                }
                let dim = name == "hsplit" ? (t.rank == 1 ? 0 : 1) : name == "vsplit" ? 0 : 2
                if case .int(let n) = spec, n > 0, t.sizes[dim] % n != 0 {
                    throw PyError.runtimeError("torch.\(name) attempted to split along dimension \(dim), but the size of the dimension \(t.sizes[dim]) is not divisible by the split_size \(n)!")
                }
                return .tuple(try pieces(t, spec, dim: dim, name).map { wrap($0) })
            }
        }
    }
}
