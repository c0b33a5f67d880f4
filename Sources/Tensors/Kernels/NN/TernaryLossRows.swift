/// TensorIterator's walk for a pointwise loss backward (`smooth_l1_backward`,
/// `huber_backward`): a fresh contiguous output and three inputs (input, target,
/// grad_output) expanded to its shape. The output's strides order the dims (row-major),
/// size-1 dims drop out and neighbours coalesce when every operand allows it; the linear
/// range is cut as `parallel_for` cuts it and walked row by row, so a row segment can start
/// or end inside a row. Elementwise, so the pieces run one after another here.
struct TernaryLossRows {
    private(set) var shape: [Int] = []
    /// Element strides of out, input, target and grad for each kept dim.
    private(set) var strides: [[Int]] = [[], [], [], []]
    let numel: Int

    init(shape full: [Int], _ operands: [[Int]]) {
        numel = full.reduce(1, *)
        for d in full.indices where full[d] != 1 {
            if let last = shape.last, (0..<4).allSatisfy({ strides[$0][strides[$0].count - 1] == operands[$0][d] * full[d] }) {
                shape[shape.count - 1] = last * full[d]
                for k in 0..<4 { strides[k][strides[k].count - 1] = operands[k][d] }
            } else {
                shape.append(full[d])
                for k in 0..<4 { strides[k].append(operands[k][d]) }
            }
        }
    }

    /// `body(offsets, n, innerStrides)` for each row segment, in order.
    func forEachSegment(grain: Int, _ body: ([Int], Int, [Int]) -> Void) {
        if numel == 0 { return }
        let nd = shape.count
        let inner = nd == 0 ? 1 : shape[nd - 1]
        let innerStrides = (0..<4).map { nd == 0 ? 0 : strides[$0][nd - 1] }
        for (start, end) in VectorizedLoops.pieces(numel, grain: grain) {
            var position = start
            while position < end {
                var r = position / inner
                let column = position % inner
                var offsets = innerStrides.map { $0 * column }
                var d = nd - 2
                while d >= 0 {
                    let k = r % shape[d]
                    r /= shape[d]
                    for o in 0..<4 { offsets[o] += k * strides[o][d] }
                    d -= 1
                }
                let n = min(inner - column, end - position)
                body(offsets, n, innerStrides)
                position += n
            }
        }
    }
}
