/// A strided view of a storage: the one tensor type every layer above uses.
///
/// Views share `storage`; writes through one show through all. The layout fields are `var`
/// so that `x.data = y` (PyTorch's `set_data`) can swap what an existing tensor object
/// points at while autograd keeps its identity.
public final class Tensor {
    public private(set) var storage: Storage
    public private(set) var sizes: [Int]
    /// Element strides (not bytes), one per dimension.
    public private(set) var strides: [Int]
    /// Element offset of element [0, 0, ...] into `storage`.
    public private(set) var offset: Int
    public private(set) var dtype: DType
    /// Opaque slot owned by the Autograd layer (requires_grad, grad, grad_fn).
    public var autogradMeta: AnyObject?
    /// The host language's object for this tensor, if one is alive. Lets a binding hand back
    /// the same object for the same tensor, so that `x.grad is x.grad` and `x.add_(1) is x`
    /// hold as in PyTorch. Unowned (the object owns the tensor): the binding must clear it
    /// when the object goes away.
    public unowned(unsafe) var hostObject: AnyObject?
    /// For a view made by a view op of a tensor without autograd metadata: the tensor it
    /// views (`._base`), set by Autograd, which knows which ops are views. Strong, as in
    /// PyTorch: a view keeps its base alive.
    public var plainViewBase: Tensor?
    /// In-place write counter, shared with views; `.data` gets a fresh one as in PyTorch.
    public let versionCounter: VersionCounter
    /// PyTorch's conjugate bit: this tensor reads as the conjugate of its memory (a lazy
    /// `conj()` view). Kernels never see it: the binding layer resolves such tensors at the
    /// op boundary (Tensor+MathBits.swift).
    public var isConj = false
    /// PyTorch's negative bit: this tensor reads as the negation of its memory
    /// (`_neg_view()`, `.imag` of a conjugate view).
    public var isNeg = false

    /// Wraps existing storage. Programmer mistakes (mismatched ranks) trap.
    public init(storage: Storage, sizes: [Int], strides: [Int], offset: Int, dtype: DType,
                versionCounter: VersionCounter? = nil) {
        precondition(sizes.count == strides.count, "sizes and strides differ in rank")
        self.storage = storage
        self.versionCounter = versionCounter ?? storage.versionCounter
        self.sizes = sizes
        self.strides = strides
        self.offset = offset
        self.dtype = dtype
    }

    /// Uninitialised contiguous tensor (`torch.empty`).
    public convenience init(empty sizes: [Int], dtype: DType = .float32, device: Device = .cpu) throws(TensorError) {
        let bytes = try Shape.contiguousByteCount(sizes, itemSize: dtype.itemSize)
        let storage = try Storage(byteCount: bytes, device: device)
        self.init(storage: storage, sizes: sizes, strides: try Shape.checkedContiguousStrides(sizes), offset: 0, dtype: dtype)
    }

    public var device: Device { storage.device }
    /// Number of dimensions (`dim()`).
    public var rank: Int { sizes.count }
    public var numel: Int { sizes.reduce(1, *) }
    public var isScalar: Bool { sizes.isEmpty }
    public var isContiguous: Bool { Shape.isContiguous(sizes: sizes, strides: strides) }
    /// `is_inference()`: the memory was allocated in inference mode.
    public var isInference: Bool { storage.isInference }
    /// In-place writes seen by this tensor's counter (`_version`).
    public var version: Int { versionCounter.value }

    /// Size of one dimension, accepting negative indices.
    public func size(_ dim: Int) throws(TensorError) -> Int { sizes[try Shape.wrapDim(dim, rank: rank)] }
    public func stride(_ dim: Int) throws(TensorError) -> Int { strides[try Shape.wrapDim(dim, rank: rank)] }

    /// Marks an in-place write (autograd's version counter).
    @inline(__always) public func bumpVersion() { versionCounter.value &+= 1 }

    /// `x.data = y`: makes this object share `other`'s storage and layout.
    public func setData(_ other: Tensor) {
        storage = other.storage
        sizes = other.sizes
        strides = other.strides
        offset = other.offset
        dtype = other.dtype
        isConj = other.isConj
        isNeg = other.isNeg
    }

    /// A new tensor object over the same storage with another layout.
    @inline(__always)
    func view(sizes: [Int], strides: [Int], offset: Int) -> Tensor {
        Tensor(storage: storage, sizes: sizes, strides: strides, offset: offset, dtype: dtype, versionCounter: versionCounter)
    }

    /// Same storage and layout with its own version counter (`.data`).
    public func aliasWithOwnVersion() -> Tensor {
        Tensor(storage: storage, sizes: sizes, strides: strides, offset: offset, dtype: dtype, versionCounter: VersionCounter())
    }

    /// Typed pointer to element [0, 0, ...] (CPU only).
    @inline(__always)
    func pointer<T>(_ type: T.Type) -> UnsafeMutablePointer<T> {
        storage.data.assumingMemoryBound(to: T.self) + offset
    }

    /// Whether two tensors share storage (`x.data_ptr()` comparisons, `untyped_storage()`).
    public func sharesStorage(with other: Tensor) -> Bool { storage === other.storage }

    /// Address of the first element, stable for the life of the storage (`data_ptr()`).
    public var dataPointerAddress: Int { Int(bitPattern: storage.data) + offset * dtype.itemSize }
}
