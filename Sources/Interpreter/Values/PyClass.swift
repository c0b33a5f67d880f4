/// Builds an instance when a class is called. `cls` is the class actually called, which may
/// be a Python subclass of the native class that registered the constructor.
public typealias NativeConstructor = (Interpreter, PyClass, Arguments) throws -> PyValue

/// A class: built-in type, native class registered by the host, or a `class` statement.
public final class PyClass: PyObject {
    public internal(set) var name: String
    public var qualname: String
    public var module: String
    /// CPython's `tp_name` where it differs from `name`: a C type's dotted name
    /// (`collections.deque`, `decimal.Decimal`), which error messages show.
    public var tpName: String?
    public let bases: [PyClass]
    public private(set) var mro: [PyClass] = []
    var dict: [Name: PyValue] = [:]
    var order: [Name] = []
    /// Native construction (built-ins, host classes). Inherited by subclasses.
    var constructor: NativeConstructor?
    /// False for classes the host does not let Python code subclass.
    public var allowsSubclassing = true
    /// Whether instances of this class are exceptions (BaseException in the MRO).
    private(set) var isException = false
    /// Whether lookups of special methods can skip instance dicts (always true).
    var lookupCache: [Name: PyValue?] = [:]
    var cacheVersion = -1
    unowned(unsafe) var interpreter: Interpreter?
    /// The class's metaclass when it is not plain `type` (Runtime/Metaclasses.swift).
    var metaclass: PyClass?
    /// Classes naming this one as a base, oldest first (`__subclasses__()`, which
    /// `abc.ABCMeta.__subclasscheck__` walks). Not owning: a class leaves its bases' lists
    /// when it goes away (deinit), so no weak references (which would slow every retain
    /// of a class) are needed.
    private var subclassRefs: [SubclassRef] = []
    var subclasses: [PyClass] { subclassRefs.map { $0.cls } }

    init(name: String, qualname: String? = nil, module: String = "builtins", bases: [PyClass], interpreter: Interpreter?) {
        self.name = name
        self.qualname = qualname ?? name
        self.module = module
        self.bases = bases
        self.interpreter = interpreter
        super.init()
        mro = [self] + PyClass.linearize(bases)
        isException = mro.contains { $0.name == "BaseException" && $0.module == "builtins" }
        for b in bases where b.constructor != nil { constructor = b.constructor; break }
        for b in bases { b.subclassRefs.append(SubclassRef(id: ObjectIdentifier(self), cls: self)) }
        interpreter?.classVersion &+= 1
    }

    /// C3 linearization of the bases' MROs.
    private static func linearize(_ bases: [PyClass]) -> [PyClass] {
        var seqs = bases.map { $0.mro } + [bases]
        var result: [PyClass] = []
        while true {
            seqs = seqs.filter { !$0.isEmpty }
            if seqs.isEmpty { return result }
            var head: PyClass?
            for s in seqs {
                let cand = s[0]
                if !seqs.contains(where: { $0.dropFirst().contains { $0 === cand } }) { head = cand; break }
            }
            guard let h = head else { return result + seqs.flatMap { $0 } }
            result.append(h)
            seqs = seqs.map { $0.first === h ? Array($0.dropFirst()) : $0 }
        }
    }

    public var base: PyClass? { bases.first }

    deinit {
        let me = ObjectIdentifier(self)
        for b in bases { b.subclassRefs.removeAll { $0.id == me } }
    }

    /// Attribute lookup along the MRO (no descriptors applied).
    public func lookup(_ name: Name) -> PyValue? {
        if let interp = interpreter {
            if cacheVersion != interp.classVersion { lookupCache.removeAll(keepingCapacity: true); cacheVersion = interp.classVersion }
            if let hit = lookupCache[name] { return hit }
            var found: PyValue? = nil
            for c in mro { if let v = c.dict[name] { found = v; break } }
            lookupCache[name] = found
            return found
        }
        for c in mro { if let v = c.dict[name] { return v } }
        return nil
    }

    public func isSubclass(of other: PyClass) -> Bool {
        if self === other { return true }
        return mro.contains { $0 === other }
    }

    /// The names this class defines itself (not inherited), in definition order: lets a
    /// native module re-wrap methods it registered in many places.
    public var ownAttributeNames: [String] { order.map(\.string) }

    /// Sets a class attribute (methods, properties, constants).
    public subscript(name: String) -> PyValue? {
        get { dict[Name(name)] }
        set { setAttribute(Name(name), newValue) }
    }

    func setAttribute(_ name: Name, _ value: PyValue?) {
        if let v = value {
            if dict[name] == nil { order.append(name) }
            dict[name] = v
        } else {
            dict[name] = nil
            order.removeAll { $0 == name }
        }
        interpreter?.classVersion &+= 1
    }
}

/// A base's reference to one of its subclasses: it does not keep the subclass alive; the
/// subclass removes it as it is deinitialised.
struct SubclassRef {
    let id: ObjectIdentifier
    unowned(unsafe) let cls: PyClass
}

/// Attributes of an instance, in insertion order. Small objects have few attributes, so a
/// linear scan over interned ids beats hashing.
struct AttributeStore {
    var names: [Name] = []
    var values: [PyValue] = []

    @inline(__always) func index(_ n: Name) -> Int? {
        var i = 0
        let c = names.count
        while i < c { if names[i].id == n.id { return i }; i += 1 }
        return nil
    }
    @inline(__always) func get(_ n: Name) -> PyValue? { if let i = index(n) { return values[i] }; return nil }
    mutating func set(_ n: Name, _ v: PyValue) {
        if let i = index(n) { values[i] = v } else { names.append(n); values.append(v) }
    }
    @discardableResult mutating func remove(_ n: Name) -> Bool {
        guard let i = index(n) else { return false }
        names.remove(at: i); values.remove(at: i); return true
    }
}

