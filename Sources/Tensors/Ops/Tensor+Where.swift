/// Selection by boolean masks: `where`, `masked_fill`.
extension Tensor {
    /// `torch.where(condition, a, b)`: a where true, b elsewhere, broadcast together.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        var p = TypePromotion(); p.add(a); p.add(b)
        return try selectWhere(condition, a, b, dtype: p.result)
    }

    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Scalar) throws(TensorError) -> Tensor {
        var p = TypePromotion(); p.add(a); p.add(b)
        let bt = try Tensor(scalar: b, dtype: p.result, device: a.device)
        return try selectWhere(condition, a, bt, dtype: p.result)
    }

    public static func `where`(_ condition: Tensor, _ a: Scalar, _ b: Tensor) throws(TensorError) -> Tensor {
        var p = TypePromotion(); p.add(a); p.add(b)
        let at = try Tensor(scalar: a, dtype: p.result, device: b.device)
        return try selectWhere(condition, at, b, dtype: p.result)
    }

    public static func `where`(_ condition: Tensor, _ a: Scalar, _ b: Scalar) throws(TensorError) -> Tensor {
        var p = TypePromotion(); p.add(a); p.add(b)
        let at = try Tensor(scalar: a, dtype: p.result), bt = try Tensor(scalar: b, dtype: p.result)
        return try selectWhere(condition, at, bt, dtype: p.result)
    }

    private static func selectWhere(_ condition: Tensor, _ a: Tensor, _ b: Tensor, dtype: DType) throws(TensorError) -> Tensor {
        if condition.dtype != .bool && condition.dtype != .uint8 {
            throw .runtime("where expected condition to be a boolean tensor, but got a tensor with dtype \(condition.dtype.scalarTypeName)")
        }
        let device = try Tensor.iteratorDevice([condition, a, b])
        let shape = try Shape.broadcast(try Shape.broadcast(condition.sizes, a.sizes), b.sizes)
        let ac = try a.to(dtype).to(device: device), bc = try b.to(dtype).to(device: device)
        // TensorIterator over (condition, a, b) after promotion decides the layout.
        let out = try Tensor.iteratorOutput(shape, dtype: dtype, device: device, inputs: [condition, ac, bc])
        try out.backend.copyCast(from: try bc.expand(to: shape, forCopyInto: false), into: out)
        let mask = try condition.to(.bool).to(device: device).expand(to: shape, forCopyInto: false)
        let src = try ac.expand(to: shape, forCopyInto: false)
        _ = try out.backend.index(.maskedAssign, [out, mask, src])
        return out
    }

    func checkBoolMask(_ mask: Tensor, _ name: String) throws(TensorError) {
        if mask.dtype != .bool {
            throw .runtime("\(name) only supports boolean masks, but got mask with dtype \(mask.dtype.cppName)")
        }
    }

    /// `masked_fill_(mask, value)` in place.
    @discardableResult
    public func maskedFill_(_ mask: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        try checkBoolMask(mask, "masked_fill_")
        _ = try Tensor.iteratorDevice([self, mask])
        let m = try mask.to(device: device).expand(to: sizes, forCopyInto: true)
        _ = try backend.index(.maskedFill(value: value), [self, m])
        bumpVersion()
        return self
    }

    /// `masked_fill_(mask, value)` with a 0-dim tensor value.
    @discardableResult
    public func maskedFill_(_ mask: Tensor, _ value: Tensor) throws(TensorError) -> Tensor {
        if value.rank != 0 {
            throw .runtime("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with \(value.rank) dimension(s).")
        }
        return try maskedFill_(mask, value.item())
    }

    /// `masked_fill(mask, value)`: a filled copy, broadcast to the mask's shape too. The copy
    /// is row-major whatever the source's layout (ATen: `self.clone(MemoryFormat::Contiguous)`),
    /// which later reductions over it see in their summation order.
    public func maskedFill(_ mask: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        try checkBoolMask(mask, "masked_fill_")
        let shape = try Shape.broadcast(sizes, mask.sizes)
        let out = try expand(to: shape, forCopyInto: false).contiguousCopy()
        return try out.maskedFill_(mask, value)
    }

    public func maskedFill(_ mask: Tensor, _ value: Tensor) throws(TensorError) -> Tensor {
        try checkBoolMask(mask, "masked_fill_")
        let shape = try Shape.broadcast(sizes, mask.sizes)
        let out = try expand(to: shape, forCopyInto: false).contiguousCopy()
        return try out.maskedFill_(mask, value)
    }
}
