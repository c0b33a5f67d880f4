#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Batch normalisation over dimension 1 of (N, C, ...) input, and layer normalisation over
/// trailing dimensions, with their backward passes. Statistics accumulate in Double.
public enum Normalization {
    /// What backward needs from a batch-norm forward: per-channel mean and 1/std used.
    public struct BatchStatistics {
        public let mean: [Double]
        public let invstd: [Double]
    }

    /// (planes per channel, channels, elements per plane) of an (N, C, ...) tensor.
    static func channelLayout(_ t: Tensor) -> (n: Int, c: Int, inner: Int) {
        let c = t.sizes[1]
        return (t.sizes[0], c, t.sizes.count > 2 ? t.sizes[2...].reduce(1, *) : 1)
    }

    /// `F.batch_norm`: in training, normalises with the batch's statistics and updates the
    /// running ones in place (unbiased variance); otherwise uses the running statistics.
    public static func batchNorm(_ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor?, bias: Tensor?,
                                 training: Bool, momentum: Double, eps: Double) throws(TensorError) -> (output: Tensor, stats: BatchStatistics) {
        try requireFloat(input.dtype, op: "batch_norm")
        if input.rank < 2 {
            throw .value("Expected 2D or 3D input (got \(input.rank)D input)")
        }
        // float32/float64: ATen's kernel, in its order and element types (BatchNormKernel).
        if let (out, mean, invstd) = try BatchNormKernel.forward(input, runningMean: runningMean, runningVar: runningVar,
                                                                 weight: weight, bias: bias, training: training,
                                                                 momentum: momentum, eps: eps) {
            return (out, BatchStatistics(mean: mean, invstd: invstd))
        }
        let (n, c, inner) = channelLayout(input)
        let x = try input.contiguous().elementsAsDouble()
        let count = n * inner
        var mean = [Double](repeating: 0, count: c), invstd = [Double](repeating: 0, count: c)
        if training {
            var variance = [Double](repeating: 0, count: c)
            for ch in 0..<c {
                var s = 0.0
                for b in 0..<n { for i in 0..<inner { s += x[(b * c + ch) * inner + i] } }
                let m = s / Double(count)
                var v = 0.0
                for b in 0..<n { for i in 0..<inner { let d = x[(b * c + ch) * inner + i] - m; v += d * d } }
                mean[ch] = m
                variance[ch] = v
                invstd[ch] = 1 / (v / Double(count) + eps).squareRoot()
            }
            if let runningMean, let runningVar {
                let rm = try runningMean.contiguous().elementsAsDouble(), rv = try runningVar.contiguous().elementsAsDouble()
                let unbiased = (0..<c).map { variance[$0] / Double(Swift.max(count - 1, 1)) }
                let newMean = (0..<c).map { momentum * mean[$0] + (1 - momentum) * rm[$0] }
                let newVar = (0..<c).map { momentum * unbiased[$0] + (1 - momentum) * rv[$0] }
                _ = try runningMean.copy_(try Tensor(values: newMean, shape: [c], dtype: runningMean.dtype))
                _ = try runningVar.copy_(try Tensor(values: newVar, shape: [c], dtype: runningVar.dtype))
            }
        } else {
            guard let runningMean, let runningVar else {
                throw .runtime("running_mean and running_var must be defined in evaluation mode")
            }
            mean = try runningMean.contiguous().elementsAsDouble()
            invstd = try runningVar.contiguous().elementsAsDouble().map { 1 / ($0 + eps).squareRoot() }
        }
        let w = try weight?.contiguous().elementsAsDouble(), b = try bias?.contiguous().elementsAsDouble()
        var y = [Double](repeating: 0, count: x.count)
        for ch in 0..<c {
            let alpha = invstd[ch] * (w?[ch] ?? 1)
            let beta = (b?[ch] ?? 0) - mean[ch] * alpha
            for bb in 0..<n { for i in 0..<inner { let k = (bb * c + ch) * inner + i; y[k] = x[k] * alpha + beta } }
        }
        let out = try Tensor(values: y, shape: input.sizes, dtype: input.dtype, device: input.device)
        return (out, BatchStatistics(mean: mean, invstd: invstd))
    }

    /// Gradients of input, weight and bias for a batch-norm forward (`training` as it ran).
    public static func batchNormBackward(_ gradOutput: Tensor, _ input: Tensor, weight: Tensor?, stats: BatchStatistics,
                                         training: Bool) throws(TensorError) -> (input: Tensor, weight: Tensor, bias: Tensor) {
        if let (gx, gw, gb) = try BatchNormKernel.backward(gradOutput, input, weight: weight, mean: stats.mean,
                                                           invstd: stats.invstd, training: training) {
            return (gx, gw, gb)
        }
        let (n, c, inner) = channelLayout(input)
        let x = try input.contiguous().elementsAsDouble(), g = try gradOutput.contiguous().elementsAsDouble()
        let w = try weight?.contiguous().elementsAsDouble()
        let count = Double(n * inner)
        var gx = [Double](repeating: 0, count: x.count)
        var gw = [Double](repeating: 0, count: c), gb = [Double](repeating: 0, count: c)
        for ch in 0..<c {
            var sumG = 0.0, dot = 0.0
            for b in 0..<n { for i in 0..<inner { let k = (b * c + ch) * inner + i; sumG += g[k]; dot += g[k] * (x[k] - stats.mean[ch]) } }
            let inv = stats.invstd[ch], scale = w?[ch] ?? 1
            gw[ch] = dot * inv
            gb[ch] = sumG
            for b in 0..<n {
                for i in 0..<inner {
                    let k = (b * c + ch) * inner + i
                    if training {
                        let proj = (x[k] - stats.mean[ch]) * inv * inv * dot / count
                        gx[k] = (g[k] - sumG / count - proj) * inv * scale
                    } else {
                        gx[k] = g[k] * inv * scale
                    }
                }
            }
        }
        let dt = input.dtype
        return (try Tensor(values: gx, shape: input.sizes, dtype: dt, device: input.device),
                try Tensor(values: gw, shape: [c], dtype: dt, device: input.device),
                try Tensor(values: gb, shape: [c], dtype: dt, device: input.device))
    }

