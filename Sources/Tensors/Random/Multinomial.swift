/// `torch.multinomial` on the CPU, following PyTorch 2.15's two paths.
extension CPUGenerator {
    /// Samples `samples` category indices from each row of `probabilities`
    /// (`rows × categories`, row-major) in the input's float type, float32 or float64.
    ///
    /// Without replacement, or with a single sample, PyTorch draws `q ~ Exp(1)` into a tensor
    /// shaped like the input and takes the top `samples` of `p / q` per row; with replacement
    /// it binary-searches a normalised cumulative sum with one double uniform per sample.
    /// Validation (negative, non-finite or all-zero rows) is the caller's job, as the messages
    /// depend on the path.
    public func multinomial<T: BinaryFloatingPoint>(_ probabilities: [T], rows: Int, categories: Int, samples: Int,
                                                    replacement: Bool) -> [Int64] {
        precondition(probabilities.count == rows * categories && samples >= 1)
        if !replacement || samples == 1 {
            let q = probabilities.indices.map { _ in T(exponential()) }
            var result: [Int64] = []
            result.reserveCapacity(rows * samples)
            for row in 0..<rows {
                let base = row * categories
                let keys = (0..<categories).map { probabilities[base + $0] / q[base + $0] }
                let order = (0..<categories).sorted { keys[$0] > keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
                result += order.prefix(samples).map { Int64($0) }
            }
            return result
        }
        var result: [Int64] = []
        result.reserveCapacity(rows * samples)
        var cumulative = [T](repeating: 0, count: categories)
        for row in 0..<rows {
            var sum: T = 0
            for j in 0..<categories {
                sum += probabilities[row * categories + j]
                cumulative[j] = sum
            }
            for j in 0..<categories { cumulative[j] /= sum }
            cumulative[categories - 1] = 1
            for _ in 0..<samples {
                let u = uniformDouble()
                var left = 0, right = categories
                while right - left > 0 {
                    let mid = left + (right - left) / 2
                    if Double(cumulative[mid]) < u { left = mid + 1 } else { right = mid }
                }
                result.append(Int64(left))
            }
        }
        return result
    }
}
