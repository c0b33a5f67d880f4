#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Window geometry of a 2-D pooling, one value per spatial dimension (height, width).
public struct PoolingGeometry: Sendable {
    public var kernel: (Int, Int)
    public var stride: (Int, Int)
    public var padding: (Int, Int)
    public var dilation: (Int, Int)
    public var ceilMode: Bool

    public init(kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int), dilation: (Int, Int) = (1, 1), ceilMode: Bool = false) {
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.ceilMode = ceilMode
    }

    /// PyTorch's `pooling_output_shape`, ceil mode included.
    static func outputSize(_ input: Int, kernel: Int, pad: Int, stride: Int, dilation: Int, ceil: Bool) -> Int {
        let numerator = input + 2 * pad - dilation * (kernel - 1) - 1 + (ceil ? stride - 1 : 0)
        var out = Int((Double(numerator) / Double(stride)).rounded(.down)) + 1
        if ceil && (out - 1) * stride >= input + pad { out -= 1 }
        return out
    }
}

/// Max, average and adaptive-average pooling over the last two dimensions of a 3-D or 4-D
/// tensor (every leading index is one independent plane), with their backward passes.
public enum Pooling {
    struct Plan {
        let planes, h, w, oh, ow: Int
        let leading: [Int]
        var outSizes: [Int] { leading + [oh, ow] }
    }

    static func plan(_ input: Tensor, _ g: PoolingGeometry, op: String) throws(TensorError) -> Plan {
        if (input.rank != 3 && input.rank != 4) || input.numel == 0 {
            throw .runtime("non-empty 3D or 4D (batch mode) tensor expected for input")
        }
        // PyTorch's order: the output-size formula refuses a zero stride, then the shape check
        // wants positive kernel, stride and dilation (a zero would divide by zero here).
        if g.stride.0 == 0 || g.stride.1 == 0 { throw .runtime("stride should not be zero") }
        if g.kernel.0 <= 0 || g.kernel.1 <= 0 {
            throw .runtime("kernel size should be greater than zero, but got kH: \(g.kernel.0) kW: \(g.kernel.1)")
        }
        if g.stride.0 < 0 || g.stride.1 < 0 {
            throw .runtime("stride should be greater than zero, but got dH: \(g.stride.0) dW: \(g.stride.1)")
        }
        if g.dilation.0 <= 0 || g.dilation.1 <= 0 {
            throw .runtime("dilation should be greater than zero, but got dilationH: \(g.dilation.0) dilationW: \(g.dilation.1)")
        }
        if g.padding.0 * 2 > g.kernel.0 || g.padding.1 * 2 > g.kernel.1 {
            let (pad, kernel) = g.padding.0 * 2 > g.kernel.0 ? (g.padding.0, g.kernel.0) : (g.padding.1, g.kernel.1)
            let dilation = g.padding.0 * 2 > g.kernel.0 ? g.dilation.0 : g.dilation.1
            throw .runtime("pad should be at most half of effective kernel size, but got pad=\(pad), kernel_size=\(kernel) and dilation=\(dilation)")
        }
        try requireFloat(input.dtype, op: op)
        let h = input.sizes[input.rank - 2], w = input.sizes[input.rank - 1]
        let leading = Array(input.sizes.dropLast(2))
        let oh = PoolingGeometry.outputSize(h, kernel: g.kernel.0, pad: g.padding.0, stride: g.stride.0, dilation: g.dilation.0, ceil: g.ceilMode)
        let ow = PoolingGeometry.outputSize(w, kernel: g.kernel.1, pad: g.padding.1, stride: g.stride.1, dilation: g.dilation.1, ceil: g.ceilMode)
        if oh < 1 || ow < 1 {
            let c = leading.last!
            throw .runtime("Given input size: (\(c)x\(h)x\(w)). Calculated output size: (\(c)x\(oh)x\(ow)). Output size is too small")
        }
        return Plan(planes: leading.reduce(1, *), h: h, w: w, oh: oh, ow: ow, leading: leading)
    }

    // MARK: max

    /// The maximum of each window and its flat index within the plane (int64), NaN winning.
    public static func max2d(_ input: Tensor, _ g: PoolingGeometry) throws(TensorError) -> (output: Tensor, indices: Tensor) {
        let p = try plan(input, g, op: "max_pool2d")
        return input.dtype == .float32 ? try max2d(p, input, g, Float.self) : try max2d(p, input, g, Double.self)
    }

