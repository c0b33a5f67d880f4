import Tensors

/// One attribute a node shows as `grad_fn._saved_<name>` (and, for tensors,
/// `_raw_saved_<name>`), as PyTorch's generated node classes expose what they saved:
/// tensors live in the node's saved slots; numbers, sizes and flags are copied here.
public enum SavedAttribute {
    /// Saved slot `n` (a SavedVariable): unpacked on access, None when the slot is empty.
    case tensor(Int)
    /// A Python number PyTorch wrapped in a 0-dim tensor and saved (`(x * 2)._saved_other`
    /// is `tensor(2)`): `record` saves it in a slot of its own (freed by backward like any
    /// saved tensor, never packed by hooks) and the attribute becomes `.tensor(slot)`.
    case wrappedNumber(Scalar)
    case scalar(Scalar)
    case int(Int)
    case bool(Bool)
    /// Sizes, strides, dims: a tuple of ints.
    case ints([Int])
    /// A string argument (`rounding_mode`, `approximate`).
    case string(String)
    /// A list of optional saved tensors (`IndexBackward0._saved_indices`): saved slots,
    /// nil for a None entry; shown as a tuple (of SavedTensor objects when raw).
    case tensorList([Int?])
    case none

    /// A SavedVariable that was left undefined (`(x * 2)._saved_self`): None, but it is
    /// still listed with its `_raw_saved_` twin.
    public static var undefinedTensor: SavedAttribute { .tensor(Int.max) }
}

extension Node {
    /// Sets the attributes; the pack order of the tensor slots is the attributes' order.
    func describe(_ attributes: [(String, SavedAttribute)]) {
        savedAttributes = attributes.map { (name: $0.0, value: $0.1) }
    }

    /// Saves the `.wrappedNumber` attributes as 0-dim tensors (int64, float64 or bool, as
    /// PyTorch wraps numbers) in new last slots; call after the other saves.
    func saveWrappedNumbers() {
        for (k, attribute) in savedAttributes.enumerated() {
            guard case let .wrappedNumber(s) = attribute.value else { continue }
            let dtype: DType = switch s { case .bool: .bool; case .int: .int64; case .float: .float64; case .complex: .complex128 }
            guard let t = try? Tensor(scalar: s, dtype: dtype) else { continue }
            saved.append(SavedTensor(wrappedNumber: t))
            savedAttributes[k].value = .tensor(saved.count - 1)
        }
    }

    /// `describe` for a node an in-place op recorded on itself; a CopySlices node (the op
    /// wrote into a view) shows no saved attributes, as PyTorch's does.
    func describeUnlessCopySlices(_ attributes: [(String, SavedAttribute)]) {
        guard name != "torch::autograd::CopySlices" else { return }
        describe(attributes)
        saveWrappedNumbers()
    }

    /// The saved slots in the order the attributes name them.
    static func slotOrder(_ attributes: [(String, SavedAttribute)]) -> [Int] {
        attributes.flatMap { a -> [Int] in
            switch a.1 {
            case let .tensor(n): return [n]
            case let .tensorList(slots): return slots.compactMap { $0 }
            default: return []
            }
        }
    }
}
