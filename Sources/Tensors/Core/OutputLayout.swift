/// The memory layout PyTorch gives a new tensor made from others: elementwise results take
/// their inputs' layout (TensorIterator), copies keep the source's (`empty_like` with
/// `preserve_format`). The layout decides the order reductions later walk, so a result
/// that is contiguous where PyTorch's is transposed sums in another order and differs in
/// the last bits — and prints other `.stride()` / `.is_contiguous()` values.
public enum OutputLayout {
    /// c10's `is_non_overlapping_and_dense`: the elements fill a block of memory exactly
    /// once, in some order of the dimensions (size-0/1 dims ignored).
    public static func isNonOverlappingAndDense(_ sizes: [Int], _ strides: [Int]) -> Bool {
        let n = sizes.count
        if n == 0 { return true }
        if n == 1 { return sizes[0] < 2 || strides[0] == 1 }
        // Dims of size < 2 sort last; the rest by stride (a stable order is not needed:
        // equal strides of sizes >= 2 cannot both match the running product).
        let order = (0..<n).sorted { a, b in
            if sizes[a] < 2 { return false }
            if sizes[b] < 2 { return true }
            return strides[a] < strides[b]
        }
        var required = 1
        for d in order {
            if sizes[d] < 2 { return true }
            if strides[d] != required { return false }
            required *= sizes[d]
        }
        return true
    }

    /// c10's `is_contiguous()` (row-major; size-1 dims' strides do not matter; empty
    /// tensors are contiguous).
    public static func isContiguous(_ sizes: [Int], _ strides: [Int]) -> Bool {
        if sizes.contains(0) { return true }
        var expected = 1
        for d in sizes.indices.reversed() where sizes[d] != 1 {
            if strides[d] != expected { return false }
            expected *= sizes[d]
        }
        return true
    }

    /// c10's `is_contiguous(memory_format=torch.channels_last)` for 4-D and 5-D tensors.
    public static func isChannelsLastContiguous(_ sizes: [Int], _ strides: [Int]) -> Bool {
        let order: [Int]
        switch sizes.count {
        case 4: order = [1, 3, 2, 0]
        case 5: order = [1, 4, 3, 2, 0]
        default: return false
        }
        var expected = 1
        for d in order where sizes[d] != 1 {
            if strides[d] != expected { return false }
            expected *= sizes[d]
        }
        return true
    }

    /// Strides of `torch.empty(sizes, memory_format=torch.channels_last)` (4-D or 5-D).
    public static func channelsLastStrides(_ sizes: [Int]) -> [Int] {
        let order = sizes.count == 4 ? [1, 3, 2, 0] : [1, 4, 3, 2, 0]
        var strides = [Int](repeating: 1, count: sizes.count)
        var acc = 1
        for d in order {
            strides[d] = acc
            acc *= max(sizes[d], 1)
        }
        return strides
    }

    /// `empty_like(x)` with `preserve_format`: a dense tensor keeps its strides; a strided
    /// one that is not dense gets `infer_dense_strides` (its dimension order, packed).
    public static func preservedStrides(_ sizes: [Int], _ strides: [Int]) -> [Int] {
        if isNonOverlappingAndDense(sizes, strides) { return strides }
        return inferDenseStrides(sizes, strides)
    }

    /// ATen's `infer_dense_strides`: dimensions ordered by stride with TensorIterator's
    /// comparison (stride-0 dims keep their place), then packed innermost first.
    public static func inferDenseStrides(_ sizes: [Int], _ strides: [Int]) -> [Int] {
        let n = sizes.count
        if n == 0 { return [] }
        if n == 1 { return [1] }
        let perm = sortedDimensions(n) { d0, d1 in
            let s0 = strides[d0], s1 = strides[d1]
            if s0 == 0 || s1 == 0 { return 0 }
            if s0 < s1 { return -1 }
            if s0 > s1 { return 1 }
            return sizes[d0] > sizes[d1] ? 1 : 0
        }
        var out = [Int](repeating: 0, count: n)
        var current = 1
        for d in perm {
            out[d] = current
            if sizes[d] > 1 { current *= sizes[d] }
        }
        return out
    }

    /// TensorIterator's insertion sort of dimensions, innermost first, starting from the
    /// reversed order; `compare` returns 1 to swap, -1 to stop, 0 when undecided.
    static func sortedDimensions(_ n: Int, _ compare: (Int, Int) -> Int) -> [Int] {
        var perm = Array((0..<n).reversed())
        if n < 2 { return perm }
        for i in 1..<n {
            var dim1 = i
            var dim0 = i - 1
            while dim0 >= 0 {
                let c = compare(perm[dim0], perm[dim1])
                if c > 0 {
                    perm.swapAt(dim0, dim1)
                    dim1 = dim0
                } else if c < 0 {
                    break
                }
                dim0 -= 1
            }
        }
        return perm
    }

