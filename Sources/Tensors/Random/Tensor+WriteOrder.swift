/// Where a random kernel's values land: PyTorch's TensorIterator walks the output in memory
/// order, so a transposed tensor receives its draws column by column.
extension Tensor {
    /// Row-major (logical) flat indices in the order the kernel visits them; identity for
    /// contiguous tensors.
    func randomWriteOrder() -> [Int] {
        let n = numel
        if isContiguous { return Array(0..<n) }
        // Outer to inner by decreasing stride; equal strides keep their logical order.
        let dims = sizes.indices.sorted { strides[$0] > strides[$1] || (strides[$0] == strides[$1] && $0 < $1) }
        let logicalStrides = Shape.contiguousStrides(sizes)
        var order = [Int]()
        order.reserveCapacity(n)
        var counter = [Int](repeating: 0, count: dims.count)
        for _ in 0..<n {
            var flat = 0
            for (k, dim) in dims.enumerated() { flat += counter[k] * logicalStrides[dim] }
            order.append(flat)
            var k = dims.count - 1
            while k >= 0 {
                counter[k] += 1
                if counter[k] < sizes[dims[k]] { break }
                counter[k] = 0
                k -= 1
            }
        }
        return order
    }

    /// Writes `values` (in visiting order) into this tensor, converting to its dtype.
    func writeInVisitOrder(_ values: [Double]) throws(TensorError) {
        try copy_(Tensor(values: placed(values), shape: sizes, dtype: dtype))
    }

    func writeInVisitOrder(_ values: [Int64]) throws(TensorError) {
        try copy_(Tensor(values: placed(values), shape: sizes, dtype: dtype))
    }

    func writeInVisitOrder(_ values: [Bool]) throws(TensorError) {
        try copy_(Tensor(values: placed(values), shape: sizes, dtype: .bool))
    }

    private func placed<T>(_ values: [T]) -> [T] {
        precondition(values.count == numel)
        if isContiguous { return values }
        var result = values
        for (k, flat) in randomWriteOrder().enumerated() { result[flat] = values[k] }
        return result
    }

    /// PyTorch refuses to fill a tensor whose elements share memory (an `expand`ed view).
    func checkNoInternalOverlap() throws(TensorError) {
        if zip(sizes, strides).contains(where: { $0.0 > 1 && $0.1 == 0 }) {
            throw .runtime("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.")
        }
    }

    /// Whether the kernel can write straight into memory: a contiguous CPU tensor.
    var acceptsDirectRandomFill: Bool { device == .cpu && isContiguous }
}