    static func max2d<T: NNFloat>(_ p: Plan, _ input: Tensor, _ g: PoolingGeometry, _: T.Type) throws(TensorError) -> (Tensor, Tensor) {
        let (keep, x) = try NNBuffer.read(input, as: T.self)
        defer { withExtendedLifetime(keep) {} }
        let out = try Tensor(empty: p.outSizes, dtype: input.dtype, device: input.device)
        let idx = try Tensor(empty: p.outSizes, dtype: .int64, device: input.device)
        let o = NNBuffer.pointer(out, as: T.self), ip = NNBuffer.pointer(idx, as: Int64.self)
        for plane in 0..<p.planes {
            let src = x + plane * p.h * p.w
            for oy in 0..<p.oh {
                var y0 = oy * g.stride.0 - g.padding.0
                let y1 = Swift.min(y0 + (g.kernel.0 - 1) * g.dilation.0 + 1, p.h)
                while y0 < 0 { y0 += g.dilation.0 }
                for ox in 0..<p.ow {
                    var x0 = ox * g.stride.1 - g.padding.1
                    let x1 = Swift.min(x0 + (g.kernel.1 - 1) * g.dilation.1 + 1, p.w)
                    while x0 < 0 { x0 += g.dilation.1 }
                    var best = -T.infinity
                    var bestIndex = y0 * p.w + x0
                    var y = y0
                    while y < y1 {
                        var xx = x0
                        while xx < x1 {
                            let v = src[y * p.w + xx]
                            if v > best || v.isNaN {
                                best = v
                                bestIndex = y * p.w + xx
                            }
                            xx += g.dilation.1
                        }
                        y += g.dilation.0
                    }
                    let k = (plane * p.oh + oy) * p.ow + ox
                    o[k] = best
                    ip[k] = Int64(bestIndex)
                }
            }
        }
        return (out, idx)
    }

    /// Routes each output gradient to the input element its window chose.
    public static func max2dBackward(gradOutput: Tensor, input: Tensor, indices: Tensor) throws(TensorError) -> Tensor {
        let gx = try NNBuffer.zeros(input.sizes, like: input)
        let h = input.sizes[input.rank - 2], w = input.sizes[input.rank - 1]
        let idx = try indices.contiguous().elementsAsInt64()
        let perPlane = indices.sizes[indices.rank - 2] * indices.sizes[indices.rank - 1]
        // A window lying wholly in the padding (a dilation reaching past a one-element input)
        // keeps PyTorch's index just past it; PyTorch then writes outside the gradient
        // (heap corruption). Such a gradient is dropped here instead.
        let plane = h * w
        func inPlane(_ i: Int64) -> Bool { i >= 0 && Int(i) < plane }
        if input.dtype == .float32 {
            let go = try gradOutput.contiguous().elements(as: Float.self)
            let d = NNBuffer.pointer(gx, as: Float.self)
            for k in 0..<idx.count where inPlane(idx[k]) { d[(k / perPlane) * h * w + Int(idx[k])] += go[k] }
        } else {
            let go = try gradOutput.contiguous().elements(as: Double.self)
            let d = NNBuffer.pointer(gx, as: Double.self)
            for k in 0..<idx.count where inPlane(idx[k]) { d[(k / perPlane) * h * w + Int(idx[k])] += go[k] }
        }
        return gx
    }

    // MARK: average

    /// PyTorch's window bounds and divisor for one output position.
    @inline(__always)
    static func averageWindow(_ o: Int, stride: Int, pad: Int, kernel: Int, size: Int) -> (start: Int, end: Int, padded: Int) {
        var start = o * stride - pad
        var end = Swift.min(start + kernel, size + pad)
        let padded = end - start
        start = Swift.max(start, 0)
        end = Swift.min(end, size)
        return (start, end, padded)
    }

    public static func avg2d(_ input: Tensor, _ g: PoolingGeometry, countIncludePad: Bool, divisorOverride: Int?) throws(TensorError) -> Tensor {
        let p = try plan(input, g, op: "avg_pool2d")
        if divisorOverride == 0 { throw .runtime("divisor must be not zero") }
        return input.dtype == .float32
            ? try avg2d(p, input, g, countIncludePad, divisorOverride, Float.self)
            : try avg2d(p, input, g, countIncludePad, divisorOverride, Double.self)
    }

    static func avg2d<T: NNFloat>(_ p: Plan, _ input: Tensor, _ g: PoolingGeometry, _ countPad: Bool, _ divisor: Int?, _: T.Type) throws(TensorError) -> Tensor {
        let (keep, x) = try NNBuffer.read(input, as: T.self)
        defer { withExtendedLifetime(keep) {} }
        let out = try Tensor(empty: p.outSizes, dtype: input.dtype, device: input.device)
        let o = NNBuffer.pointer(out, as: T.self)
        for plane in 0..<p.planes {
            let src = x + plane * p.h * p.w
            for oy in 0..<p.oh {
                let wy = averageWindow(oy, stride: g.stride.0, pad: g.padding.0, kernel: g.kernel.0, size: p.h)
                for ox in 0..<p.ow {
                    let wx = averageWindow(ox, stride: g.stride.1, pad: g.padding.1, kernel: g.kernel.1, size: p.w)
                    var sum = T.zero
                    for y in wy.start..<wy.end {
                        for xx in wx.start..<wx.end { sum += src[y * p.w + xx] }
                    }
                    let count = divisor ?? (countPad ? wy.padded * wx.padded : (wy.end - wy.start) * (wx.end - wx.start))
                    o[(plane * p.oh + oy) * p.ow + ox] = sum / T(count)
                }
            }
        }
        return out
    }

