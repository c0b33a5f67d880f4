/// `repr(tensor)` / `str(tensor)` for a `Tensor`: reads the displayed elements (on the host)
/// and hands them to `TensorFormatter`.
extension Tensor {
    /// PyTorch's text for this tensor.
    ///
    /// - Parameters:
    ///   - autograd: the `requires_grad=True` / `grad_fn=<...>` suffix, which Autograd knows.
    ///   - defaultDtype: `torch.get_default_dtype()`.
    ///   - prefix: `"tensor("`; `Parameter` adds its own first line around this.
    public func repr(options: PrintOptions = PrintOptions(), autograd: TensorFormatter.Autograd = .none,
                     defaultDtype: DType = .float32, prefix: String = "tensor(") throws(TensorError) -> String {
        let host = device == .cpu ? self : try to(device: .cpu)
        return TensorFormatter(options: options).repr(
            sizes: sizes, elements: host.elementsForPrinting(), dtype: dtype.name,
            defaultDtype: defaultDtype.name, device: device == .cpu ? nil : device.description,
            autograd: autograd, prefix: prefix)
    }

    /// Element reader by flat row-major index over this CPU tensor's strides.
    func elementsForPrinting() -> TensorElements {
        precondition(device == .cpu)
        let sizes = self.sizes, strides = self.strides
        @inline(__always) func storageIndex(_ flat: Int) -> Int {
            var rest = flat, position = 0
            for dim in sizes.indices.reversed() {
                let size = sizes[dim]
                position += (rest % size) * strides[dim]
                rest /= size
            }
            return position
        }
        // The closures keep `self` (and so its storage) alive while the formatter reads.
        switch dtype {
        case .float32: return .floating { [self] in Double(pointer(Float.self)[storageIndex($0)]) }
        case .float64: return .floating { [self] in pointer(Double.self)[storageIndex($0)] }
        case .float16: return .floating { [self] in Double(Float(pointer(Float16.self)[storageIndex($0)])) }
        case .bfloat16: return .floating { [self] in Double(pointer(BFloat16.self)[storageIndex($0)].float) }
        case .bool: return .boolean { [self] in pointer(Bool.self)[storageIndex($0)] }
        case .uint8: return .integer { [self] in Int64(pointer(UInt8.self)[storageIndex($0)]) }
        case .int8: return .integer { [self] in Int64(pointer(Int8.self)[storageIndex($0)]) }
        case .int16: return .integer { [self] in Int64(pointer(Int16.self)[storageIndex($0)]) }
        case .int32: return .integer { [self] in Int64(pointer(Int32.self)[storageIndex($0)]) }
        case .int64: return .integer { [self] in pointer(Int64.self)[storageIndex($0)] }
        }
    }
}
