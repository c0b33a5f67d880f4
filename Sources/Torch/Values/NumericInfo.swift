#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Interpreter
import Tensors

/// Payload of `torch.finfo(dtype)` / `torch.iinfo(dtype)`: the dtype it describes.
final class NumericInfo {
    let dtype: DType
    init(_ dtype: DType) { self.dtype = dtype }
}

extension TorchRuntime {
    /// `torch.finfo` and `torch.iinfo`: the limits of a floating or integer dtype, with
    /// PyTorch's attributes (Python numbers) and reprs (`%g` numbers, as PyTorch prints).
    func buildNumericInfo(_ interp: Interpreter, _ m: PyModule) {
        func g(_ x: Double) -> String { cFormat("%g", x) }
        func info(_ s: PyValue) -> DType { s.payload(NumericInfo.self)!.dtype }

        let finfo = interp.makeClass("finfo", module: "torch")
        finfo.setConstructor { [unowned self] _, _, args in
            let bound = try args.bind(Signature("finfo", ["type"]))
            guard let v = bound.given(0) else { return .object(PyInstance(cls: finfo, payload: NumericInfo(.float32))) }
            guard let d = try dtypeArgument(v, "finfo") else { throw PyError.typeError("finfo(): argument 'type' (position 1) must be torch.dtype, not \(typeNameForError(v))") }
            guard d.isFloatingPoint else {
                throw PyError.typeError("torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'")
            }
            return .object(PyInstance(cls: finfo, payload: NumericInfo(d)))
        }
        func floatLimits(_ d: DType) -> (bits: Int, eps: Double, max: Double, tiny: Double, resolution: Double) {
            switch d {
            case .float16: (16, 0.0009765625, 65504.0, 6.103515625e-05, 0.001)
            case .bfloat16: (16, 0.0078125, 3.3895313892515355e+38, 1.1754943508222875e-38, 0.01)
            case .float64: (64, Double.ulpOfOne, Double.greatestFiniteMagnitude, Double.leastNormalMagnitude, 1e-15)
            default: (32, Double(Float.ulpOfOne), Double(Float.greatestFiniteMagnitude), Double(Float.leastNormalMagnitude), 1e-06)
            }
        }
        finfo.addProperty("bits") { _, s in .int(floatLimits(info(s)).bits) }
        finfo.addProperty("eps") { _, s in .float(floatLimits(info(s)).eps) }
        finfo.addProperty("max") { _, s in .float(floatLimits(info(s)).max) }
        finfo.addProperty("min") { _, s in .float(-floatLimits(info(s)).max) }
        finfo.addProperty("tiny") { _, s in .float(floatLimits(info(s)).tiny) }
        finfo.addProperty("smallest_normal") { _, s in .float(floatLimits(info(s)).tiny) }
        finfo.addProperty("resolution") { _, s in .float(floatLimits(info(s)).resolution) }
        finfo.addProperty("dtype") { _, s in .str(info(s).name) }
        finfo.addMethod("__repr__") { _, s, _ in
            let l = floatLimits(info(s))
            return .str("finfo(resolution=\(g(l.resolution)), min=\(g(-l.max)), max=\(g(l.max)), eps=\(g(l.eps)), smallest_normal=\(g(l.tiny)), tiny=\(g(l.tiny)), dtype=\(info(s).name))")
        }
        finfo.addMethod("__eq__") { _, s, args in
            guard let o = args[0].payload(NumericInfo.self) else { return .notImplemented }
            return .bool(o.dtype == info(s))
        }
        m.add("finfo", finfo)

        let iinfo = interp.makeClass("iinfo", module: "torch")
        iinfo.setConstructor { [unowned self] _, _, args in
            let bound = try args.bind(Signature("iinfo", ["type"], required: 1))
            let v = bound[0]!
            guard let d = try dtypeArgument(v, "iinfo") else { throw PyError.typeError("iinfo(): argument 'type' (position 1) must be torch.dtype, not \(typeNameForError(v))") }
            if d == .bool { throw PyError.typeError("torch.bool is not supported by torch.iinfo") }
            guard !d.isFloatingPoint else {
                throw PyError.typeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
            }
            return .object(PyInstance(cls: iinfo, payload: NumericInfo(d)))
        }
        func intLimits(_ d: DType) -> (bits: Int, min: Int, max: Int) {
            switch d {
            case .uint8: (8, 0, 255)
            case .int8: (8, -128, 127)
            case .int16: (16, -32768, 32767)
            case .int32: (32, Int(Int32.min), Int(Int32.max))
            default: (64, Int.min, Int.max)
            }
        }
        iinfo.addProperty("bits") { _, s in .int(intLimits(info(s)).bits) }
        iinfo.addProperty("min") { _, s in .int(intLimits(info(s)).min) }
        iinfo.addProperty("max") { _, s in .int(intLimits(info(s)).max) }
        iinfo.addProperty("dtype") { _, s in .str(info(s).name) }
        iinfo.addMethod("__repr__") { _, s, _ in
            let l = intLimits(info(s))
            return .str("iinfo(min=\(g(Double(l.min))), max=\(g(Double(l.max))), dtype=\(info(s).name))")
        }
        iinfo.addMethod("__eq__") { _, s, args in
            guard let o = args[0].payload(NumericInfo.self) else { return .notImplemented }
            return .bool(o.dtype == info(s))
        }
        m.add("iinfo", iinfo)
    }

    /// A `torch.dtype` argument, or nil when `v` is not one.
    private func dtypeArgument(_ v: PyValue, _ fn: String) throws -> DType? {
        v.payload(DTypeBox.self)?.dtype
    }
}