    public static func avg2dBackward(gradOutput: Tensor, input: Tensor, _ g: PoolingGeometry, countIncludePad: Bool, divisorOverride: Int?) throws(TensorError) -> Tensor {
        let p = try plan(input, g, op: "avg_pool2d_backward")
        return input.dtype == .float32
            ? try avg2dBackward(p, gradOutput, input, g, countIncludePad, divisorOverride, Float.self)
            : try avg2dBackward(p, gradOutput, input, g, countIncludePad, divisorOverride, Double.self)
    }

    static func avg2dBackward<T: NNFloat>(_ p: Plan, _ gradOutput: Tensor, _ input: Tensor, _ g: PoolingGeometry,
                                          _ countPad: Bool, _ divisor: Int?, _: T.Type) throws(TensorError) -> Tensor {
        let gx = try NNBuffer.zeros(input.sizes, like: input)
        let d = NNBuffer.pointer(gx, as: T.self)
        let go = try gradOutput.contiguous().elements(as: T.self)
        for plane in 0..<p.planes {
            let dst = d + plane * p.h * p.w
            for oy in 0..<p.oh {
                let wy = averageWindow(oy, stride: g.stride.0, pad: g.padding.0, kernel: g.kernel.0, size: p.h)
                for ox in 0..<p.ow {
                    let wx = averageWindow(ox, stride: g.stride.1, pad: g.padding.1, kernel: g.kernel.1, size: p.w)
                    let count = divisor ?? (countPad ? wy.padded * wx.padded : (wy.end - wy.start) * (wx.end - wx.start))
                    let share = go[(plane * p.oh + oy) * p.ow + ox] / T(count)
                    for y in wy.start..<wy.end {
                        for xx in wx.start..<wx.end { dst[y * p.w + xx] += share }
                    }
                }
            }
        }
        return gx
    }

    // MARK: adaptive average

    /// Averages over windows [floor(i·H/oh), ceil((i+1)·H/oh)) so that any output size fits.
    public static func adaptiveAvg2d(_ input: Tensor, outputSize: (Int, Int)) throws(TensorError) -> Tensor {
        if input.rank != 3 && input.rank != 4 {
            throw .runtime("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got \(shapeText(input.sizes))")
        }
        try requireFloat(input.dtype, op: "adaptive_avg_pool2d")
        return input.dtype == .float32
            ? try adaptive(input, outputSize, Float.self)
            : try adaptive(input, outputSize, Double.self)
    }

    static func adaptive<T: NNFloat>(_ input: Tensor, _ size: (Int, Int), _: T.Type) throws(TensorError) -> Tensor {
        let h = input.sizes[input.rank - 2], w = input.sizes[input.rank - 1]
        let leading = Array(input.sizes.dropLast(2))
        let planes = leading.reduce(1, *)
        let (keep, x) = try NNBuffer.read(input, as: T.self)
        defer { withExtendedLifetime(keep) {} }
        let out = try Tensor(empty: leading + [size.0, size.1], dtype: input.dtype, device: input.device)
        let o = NNBuffer.pointer(out, as: T.self)
        for plane in 0..<planes {
            let src = x + plane * h * w
            for oy in 0..<size.0 {
                let y0 = (oy * h) / size.0, y1 = ((oy + 1) * h + size.0 - 1) / size.0
                for ox in 0..<size.1 {
                    let x0 = (ox * w) / size.1, x1 = ((ox + 1) * w + size.1 - 1) / size.1
                    var sum = T.zero
                    for y in y0..<y1 { for xx in x0..<x1 { sum += src[y * w + xx] } }
                    // cpu_adaptive_avg_pool2d: `sum / kh / kw`, two roundings, not one by kh·kw.
                    o[(plane * size.0 + oy) * size.1 + ox] = sum / T(y1 - y0) / T(x1 - x0)
                }
            }
        }
        return out
    }

    public static func adaptiveAvg2dBackward(gradOutput: Tensor, input: Tensor) throws(TensorError) -> Tensor {
        let oh = gradOutput.sizes[gradOutput.rank - 2], ow = gradOutput.sizes[gradOutput.rank - 1]
        let h = input.sizes[input.rank - 2], w = input.sizes[input.rank - 1]
        let planes = input.numel / (h * w)
        let gx = try NNBuffer.zeros(input.sizes, like: input)
        let go = try gradOutput.contiguous().elementsAsDouble()
        func spread<T: NNFloat>(_: T.Type) {
            let d = NNBuffer.pointer(gx, as: T.self)
            for plane in 0..<planes {
                for oy in 0..<oh {
                    let y0 = (oy * h) / oh, y1 = ((oy + 1) * h + oh - 1) / oh
                    for ox in 0..<ow {
                        let x0 = (ox * w) / ow, x1 = ((ox + 1) * w + ow - 1) / ow
                        // cpu_adaptive_avg_pool2d_backward: `grad_output / kh / kw`.
                        let share = T(go[(plane * oh + oy) * ow + ox]) / T(y1 - y0) / T(x1 - x0)
                        for y in y0..<y1 { for xx in x0..<x1 { d[plane * h * w + y * w + xx] += share } }
                    }
                }
            }
        }
        if input.dtype == .float32 { spread(Float.self) } else { spread(Double.self) }
        return gx
    }
}