    // MARK: layer norm

    /// Per row of the trailing `normalizedShape`: its mean and 1/std.
    public struct RowStatistics {
        public let mean: [Double]
        public let rstd: [Double]
    }

    public static func layerNorm(_ input: Tensor, normalizedShape: [Int], weight: Tensor?, bias: Tensor?,
                                 eps: Double) throws(TensorError) -> (output: Tensor, stats: RowStatistics) {
        try requireFloat(input.dtype, op: "LayerNormKernelImpl")
        let k = normalizedShape.count
        if input.rank < k || Array(input.sizes.suffix(k)) != normalizedShape {
            throw .runtime("Given normalized_shape=\(shapeText(normalizedShape)), expected input with shape [*, \(normalizedShape.map(String.init).joined(separator: ", "))], but got input of size\(shapeText(input.sizes))")
        }
        let d = normalizedShape.reduce(1, *), rows = input.numel / Swift.max(d, 1)
        // float32/float64: ATen's kernel, in its order (RowwiseMoments, (x − mean)·rstd).
        if let exact = try LayerNormKernel.forward(input, rowLength: d, weight: weight, bias: bias, eps: eps) {
            return (exact.output, RowStatistics(mean: exact.mean, rstd: exact.rstd))
        }
        let x = try input.contiguous().elementsAsDouble()
        let w = try weight?.contiguous().elementsAsDouble(), b = try bias?.contiguous().elementsAsDouble()
        var y = [Double](repeating: 0, count: x.count)
        var means = [Double](repeating: 0, count: rows), rstds = [Double](repeating: 0, count: rows)
        for r in 0..<rows {
            var s = 0.0
            for i in 0..<d { s += x[r * d + i] }
            let m = s / Double(d)
            var v = 0.0
            for i in 0..<d { let e = x[r * d + i] - m; v += e * e }
            let rstd = 1 / (v / Double(d) + eps).squareRoot()
            means[r] = m
            rstds[r] = rstd
            for i in 0..<d { y[r * d + i] = (x[r * d + i] - m) * rstd * (w?[i] ?? 1) + (b?[i] ?? 0) }
        }
        let out = try Tensor(values: y, shape: input.sizes, dtype: input.dtype, device: input.device)
        return (out, RowStatistics(mean: means, rstd: rstds))
    }

    public static func layerNormBackward(_ gradOutput: Tensor, _ input: Tensor, normalizedShape: [Int], weight: Tensor?,
                                         stats: RowStatistics) throws(TensorError) -> (input: Tensor, weight: Tensor, bias: Tensor) {
        let d = normalizedShape.reduce(1, *), rows = input.numel / Swift.max(d, 1)
        // float32/float64: ATen's kernel, in its order (LayerNormBackwardKernel.swift).
        if let (gx, gw, gb) = try LayerNormKernel.backward(gradOutput, input, rowLength: d, weight: weight,
                                                           mean: stats.mean, rstd: stats.rstd) {
            return (gx, try gw.reshape(normalizedShape), try gb.reshape(normalizedShape))
        }
        let x = try input.contiguous().elementsAsDouble(), g = try gradOutput.contiguous().elementsAsDouble()
        let w = try weight?.contiguous().elementsAsDouble()
        var gx = [Double](repeating: 0, count: x.count)
        var gw = [Double](repeating: 0, count: d), gb = [Double](repeating: 0, count: d)
        for r in 0..<rows {
            let m = stats.mean[r], rstd = stats.rstd[r]
            var meanG = 0.0, meanGX = 0.0
            for i in 0..<d {
                let xhat = (x[r * d + i] - m) * rstd
                let gi = g[r * d + i] * (w?[i] ?? 1)
                meanG += gi
                meanGX += gi * xhat
                gw[i] += g[r * d + i] * xhat
                gb[i] += g[r * d + i]
            }
            meanG /= Double(d)
            meanGX /= Double(d)
            for i in 0..<d {
                let xhat = (x[r * d + i] - m) * rstd
                gx[r * d + i] = rstd * (g[r * d + i] * (w?[i] ?? 1) - meanG - xhat * meanGX)
            }
        }
        let dt = input.dtype
        return (try Tensor(values: gx, shape: input.sizes, dtype: dt, device: input.device),
                try Tensor(values: gw, shape: normalizedShape, dtype: dt, device: input.device),
                try Tensor(values: gb, shape: normalizedShape, dtype: dt, device: input.device))
    }
}
