import Tensors

/// `torch.einsum` through differentiable ops, in PyTorch's order so the result carries
/// the grad_fn PyTorch gives it: one operand is permuted to the output order and then
/// summed (PermuteBackward0 / SumBackward1); each pair multiplies when nothing is
/// contracted (MulBackward0) or runs as one `bmm` viewed to the output (ViewBackward0).
extension Differentiable {
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws(TensorError) -> Tensor {
        // Composed the same way with or without grad mode, so strides and contiguity
        // match PyTorch's either way (`einsum('ij->ji', x)` is a non-contiguous permute).
        let spec = try EinsumSpec(equation, operands)
        let output = spec.output
        var terms: [(labels: [Character], tensor: Tensor)] = []
        for (labels, t) in zip(spec.inputs, operands) { terms.append(try diagonals(labels, t)) }

        if terms.count == 1 {
            let (labels, x) = terms[0]
            let summed = labels.filter { !output.contains($0) }
            let order = (output + summed).map { labels.firstIndex(of: $0)! }
            let p = try permute(x, order)
            if summed.isEmpty { return p }
            return try sum(p, dims: Array(output.count..<labels.count))
        }

        // Sum labels only one operand has and the output does not keep.
        for i in terms.indices {
            let needed = Set(output).union(terms.indices.filter { $0 != i }.flatMap { terms[$0].labels })
            let drop = terms[i].labels.indices.filter { !needed.contains(terms[i].labels[$0]) }
            if drop.isEmpty { continue }
            terms[i] = (terms[i].labels.enumerated().filter { !drop.contains($0.offset) }.map(\.element),
                        try sum(terms[i].tensor, dims: drop))
        }
        var (labels, result) = terms[0]
        for k in 1..<terms.count {
            let isLast = k == terms.count - 1
            let keep = Set(output).union(terms[(k + 1)...].flatMap(\.labels))
            let b = terms[k]
            let order = isLast ? output : (labels + b.labels.filter { !labels.contains($0) }).filter { keep.contains($0) }
            (labels, result) = try contractPair(labels, result, b.labels, b.tensor, keep: keep, order: order, sizeOf: spec.sizeOf)
        }
        if labels != output { result = try permute(result, output.map { labels.firstIndex(of: $0)! }) }
        return result
    }

    /// Replaces repeated labels within one operand (`ii`) by their diagonal, moved last.
    static func diagonals(_ labels: [Character], _ t: Tensor) throws(TensorError) -> ([Character], Tensor) {
        var l = labels, x = t
        var i = 0
        while i < l.count {
            if let j = l[(i + 1)...].firstIndex(of: l[i]) {
                x = try diagonal(x, offset: 0, dim1: i, dim2: j)
                let c = l[i]
                l.remove(at: j); l.remove(at: i); l.append(c)
            } else {
                i += 1
            }
        }
        return (l, x)
    }

    /// Contracts two labelled operands over the labels they share and `keep` lacks. The
    /// result's labels come in `order` when one product can produce it directly.
    static func contractPair(_ la: [Character], _ a: Tensor, _ lb: [Character], _ b: Tensor, keep: Set<Character>,
                             order: [Character], sizeOf: [Character: Int]) throws(TensorError) -> ([Character], Tensor) {
        let summed = la.filter { lb.contains($0) && !keep.contains($0) }
        let dtype = DType.promote(a.dtype, b.dtype)
        let a = a.dtype == dtype ? a : try to(a, dtype), b = b.dtype == dtype ? b : try to(b, dtype)
        if summed.isEmpty {
            // Broadcast both to `order` and multiply.
            func aligned(_ labels: [Character], _ t: Tensor) throws(TensorError) -> Tensor {
                let present = order.filter { labels.contains($0) }
                let perm = present.map { labels.firstIndex(of: $0)! }
                var v = perm == Array(perm.indices) ? t : try permute(t, perm)
                for (d, c) in order.enumerated() where !labels.contains(c) { v = try unsqueeze(v, d) }
                return v
            }
            return (order, try mul(try aligned(la, a), try aligned(lb, b)))
        }
        let batch = order.filter { la.contains($0) && lb.contains($0) }
        let left = order.filter { la.contains($0) && !lb.contains($0) }
        let right = order.filter { lb.contains($0) && !la.contains($0) }
        func arrange(_ labels: [Character], _ t: Tensor, _ groups: [[Character]]) throws(TensorError) -> Tensor {
            let flat = groups.flatMap { $0 }
            let perm = flat.map { labels.firstIndex(of: $0)! }
            var v = perm == Array(perm.indices) ? t : try permute(t, perm)
            let full = flat.map { sizeOf[$0]! }
            if v.sizes != full { v = try expand(v, full) }
            return try reshape(v, groups.map { g in g.reduce(1) { $0 * sizeOf[$1]! } })
        }
        let swapped = batch + right + left == order && batch + left + right != order
        let product: Tensor
        let labels: [Character]
        if swapped {
            product = try bmm(try arrange(lb, b, [batch, right, summed]), try arrange(la, a, [batch, summed, left]))
            labels = batch + right + left
        } else {
            product = try bmm(try arrange(la, a, [batch, left, summed]), try arrange(lb, b, [batch, summed, right]))
            labels = batch + left + right
        }
        return (labels, try reshape(product, labels.map { sizeOf[$0]! }))
    }
}
