/// `repr(tensor)` through the pure `TensorFormatter`: this side only reads elements.
extension Tensor {
    /// The elements as the formatter reads them (by flat row-major index), from a
    /// contiguous host copy so strided views print without per-element index math.
    public func formatterElements() throws(TensorError) -> TensorElements {
        var host = try to(device: .cpu)
        if !host.isContiguous { host = try host.clone() }
        let h = host
        switch dtype {
        case .float32: let p = h.pointer(Float.self); return .floating { _ = h; return Double(p[$0]) }
        case .float64: let p = h.pointer(Double.self); return .floating { _ = h; return p[$0] }
        case .float16: let p = h.pointer(Float16.self); return .floating { _ = h; return Double(Float(p[$0])) }
        case .bfloat16: let p = h.pointer(BFloat16.self); return .floating { _ = h; return Double(p[$0].float) }
        case .bool: let p = h.pointer(Bool.self); return .boolean { _ = h; return p[$0] }
        case .int64: let p = h.pointer(Int64.self); return .integer { _ = h; return p[$0] }
        case .int32: let p = h.pointer(Int32.self); return .integer { _ = h; return Int64(p[$0]) }
        case .int16: let p = h.pointer(Int16.self); return .integer { _ = h; return Int64(p[$0]) }
        case .int8: let p = h.pointer(Int8.self); return .integer { _ = h; return Int64(p[$0]) }
        case .uint8: let p = h.pointer(UInt8.self); return .integer { _ = h; return Int64(p[$0]) }
        case .complex64:
            let p = h.pointer(Complex64.self); return .complex { _ = h; return (Double(p[$0].re), Double(p[$0].im)) }
        case .complex128:
            let p = h.pointer(Complex128.self); return .complex { _ = h; return (p[$0].re, p[$0].im) }
        }
    }

    /// PyTorch's `repr(t)`: `tensor([1., 2.])`, with dtype/device/autograd suffixes.
    /// `autograd` comes from the Autograd layer; `prefix` is `"tensor("` or e.g. `"Parameter containing:\ntensor("`.
    public func repr(options: PrintOptions = PrintOptions(), autograd: TensorFormatter.Autograd = .none,
                     defaultDType: DType = .float32, prefix: String = "tensor(") throws(TensorError) -> String {
        let formatter = TensorFormatter(options: options)
        return formatter.repr(sizes: sizes, elements: try formatterElements(), dtype: dtype.name,
                              defaultDtype: defaultDType.name, device: device == .cpu ? nil : device.description,
                              autograd: autograd, prefix: prefix)
    }
}

extension Tensor: CustomStringConvertible {
    /// `repr` with default options (for debugging and tests).
    public var description: String {
        (try? repr()) ?? "tensor(<unreadable>)"
    }
}
