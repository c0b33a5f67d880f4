import Interpreter
import Tensors

/// NumPy broadcasting: result shapes, its error text, and gathering values to a shape.
enum Broadcast {
    static func shape(_ shapes: [[Int]]) throws -> [Int] {
        let n = shapes.map(\.count).max() ?? 0
        var out = [Int](repeating: 1, count: n)
        for s in shapes {
            for (k, d) in s.enumerated() {
                let j = n - s.count + k
                if out[j] == 1 { out[j] = d }
                else if d != 1 && d != out[j] {
                    let texts = shapes.map { ArrayPrinter.shapeText($0).replacingSpaces() }
                    throw PyError.valueError("operands could not be broadcast together with shapes " + texts.joined(separator: " ") + " ")
                }
            }
        }
        return out
    }

    /// For each element of `target` (C order), the C-order index into an array of `shape`.
    static func indexMap(from shape: [Int], to target: [Int]) -> [Int] {
        let n = target.reduce(1, *)
        if shape == target { return Array(0..<n) }
        let pad = target.count - shape.count
        var srcStrides = [Int](repeating: 0, count: target.count)
        var acc = 1
        for k in stride(from: shape.count - 1, through: 0, by: -1) {
            srcStrides[pad + k] = shape[k] == 1 ? 0 : acc
            acc *= shape[k]
        }
        var out = [Int](repeating: 0, count: n)
        if n == 0 { return out }
        var idx = [Int](repeating: 0, count: target.count)
        var pos = 0
        for i in 0..<n {
            out[i] = pos
            var d = target.count - 1
            while d >= 0 {
                idx[d] += 1
                pos += srcStrides[d]
                if idx[d] < target[d] { break }
                pos -= srcStrides[d] * target[d]
                idx[d] = 0
                d -= 1
            }
        }
        return out
    }

    static func doubles(_ a: NDArray, to target: [Int]) -> [Double] {
        let v = a.doubles()
        if a.shape == target { return v }
        return indexMap(from: a.shape, to: target).map { v[$0] }
    }

    static func ints(_ a: NDArray, to target: [Int]) -> [Int64] {
        let v = a.int64s()
        if a.shape == target { return v }
        return indexMap(from: a.shape, to: target).map { v[$0] }
    }
}

extension String {
    /// NumPy prints shapes in broadcast errors without spaces: `(2,3)`.
    func replacingSpaces() -> String { String(filter { $0 != " " }) }
}
