/// `torch.multinomial` on the CPU, following PyTorch 2.15's two paths.
extension CPUGenerator {
    /// Samples `samples` category indices with replacement from each row of
    /// `probabilities` (`rows × categories`, row-major) in the input's float type, float32
    /// or float64: a binary search of the normalised cumulative sum with one double uniform
    /// per sample. (Without replacement, or for one sample, `Tensor.multinomial` takes
    /// ATen's other path: `self / Exp(1)` draws, then argmax or topk.) Validation is the
    /// caller's job.
    public func multinomialWithReplacement<T: BinaryFloatingPoint>(_ probabilities: [T], rows: Int, categories: Int,
                                                                   samples: Int) -> [Int64] {
        precondition(probabilities.count == rows * categories && samples >= 1)
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