/// An instance of a Python or native class. Native classes keep their Swift state in
/// `payload`; Python attributes live in `attributes`.
public final class PyInstance: PyObject {
    public var cls: PyClass
    /// The instance's own attributes. Normally they live in `store` alone; once Python code
    /// takes the instance's `__dict__` (`self.__dict__.update(kw)`, `vars(obj)[k] = v`) or
    /// replaces it (`self.__dict__ = self`, the AttrDict idiom), that dict is the truth:
    /// `store` is refreshed from it when the dict changed and written back into it after
    /// each change, so both views stay one namespace. Plain instances pay one nil check.
    var attributes: AttributeStore {
        _read {
            if linkedDict != nil { refreshFromLinkedDict() }
            yield store
        }
        _modify {
            if linkedDict == nil {
                yield &store
            } else {
                refreshFromLinkedDict()
                yield &store
                writeBackToLinkedDict()
            }
        }
    }
    private var store = AttributeStore()
    /// The dict that is this instance's `__dict__`, when Python code has seen or set it.
    private(set) var linkedDict: PyDict?
    /// Whether `__dict__` is the instance itself (a dict subclass that did `self.__dict__ = self`).
    private(set) var dictIsSelf = false
    private var linkedVersion = 0
    public var payload: AnyObject?
    /// For an exception that was caught: the frames it passed through, innermost first,
    /// down to the handler's frame (what a chained traceback shows for it).
    var traceback: [TraceEntry] = []
    /// Set by a host that made its payload point back at this object (unowned): the
    /// object then tells the host, through `payloadUnlink`, when it goes away.
    public var payloadLinksBack = false

    /// Called as an object whose payload links back to it is deinitialised. A plain
    /// function set once by the host, so objects pay one flag check when they die, not the
    /// side table and slower reference counting a weak back reference would cost them.
    nonisolated(unsafe) public static var payloadUnlink: ((AnyObject, PyInstance) -> Void)?

    public init(cls: PyClass, payload: AnyObject? = nil) {
        self.cls = cls
        self.payload = payload
    }

    deinit {
        if payloadLinksBack, let payload { PyInstance.payloadUnlink?(payload, self) }
    }

    /// Attributes that are slots of a class in the MRO (an instance of a subclass without
    /// `__slots__` of a class with them): they live in `store` but not in `__dict__`, as
    /// CPython keeps them in the object's slots. Set when the dict is first linked.
    private var slotNamesOutsideDict: [Name] = []

    /// The live `__dict__`: made from the attributes on first use, then shared.
    func liveDict() -> PyDict {
        if let d = linkedDict { return d }
        slotNamesOutsideDict = PyInstance.declaredSlots(cls)
        let d = PyDict()
        for (n, v) in zip(store.names, store.values) where !isSlot(n) { try? d.set(.str(n.string), v) }
        linkedDict = d
        linkedVersion = d.version
        return d
    }

    /// `obj.__dict__ = d`: `d` becomes the namespace (`isSelf` when `d` is `obj` itself).
    func replaceDict(_ d: PyDict, isSelf: Bool) {
        if linkedDict == nil { slotNamesOutsideDict = PyInstance.declaredSlots(cls) }
        linkedDict = d
        dictIsSelf = isSelf
        linkedVersion = d.version &- 1
        refreshFromLinkedDict()
    }

    private func refreshFromLinkedDict() {
        guard let d = linkedDict, d.version != linkedVersion else { return }
        var fresh = AttributeStore()
        for (k, v) in d.items {
            if case .str(let s) = k {
                let n = Name(s)
                if isSlot(n) { continue }
                fresh.names.append(n); fresh.values.append(v)
            }
        }
        for n in slotNamesOutsideDict { if let v = store.get(n) { fresh.names.append(n); fresh.values.append(v) } }
        store = fresh
        linkedVersion = d.version
    }

    private func writeBackToLinkedDict() {
        guard let d = linkedDict else { return }
        let kept = Set(store.names.map(\.id))
        for k in d.keys { if case .str(let s) = k, !kept.contains(Name(s).id) { _ = try? d.remove(k) } }
        for (n, v) in zip(store.names, store.values) where !isSlot(n) {
            let key = PyValue.str(n.string)
            if let old = try? d.get(key), old.isIdentical(v) { continue }
            try? d.set(key, v)
        }
        linkedVersion = d.version
    }

    @inline(__always) private func isSlot(_ n: Name) -> Bool {
        !slotNamesOutsideDict.isEmpty && slotNamesOutsideDict.contains { $0.id == n.id }
    }

    /// The attribute names the `__slots__` of `cls`'s MRO declare.
    static func declaredSlots(_ cls: PyClass) -> [Name] {
        var names: [Name] = []
        for k in cls.mro {
            guard let slots = k.dict[Name("__slots__")] else { continue }
            let items: [PyValue]
            if case .str(let s) = slots { items = [.str(s)] }
            else if let t = slots.asTuple { items = t.items }
            else if let l = slots.asList { items = l.items }
            else { continue }
            for case .str(let s) in items where s != "__dict__" && s != "__weakref__" { names.append(Name(s)) }
        }
        return names
    }

    public func attribute(_ name: String) -> PyValue? { attributes.get(Name(name)) }
    public func setAttribute(_ name: String, _ value: PyValue) { attributes.set(Name(name), value) }
}
