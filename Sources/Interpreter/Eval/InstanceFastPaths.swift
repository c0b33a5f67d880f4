/// Attribute access on `self` (a local variable holding an instance) without reference
/// counting: `return self.x`, `self.x += n`.
///
/// Reading `self` out of its slot as a value retained the instance, and every strong copy
/// of a class, function or instance along the way (the class for the inline-cache test, the
/// unowned method turned strong) cost an atomic retain and release. Those were most of the
/// time of a short method (`bench/python/method_calls.py`). Here the instance is borrowed
/// from the slot instead: the slot keeps it alive, and nothing these paths run can rebind a
/// local variable of the running frame (only the frame's own statements assign its slots,
/// and the paths below evaluate no other code while they hold the borrow).

extension PyObject {
    /// The object as a `PyInstance` when it is one, by one compare of its class metadata
    /// (`PyInstance` is final) instead of a call to the runtime's dynamic cast.
    @inline(__always)
    var exactInstance: PyInstance? {
        if ObjectIdentifier(type(of: self)) == ObjectIdentifier(PyInstance.self) {
            return unsafeDowncast(self, to: PyInstance.self)
        }
        return nil
    }
}

extension PyValue {
    /// Whether this is an instance of a Python or native class (a `PyInstance`).
    @inline(__always)
    var isExactInstance: Bool {
        if case .object(let o) = self { return ObjectIdentifier(type(of: o)) == ObjectIdentifier(PyInstance.self) }
        return false
    }
}

extension Frame {
    /// The instance bound to local slot `s`, unretained; nil when the slot is unbound or
    /// holds anything else. Valid while the frame's own code does not rebind the slot.
    @inline(__always)
    func peekInstance(_ s: Int) -> Unmanaged<PyInstance>? {
        if case .object(let o)? = slots[s], ObjectIdentifier(type(of: o)) == ObjectIdentifier(PyInstance.self) {
            return Unmanaged.passUnretained(unsafeDowncast(o, to: PyInstance.self))
        }
        return nil
    }
}

extension AttributeExpr {
    /// `localObjectSlot`, found out on first use.
    @inline(__always)
    private var objectSlot: Int {
        if localObjectSlot == -2 { localObjectSlot = isSpecial ? -1 : ((object as? NameExpr)?.localSlot ?? -1) }
        return localObjectSlot
    }

    /// `self.name` where `self` is a local holding an instance with its own attribute
    /// `name` (and no class property of that name): the attribute's value, read with the
    /// instance borrowed. nil sends the caller down the general path, which starts over.
    @inline(__always)
    func loadOwnAttributeOfLocal(_ f: Frame) -> PyValue? {
        let slot = objectSlot
        guard slot >= 0, let ref = f.peekInstance(slot) else { return nil }
        return ref._withUnsafeGuaranteedRef { inst -> PyValue? in
            cache.refresh(for: inst, name, f.interp)
            if !cache.isProperty, let i = inst.attributes.index(name) { return inst.attributes.values[i] }
            return nil
        }
    }

    /// `self.name op= value` for an int or float attribute of a local instance and a value
    /// that is a constant or a local variable (so evaluating it runs no code and has no
    /// effect): computed and stored in place, with the instance borrowed. Returns false,
    /// having changed nothing, when the general path must run.
    @inline(__always)
    func augmentOwnAttributeOfLocal(_ op: BinaryOp, _ value: Expr, _ f: Frame) throws -> Bool {
        let slot = objectSlot
        guard slot >= 0, let ref = f.peekInstance(slot) else { return false }
        return try ref._withUnsafeGuaranteedRef { inst -> Bool in
            cache.refresh(for: inst, name, f.interp)
            guard cache.plainSetattr, !cache.isProperty, let i = inst.attributes.index(name) else { return false }
            let v = try value.eval(f)
            let new: PyValue
            switch (inst.attributes.values[i], v) {
            case (.int(let x), .int(let y)):
                let (r, o): (Int, Bool)
                switch op {
                case .add: (r, o) = x.addingReportingOverflow(y)
                case .sub: (r, o) = x.subtractingReportingOverflow(y)
                case .mul: (r, o) = x.multipliedReportingOverflow(by: y)
                default: return false
                }
                if o { return false }
                new = .int(r)
            case (.float(let x), .float(let y)):
                switch op {
                case .add: new = .float(x + y)
                case .sub: new = .float(x - y)
                case .mul: new = .float(x * y)
                default: return false
                }
            default:
                return false
            }
            inst.attributes.values[i] = new
            return true
        }
    }
}

extension Expr {
    /// Whether evaluating this expression runs no Python code and changes nothing (a
    /// constant or a local variable), so a fast path may evaluate it and still give up.
    /// Meaningful once the enclosing scope is resolved.
    var isEffectFree: Bool {
        if self is ConstantExpr { return true }
        if let n = self as? NameExpr { return n.localSlot != nil }
        return false
    }
}
