#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Nearest-neighbour upsampling over the trailing 1, 2 or 3 dimensions (ATen's
/// `upsample_nearest{1,2,3}d` and `_upsample_nearest_exact{1,2,3}d`): each output index reads
/// one input index, computed with ATen's float scale; backward adds each output gradient
/// into its source in output order.
public enum NearestUpsampling {
    /// ATen's `nearest_idx` / `nearest_neighbor_exact_compute_source_index`: the scale is
    /// 1/scale_factor when one was given, else input/output, both as float.
    /// `shortcuts` is `nearest_idx`'s same-size and double-size fast paths, taken by the
    /// channels-last forward kernel (2-D outputs with H + W ≤ 128) and by every backward
    /// kernel; ATen's generic forward kernel (1-D, 3-D, larger 2-D) computes every index, so
    /// a same-size dimension with a scale factor other than 1 is not the identity there.
    public static func sourceIndices(inputSize: Int, outputSize: Int, scale: Double?, exact: Bool, shortcuts: Bool = true) -> [Int] {
        let s: Float = if let scale, scale > 0 { Float(1.0 / scale) } else { Float(inputSize) / Float(outputSize) }
        return (0..<outputSize).map { o in
            if !exact {
                if shortcuts && outputSize == inputSize { return o }
                if outputSize == 2 * inputSize { return o >> 1 }
                return Swift.min(Int((Float(o) * s).rounded(.down)), inputSize - 1)
            }
            return Swift.min(Int(((Float(o) + 0.5) * s).rounded(.down)), inputSize - 1)
        }
    }

    /// The source element (offset within one input plane) of every output element, in
    /// output order, for any number of resized dimensions.
    static func sourceOffsets(_ inSizes: [Int], _ indices: [[Int]]) -> [Int] {
        var offsets = [0]
        for (d, line) in indices.enumerated() {
            offsets = offsets.flatMap { base in line.map { base * inSizes[d] + $0 } }
        }
        return offsets
    }

    /// Output of sizes `leading + outputSizes` reading `input` at the given source indices.
    public static func forward(_ input: Tensor, indices: [[Int]]) throws(TensorError) -> Tensor {
        if input.device != .cpu { throw .runtime("upsample_nearest: only CPU tensors are supported") }
        let k = indices.count
        let inSizes = Array(input.sizes.suffix(k)), lead = Array(input.sizes.dropLast(k))
        let outSizes = indices.map(\.count)
        let x = try input.contiguous()
        let out = try Tensor(empty: lead + outSizes, dtype: input.dtype, device: input.device)
        let sources = sourceOffsets(inSizes, indices)
        func run<T>(_: T.Type) {
            let px = NNBuffer.pointer(x, as: T.self), po = NNBuffer.pointer(out, as: T.self)
            let inPlane = inSizes.reduce(1, *), outPlane = sources.count
            for p in 0..<lead.reduce(1, *) {
                for (o, src) in sources.enumerated() { po[p * outPlane + o] = px[p * inPlane + src] }
            }
        }
        switch input.dtype {
        case .float32: run(Float.self)
        case .float64: run(Double.self)
        default: throw .runtime("\"upsample_nearest\" not implemented for '\(input.dtype.cppName)'")
        }
        return out
    }

    public static func backward(_ gradOutput: Tensor, inputSizes: [Int], indices: [[Int]]) throws(TensorError) -> Tensor {
        let k = indices.count
        let g = try gradOutput.contiguous()
        let gx = try NNBuffer.zeros(inputSizes, like: g)
        let inSizes = Array(inputSizes.suffix(k))
        let sources = sourceOffsets(inSizes, indices)
        func run<T: NNFloat>(_: T.Type) {
            let pg = NNBuffer.pointer(g, as: T.self), pd = NNBuffer.pointer(gx, as: T.self)
            let inPlane = inSizes.reduce(1, *), outPlane = sources.count
            for p in 0..<inputSizes.dropLast(k).reduce(1, *) {
                for (o, src) in sources.enumerated() { pd[p * inPlane + src] += pg[p * outPlane + o] }
            }
        }
        if g.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return gx
    }
}

/// `im2col` / `col2im` (F.unfold / F.fold) on (N, C, H, W) images: sliding blocks as
/// columns (C·kh·kw, L), and their sum back into the image in ATen's loop order.
public enum SlidingBlocks {
    public struct Geometry: Sendable {
        public var kernel: (Int, Int), dilation: (Int, Int), padding: (Int, Int), stride: (Int, Int)
        public init(kernel: (Int, Int), dilation: (Int, Int), padding: (Int, Int), stride: (Int, Int)) {
            self.kernel = kernel; self.dilation = dilation; self.padding = padding; self.stride = stride
        }
        func blocks(_ h: Int, _ w: Int) -> (Int, Int) {
            ((h + 2 * padding.0 - (dilation.0 * (kernel.0 - 1) + 1)) / stride.0 + 1,
             (w + 2 * padding.1 - (dilation.1 * (kernel.1 - 1) + 1)) / stride.1 + 1)
        }
    }

    /// (N, C, H, W) → (N, C·kh·kw, L).
    public static func im2col(_ input: Tensor, _ g: Geometry) throws(TensorError) -> Tensor {
        let n = input.sizes[0], c = input.sizes[1], h = input.sizes[2], w = input.sizes[3]
        let (bh, bw) = g.blocks(h, w)
        let x = try input.contiguous()
        let out = try NNBuffer.zeros([n, c * g.kernel.0 * g.kernel.1, bh * bw], like: x)
        func run<T: NNFloat>(_: T.Type) {
            let px = NNBuffer.pointer(x, as: T.self), po = NNBuffer.pointer(out, as: T.self)
            walk(n, c, h, w, bh, bw, g) { src, dst in po[dst] = px[src] }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }

    /// (N, C·kh·kw, L) → (N, C, H, W), overlapping blocks summed.
    public static func col2im(_ cols: Tensor, outputSize: (Int, Int), _ g: Geometry) throws(TensorError) -> Tensor {
        let n = cols.sizes[0], c = cols.sizes[1] / (g.kernel.0 * g.kernel.1)
        let (h, w) = outputSize
        let (bh, bw) = g.blocks(h, w)
        let x = try cols.contiguous()
        let out = try NNBuffer.zeros([n, c, h, w], like: x)
        func run<T: NNFloat>(_: T.Type) {
            let px = NNBuffer.pointer(x, as: T.self), po = NNBuffer.pointer(out, as: T.self)
            walk(n, c, h, w, bh, bw, g) { img, col in po[img] += px[col] }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }

    /// Calls `body(imageIndex, columnIndex)` for every in-image element of every block,
    /// in ATen's order: column rows (c, ki, kj), then block rows and columns.
    static func walk(_ n: Int, _ c: Int, _ h: Int, _ w: Int, _ bh: Int, _ bw: Int, _ g: Geometry, _ body: (Int, Int) -> Void) {
        let kh = g.kernel.0, kw = g.kernel.1
        for img in 0..<n {
            for row in 0..<(c * kh * kw) {
                let j = row % kw, i = (row / kw) % kh, ch = row / (kh * kw)
                for by in 0..<bh {
                    let y = by * g.stride.0 - g.padding.0 + i * g.dilation.0
                    for bx in 0..<bw {
                        let xx = bx * g.stride.1 - g.padding.1 + j * g.dilation.1
                        if y >= 0 && y < h && xx >= 0 && xx < w {
                            body(((img * c + ch) * h + y) * w + xx, (img * c * kh * kw + row) * bh * bw + by * bw + bx)
                        }
                    }
                }
            }
        }
    }
}
