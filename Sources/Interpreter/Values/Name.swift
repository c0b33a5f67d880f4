import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An interned identifier. Attribute, global and keyword names are compared by id, so
/// lookups hash one integer instead of a string.
public struct Name: Hashable, Sendable, CustomStringConvertible {
    public let id: Int

    public init(_ string: String) { id = NameTable.shared.intern(string) }

    public var string: String { NameTable.shared.string(id) }
    public var description: String { string }
}

/// The process-wide table of interned names; sessions on several threads share it.
final class NameTable: @unchecked Sendable {
    static let shared = NameTable()
    private let lock = PThreadLock()
    private var ids: [String: Int] = [:]
    private var strings: [String] = []

    func intern(_ s: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        if let id = ids[s] { return id }
        let id = strings.count
        strings.append(s)
        ids[s] = id
        return id
    }

    func string(_ id: Int) -> String {
        lock.lock(); defer { lock.unlock() }
        return strings[id]
    }
}

/// Names the evaluator looks up on hot paths, interned once.
enum N {
    static let __init__ = Name("__init__")
    static let __new__ = Name("__new__")
    static let __call__ = Name("__call__")
    static let __repr__ = Name("__repr__")
    static let __str__ = Name("__str__")
    static let __len__ = Name("__len__")
    static let __getitem__ = Name("__getitem__")
    static let __setitem__ = Name("__setitem__")
    static let __delitem__ = Name("__delitem__")
    static let __iter__ = Name("__iter__")
    static let __next__ = Name("__next__")
    static let __eq__ = Name("__eq__")
    static let __ne__ = Name("__ne__")
    static let __lt__ = Name("__lt__")
    static let __le__ = Name("__le__")
    static let __gt__ = Name("__gt__")
    static let __ge__ = Name("__ge__")
    static let __hash__ = Name("__hash__")
    static let __bool__ = Name("__bool__")
    static let __contains__ = Name("__contains__")
    static let __enter__ = Name("__enter__")
    static let __exit__ = Name("__exit__")
    static let __getattr__ = Name("__getattr__")
    static let __getattribute__ = Name("__getattribute__")
    static let __setattr__ = Name("__setattr__")
    static let __delattr__ = Name("__delattr__")
    static let __format__ = Name("__format__")
    static let __neg__ = Name("__neg__")
    static let __pos__ = Name("__pos__")
    static let __abs__ = Name("__abs__")
    static let __invert__ = Name("__invert__")
    static let __index__ = Name("__index__")
    static let __int__ = Name("__int__")
    static let __float__ = Name("__float__")
    static let __name__ = Name("__name__")
    static let __file__ = Name("__file__")
    static let __package__ = Name("__package__")
    static let __path__ = Name("__path__")
    static let __qualname__ = Name("__qualname__")
    static let __module__ = Name("__module__")
    static let __doc__ = Name("__doc__")
    static let __class__ = Name("__class__")
    static let __dict__ = Name("__dict__")
    static let __get__ = Name("__get__")
    static let __set__ = Name("__set__")
    static let __delete__ = Name("__delete__")
    static let __all__ = Name("__all__")
    static let __mro__ = Name("__mro__")
    static let __bases__ = Name("__bases__")
    static let __base__ = Name("__base__")
    static let __set_name__ = Name("__set_name__")
    static let __init_subclass__ = Name("__init_subclass__")
    static let __reversed__ = Name("__reversed__")
    static let __round__ = Name("__round__")
    static let __missing__ = Name("__missing__")
    static let args = Name("args")
    static let self_ = Name("self")
    static let key = Name("key")
    static let reverse = Name("reverse")
    static let default_ = Name("default")
    static let sep = Name("sep")
    static let end = Name("end")
    static let file = Name("file")
    static let flush = Name("flush")
    static let start = Name("start")
    static let super_ = Name("super")
    static let fget = Name("fget")
    static let setter = Name("setter")
    static let getter = Name("getter")
    static let deleter = Name("deleter")
    static let __func__ = Name("__func__")
    static let __self__ = Name("__self__")
    static let __traceback__ = Name("__traceback__")
    static let __cause__ = Name("__cause__")
    static let __context__ = Name("__context__")
    static let __suppress_context__ = Name("__suppress_context__")
    static let __notes__ = Name("__notes__")
    static let __wrapped__ = Name("__wrapped__")
    static let value = Name("value")
    static let locals = Name("locals")
    static let vars = Name("vars")
}
