/// An inline cache for one attribute-access site: the result of looking the name up on the
/// receiver's class, valid while the class and the global class version are unchanged.
/// Saves the MRO walk and hook checks on every `self.x` in a loop.
///
/// It holds its class and attribute unowned: code (and so this cache) is reachable from the
/// class's own methods, and strong references would make cycles that outlive the session.
/// Any change to any class bumps the version, so a stale entry is never used.
///
/// A class, not a struct: reached through its node (`&node.cache`), the struct was copied,
/// retaining each of its references, on every hit.
final class AttributeCache {
    /// The class of the last refresh, by identity only: comparing an object reference
    /// retained and released both sides on every hit.
    var cls: ObjectIdentifier?
    var version = -1
    unowned(unsafe) var attributeObject: PyObject?
    var attributeValue: PyValue?
    /// The class attribute is a property: it wins over instance attributes.
    var isProperty = false
    /// The class uses `object.__setattr__`, so assignment can store directly.
    var plainSetattr = true
    unowned(unsafe) var pythonMethod: PyFunction?
    /// `pythonMethod` as a reference the call path borrows with `_withUnsafeGuaranteedRef`:
    /// turning the unowned reference into a strong one retained and released it on every call.
    var pythonMethodRef: Unmanaged<PyFunction>?
    var nativeMethod: NativeMethod?

    /// The class attribute found by the last refresh.
    var classAttribute: PyValue? {
        if let o = attributeObject { return .object(o) }
        return attributeValue
    }

    /// The class attribute as a method callable without binding.
    var method: MethodRef? {
        if let f = pythonMethod { return .python(f) }
        if let m = nativeMethod { return .native(m) }
        return nil
    }

    /// Whether the entry describes `c` as it is now.
    @inline(__always)
    func isCurrent(_ c: PyClass, _ interp: Interpreter) -> Bool {
        ObjectIdentifier(c) == cls && version == interp.classVersion
    }

    @inline(__always)
    func refresh(_ c: PyClass, _ name: Name, _ interp: Interpreter) {
        if isCurrent(c, interp) { return }
        fill(c, name, interp)
    }

    /// Whether the entry describes the class of `inst` as it is now. Only the identity of
    /// the class is read: passing `inst.cls` itself kept a retained copy across the test.
    @inline(__always)
    func isCurrent(for inst: PyInstance, _ interp: Interpreter) -> Bool {
        ObjectIdentifier(inst.cls) == cls && version == interp.classVersion
    }

    /// `refresh` for the class of `inst`, loading the class only on a miss.
    @inline(__always)
    func refresh(for inst: PyInstance, _ name: Name, _ interp: Interpreter) {
        if isCurrent(for: inst, interp) { return }
        fill(inst.cls, name, interp)
    }

    /// The miss path, kept out of line so that the hit test inlines small.
    @inline(never)
    private func fill(_ c: PyClass, _ name: Name, _ interp: Interpreter) {
        cls = ObjectIdentifier(c)
        version = interp.classVersion
        let found = c.lookup(name)
        isProperty = false
        pythonMethod = nil
        pythonMethodRef = nil
        nativeMethod = nil
        attributeObject = nil
        attributeValue = nil
        if case .object(let o)? = found {
            attributeObject = o
            // A property or another data descriptor wins over instance attributes: the
            // slow paths handle both.
            if o is PyProperty || interp.dataDescriptor(.object(o)) != nil { isProperty = true }
            else if let fn = o as? PyFunction { pythonMethod = fn; pythonMethodRef = Unmanaged.passUnretained(fn) }
            else if let b = o as? PyBuiltinFunction, case .method(let m) = b.body { nativeMethod = m }
        } else {
            attributeValue = found
        }
        let sa = c.lookup(N.__setattr__)
        plainSetattr = sa == nil || sa!.isIdentical(interp.types.object.dict[N.__setattr__] ?? .none)
        // A class with `__slots__` (and no `__dict__` slot) stores only its slot names.
        if plainSetattr, let allowed = interp.slotNames(c), !allowed.contains(name) { plainSetattr = false }
    }
}
