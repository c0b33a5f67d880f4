/// `torch.einsum` for explicit and implicit equations without ellipsis: each pair of
/// operands contracts as one batched matrix product (batch, free-left, contracted,
/// free-right), so common patterns run at BLAS speed.
extension Tensor {
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws(TensorError) -> Tensor {
        let spec = try EinsumSpec(equation, operands)
        let inputs = spec.inputs, output = spec.output, sizeOf = spec.sizeOf
        // Reduce each operand's repeated labels (diagonals) and labels nobody else needs.
        var terms: [(labels: [Character], tensor: Tensor)] = []
        for (i, (labels, t)) in zip(inputs, operands).enumerated() {
            var (l, x) = try takeDiagonals(labels, t)
            let needed = Set(output).union(inputs.enumerated().filter { $0.offset != i }.flatMap(\.element))
            let drop = l.enumerated().filter { !needed.contains($0.element) }.map(\.offset)
            if !drop.isEmpty {
                x = try x.sum(dims: drop)
                l = l.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            }
            terms.append((l, x))
        }
        var (labels, result) = terms[0]
        for k in 1..<Swift.max(terms.count, 1) where terms.count > 1 {
            let later = Set(output).union(terms[(k + 1)...].flatMap(\.labels))
            (labels, result) = try contract(labels, result, terms[k].labels, terms[k].tensor, keep: later, sizeOf: sizeOf)
        }
        // Sum labels not in the output, then order as the output says.
        let extra = labels.enumerated().filter { !output.contains($0.element) }.map(\.offset)
        if !extra.isEmpty {
            result = try result.sum(dims: extra)
            labels = labels.enumerated().filter { !extra.contains($0.offset) }.map(\.element)
        }
        if labels.isEmpty && output.isEmpty { return result.numel == 1 && result.rank > 0 ? try result.reshape([]) : result }
        let order = output.map { labels.firstIndex(of: $0)! }
        return try result.permute(order).contiguous()
    }

    /// Replaces repeated labels within one operand (`ii`) by their diagonal.
    private static func takeDiagonals(_ labels: [Character], _ t: Tensor) throws(TensorError) -> ([Character], Tensor) {
        var l = labels, x = t
        var i = 0
        while i < l.count {
            if let j = l[(i + 1)...].firstIndex(of: l[i]) {
                x = try x.diagonal(offset: 0, dim1: i, dim2: j)   // diagonal moves to the end
                let c = l[i]
                l.remove(at: j); l.remove(at: i); l.append(c)
            } else {
                i += 1
            }
        }
        return (l, x)
    }

    /// Contracts two labelled operands, keeping labels in `keep`.
    private static func contract(_ la: [Character], _ a: Tensor, _ lb: [Character], _ b: Tensor,
                                 keep: Set<Character>, sizeOf: [Character: Int]) throws(TensorError) -> ([Character], Tensor) {
        let batch = la.filter { lb.contains($0) && keep.contains($0) }
        let summed = la.filter { lb.contains($0) && !keep.contains($0) }
        let left = la.filter { !lb.contains($0) }
        let right = lb.filter { !la.contains($0) }
        func arrange(_ labels: [Character], _ t: Tensor, _ groups: [[Character]]) throws(TensorError) -> Tensor {
            let order = groups.flatMap { $0 }.map { labels.firstIndex(of: $0)! }
            let full = groups.flatMap { $0 }.map { sizeOf[$0]! }
            let p = try t.permute(order).expand(full)
            return try p.reshape(groups.map { g in g.reduce(1) { $0 * sizeOf[$1]! } })
        }
        let a3 = try arrange(la, a, [batch, left, summed])
        let b3 = try arrange(lb, b, [batch, summed, right])
        let dtype = DType.promote(a.dtype, b.dtype)
        let r = try a3.to(dtype).bmm(try b3.to(dtype))
        let shape = (batch + left + right).map { sizeOf[$0]! }
        return (batch + left + right, try r.reshape(shape))
    }
}

/// A parsed `einsum` equation checked against its operands: one label list per operand,
/// the output labels (explicit, or the sorted labels seen once) and each label's size.
public struct EinsumSpec {
    public let inputs: [[Character]]
    public let output: [Character]
    public let sizeOf: [Character: Int]

    public init(_ equation: String, _ operands: [Tensor]) throws(TensorError) {
        let eq = equation.filter { $0 != " " }
        if eq.contains(".") { throw .notImplemented("einsum(): ellipsis ('...') is not supported yet") }
        let parts = eq.components(separatedBy: "->")
        let inputs = parts[0].split(separator: ",", omittingEmptySubsequences: false).map { Array($0) }
        if inputs.count != operands.count {
            throw .runtime("einsum(): more operands were provided than specified in the equation")
        }
        var sizeOf: [Character: Int] = [:]
        var counts: [Character: Int] = [:]
        for (i, (labels, t)) in zip(inputs, operands).enumerated() {
            if labels.count != t.rank {
                throw .runtime("einsum(): the number of subscripts in the equation (\(labels.count)) does not match the number of dimensions (\(t.rank)) for operand \(i) and no ellipsis was given")
            }
            for (k, c) in labels.enumerated() {
                guard c.isLetter else { throw .runtime("einsum(): invalid subscript given at index \(k) in the equation string, subscripts must be in [a-zA-Z]") }
                counts[c, default: 0] += 1
                if let s = sizeOf[c], s != t.sizes[k] {
                    if s == 1 { sizeOf[c] = t.sizes[k] } else if t.sizes[k] != 1 {
                        throw .runtime("einsum(): subscript \(c) has size \(t.sizes[k]) for operand \(i) which does not broadcast with previously seen size \(s)")
                    }
                } else if sizeOf[c] == nil {
                    sizeOf[c] = t.sizes[k]
                }
            }
        }
        let output: [Character]
        if parts.count > 1 {
            output = Array(parts[1])
            for c in output where sizeOf[c] == nil {
                throw .runtime("einsum(): output subscript \(c) does not appear in the equation for any input operand")
            }
        } else {
            output = counts.filter { $0.value == 1 }.map(\.key).sorted()
        }
        self.inputs = inputs
        self.output = output
        self.sizeOf = sizeOf
    }
}