    /// Strides TensorIterator gives the output of an elementwise op over `inputs`
    /// (sizes and strides of each operand as passed, before broadcasting) whose broadcast
    /// shape is `shape`. Follows `compute_fast_setup_type` (all inputs of the same shape:
    /// contiguous, then channels-last, then one shared dense layout) and otherwise
    /// `reorder_dimensions` + `allocate_or_resize_outputs`.
    public static func iteratorStrides(shape: [Int], inputs: [(sizes: [Int], strides: [Int])]) -> [Int] {
        let n = shape.count
        if n == 0 { return [] }
        if !inputs.isEmpty && inputs.allSatisfy({ $0.sizes == shape }) {
            if inputs.allSatisfy({ isContiguous($0.sizes, $0.strides) }) { return Shape.contiguousStrides(shape) }
            if inputs.allSatisfy({ isChannelsLastContiguous($0.sizes, $0.strides) }) { return channelsLastStrides(shape) }
            if inputs.allSatisfy({ isNonOverlappingAndDense($0.sizes, $0.strides) }) {
                let last = inputs[inputs.count - 1].strides
                if inputs.allSatisfy({ $0.strides == last }) { return last }
            }
        }
        if n == 1 { return [1] }
        // compute_strides: each operand's strides aligned to the broadcast shape, 0 where
        // it broadcasts.
        let aligned: [[Int]] = inputs.map { op in
            let offset = n - op.sizes.count
            var s = [Int](repeating: 0, count: n)
            for i in op.sizes.indices where !(op.sizes[i] == 1 && shape[offset + i] != 1) {
                s[offset + i] = op.strides[i]
            }
            return s
        }
        let perm = sortedDimensions(n) { d0, d1 in
            for s in aligned {
                let s0 = s[d0], s1 = s[d1]
                if s0 == 0 || s1 == 0 { continue }
                if s0 < s1 { return -1 }
                if s0 > s1 { return 1 }
                if shape[d0] > shape[d1] { return 1 }
            }
            return 0
        }
        var out = [Int](repeating: 0, count: n)
        var next = 1
        for d in perm {
            out[d] = next
            next *= shape[d]
        }
        // An unpermuted order allocates a plain contiguous tensor (size-0 dims differ).
        if perm == Array((0..<n).reversed()) { return Shape.contiguousStrides(shape) }
        return out
    }
}

extension Tensor {
    /// An uninitialised tensor with the given strides over a fresh, exactly-sized storage
    /// (`empty_strided` for dense strides).
    public convenience init(empty sizes: [Int], strides: [Int], dtype: DType, device: Device = .cpu) throws(TensorError) {
        if strides == Shape.contiguousStrides(sizes) {
            try self.init(empty: sizes, dtype: dtype, device: device)
            return
        }
        let bytes = try Shape.contiguousByteCount(sizes, itemSize: dtype.itemSize)
        let storage = try Storage(byteCount: bytes, device: device)
        self.init(storage: storage, sizes: sizes, strides: strides, offset: 0, dtype: dtype)
    }

    /// The output of an elementwise op over `inputs` broadcast to `shape`, laid out as
    /// TensorIterator lays it out.
    /// `withNumber`: a Python number is one more (0-dim) operand, as PyTorch wraps it.
    static func iteratorOutput(_ shape: [Int], dtype: DType, device: Device, inputs: [Tensor],
                               withNumber: Bool = false) throws(TensorError) -> Tensor {
        if device != .cpu { return try Tensor(empty: shape, dtype: dtype, device: device) }
        var layouts = inputs.map { (sizes: $0.sizes, strides: $0.strides) }
        if withNumber { layouts.append((sizes: [], strides: [])) }
        let strides = OutputLayout.iteratorStrides(shape: shape, inputs: layouts)
        return try Tensor(empty: shape, strides: strides, dtype: dtype, device: device)
    }

    /// `empty_like(self)` with `preserve_format`, in another dtype if given.
    public func emptyPreservingLayout(dtype: DType? = nil) throws(TensorError) -> Tensor {
        if device != .cpu { return try Tensor(empty: sizes, dtype: dtype ?? self.dtype, device: device) }
        return try Tensor(empty: sizes, strides: OutputLayout.preservedStrides(sizes, strides),
                          dtype: dtype ?? self.dtype, device: device)
    }
}
