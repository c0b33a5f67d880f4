#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The per-sample loops of the multi-class margin loss, in the input's float type.
enum MultiMargin {
    static func forward(_ x: Tensor, _ targets: [Int], p: Int, margin: Double, weight: [Double]?) throws(TensorError) -> Tensor {
        if x.dtype == .float32 { return try run(x, targets, p, margin, weight, Float.self) }
        return try run(x, targets, p, margin, weight, Double.self)
    }

    static func run<T: NNFloat>(_ x: Tensor, _ targets: [Int], _ p: Int, _ margin: Double, _ weight: [Double]?,
                                _: T.Type) throws(TensorError) -> Tensor {
        let (c, data) = try NNBuffer.read(x, as: T.self)
        let classes = x.sizes.last ?? 1, m = T(margin)
        var out = [Double](repeating: 0, count: targets.count)
        withExtendedLifetime(c) {
            for (i, y) in targets.enumerated() {
                let row = data + i * classes
                var sum: T = 0
                for d in 0..<classes where d != y {
                    let z = m - row[y] + row[d]
                    guard z > 0 else { continue }
                    var h = p == 1 ? z : z * z
                    if let weight { h *= T(weight[y]) }
                    sum += h
                }
                out[i] = Double(sum / T(classes))
            }
        }
        return try Tensor(values: out, shape: [targets.count], dtype: x.dtype, device: x.device)
    }

    static func backward(_ x: Tensor, _ targets: [Int], p: Int, margin: Double, weight: [Double]?, scale: Double) throws(TensorError) -> Tensor {
        if x.dtype == .float32 { return try runBackward(x, targets, p, margin, weight, scale, Float.self) }
        return try runBackward(x, targets, p, margin, weight, scale, Double.self)
    }

    static func runBackward<T: NNFloat>(_ x: Tensor, _ targets: [Int], _ p: Int, _ margin: Double, _ weight: [Double]?,
                                        _ scale: Double, _: T.Type) throws(TensorError) -> Tensor {
        let (c, data) = try NNBuffer.read(x, as: T.self)
        let classes = x.sizes.last ?? 1, m = T(margin), g = T(scale)
        var out = [Double](repeating: 0, count: x.numel)
        withExtendedLifetime(c) {
            for (i, y) in targets.enumerated() {
                let row = data + i * classes
                var targetGrad: T = 0
                for d in 0..<classes where d != y {
                    let z = m - row[y] + row[d]
                    guard z > 0 else { continue }
                    var h = p == 1 ? g : 2 * g * z
                    if let weight { h *= T(weight[y]) }
                    targetGrad -= h
                    out[i * classes + d] = Double(h)
                }
                out[i * classes + y] = Double(targetGrad)
            }
        }
        return try Tensor(values: out, shape: x.sizes, dtype: x.dtype, device: x.device)
    }
}
