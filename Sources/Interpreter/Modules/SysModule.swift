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

/// The deepest Python recursion the cell threads' native stack is known to take; a larger
/// `sys.setrecursionlimit` is remembered (and answered) but enforced at this depth.
private let safeRecursionDepth = 20_000

extension Interpreter {
    /// `sys`: the session's view of itself. `sys.modules` is the live import cache;
    /// `sys.path` shows where imports look (the lesson's folder, as '').
    func buildSys(_ m: PyModule) throws {
        m.add("argv", .list(argv.map { .str($0) }))
        m.add("path", .list(moduleFolder == nil ? [] : [.str("")]))
        let d = PyDict()
        for name in modules.keys.sorted() { try d.set(.str(name), .object(modules[name]!)) }
        sysModules = d
        m.add("modules", .object(d))
        m.add("maxsize", .int(Int.max))
        m.add("platform", .str("linux"))
        m.add("byteorder", .str("little"))
        m.add("executable", .str(""))
        m.add("version", .str("3.11.7 (gradbook)"))
        m.add("hexversion", .int(0x030B07F0))
        m.add("api_version", .int(1013))
        m.add("dont_write_bytecode", .true)
        m.add("builtin_module_names", .tuple(["builtins", "sys"].map { .str($0) }))
        addGetframe(m)
        m.addFunction("get_int_max_str_digits") { i, a in
            try a.check("get_int_max_str_digits", 0)
            return .int(i.intMaxStrDigits)
        }
        m.addFunction("set_int_max_str_digits") { i, a in
            try a.check("set_int_max_str_digits", 1)
            let n = try i.intArgument(a[0])
            if n != 0 && n < 640 { throw PyError.valueError("maxdigits must be 0 or larger than 640") }
            i.intMaxStrDigits = n
            return .none
        }
        m.addFunction("getrecursionlimit") { i, a in
            try a.check("getrecursionlimit", 0)
            return .int(i.requestedRecursionLimit)
        }
        m.addFunction("setrecursionlimit") { i, a in
            try a.check("setrecursionlimit", 1)
            guard case .int(let n) = a[0] else {
                throw PyError.typeError("'\(i.typeName(a[0]))' object cannot be interpreted as an integer")
            }
            if n < 1 { throw PyError.valueError("recursion limit must be greater or equal than 1") }
            if n <= i.depth + 1 {
                throw PyError(type: "RecursionError", message: "cannot set the recursion limit to \(n) at the recursion depth \(i.depth + 1): the limit is too low")
            }
            i.requestedRecursionLimit = n
            i.limits.recursionLimit = min(n, safeRecursionDepth)
            return .none
        }
        m.addFunction("exit") { i, a in
            try a.check("exit", 0, 1)
            let exc = try i.call(.object(i.types.exceptions["SystemExit"]!), a.count == 0 ? [] : [a[0]])
            throw PyError(exc.asInstance!)
        }
        m.addFunction("getsizeof") { i, a in
            try a.check("getsizeof", 1, 2)
            return .int(MemoryLayout<PyValue>.size * 3 + 8 * ((try? i.length(a[0])) ?? 0))
        }
        m.addFunction("intern") { _, a in try a.check("intern", 1); return a[0] }
        m.addFunction("getdefaultencoding") { _, _ in .str("utf-8") }
        m.addFunction("exc_info") { i, _ in
            guard let e = i.handling.last else { return .tuple([.none, .none, .none]) }
            let exc = i.materialize(e)
            return .tuple([.object(exc.cls), .object(exc), try i.getAttribute(.object(exc), N.__traceback__)])
        }
        let stream = makeClass("TextIOWrapper", module: "_io")
        stream.addMethod("write") { i, s, a in
            try a.check("write", 1)
            guard case .str(let text) = a[0] else {
                throw PyError.typeError("write() argument must be str, not \(i.typeName(a[0]))")
            }
            if (s.payload(StreamName.self))?.name == "<stderr>" { i.warnings?(text) } else { i.write(text) }
            return .int(text.count)
        }
        stream.addMethod("flush") { _, _, _ in .none }
        stream.addMethod("isatty") { _, _, _ in .false }
        stream.addMethod("writable") { _, _, _ in .true }
        stream.addMethod("__repr__") { _, s, _ in
            .str("<_io.TextIOWrapper name='\(s.payload(StreamName.self)!.name)' mode='w' encoding='utf-8'>")
        }
        for (attr, name) in [("stdout", "<stdout>"), ("stderr", "<stderr>")] {
            let v = makeInstance(stream, payload: StreamName(name))
            m.add(attr, v)
            m.add("__\(attr)__", v)
        }
        try runModuleSource(sysSource, file: "<sys>", module: m)
    }
}

/// Which standard stream a `sys.stdout`/`sys.stderr` object writes to.
private final class StreamName {
    let name: String
    init(_ name: String) { self.name = name }
}

/// The struct sequences of `sys` (`version_info`, `float_info`): tuples with named fields.
private let sysSource = #"""
class _StructSeq:
    _fields = ()
    _name = ""

    def __init__(self, values):
        object.__setattr__(self, "_values", tuple(values))

    def __getattr__(self, name):
        if name in type(self)._fields:
            return self._values[type(self)._fields.index(name)]
        raise AttributeError("'" + type(self)._name + "' object has no attribute '" + name + "'")

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    def __getitem__(self, i):
        return self._values[i]

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        return self._name + "(" + ", ".join(f + "=" + repr(v) for f, v in zip(type(self)._fields, self._values)) + ")"

    def _other(self, other):
        if isinstance(other, _StructSeq):
            return other._values
        return other

    def __eq__(self, other):
        o = self._other(other)
        return self._values == o if isinstance(o, tuple) else NotImplemented

    def __ne__(self, other):
        o = self._other(other)
        return self._values != o if isinstance(o, tuple) else NotImplemented

    def __lt__(self, other):
        o = self._other(other)
        return self._values < o if isinstance(o, tuple) else NotImplemented

    def __le__(self, other):
        o = self._other(other)
        return self._values <= o if isinstance(o, tuple) else NotImplemented

    def __gt__(self, other):
        o = self._other(other)
        return self._values > o if isinstance(o, tuple) else NotImplemented

    def __ge__(self, other):
        o = self._other(other)
        return self._values >= o if isinstance(o, tuple) else NotImplemented


class _VersionInfo(_StructSeq):
    _fields = ("major", "minor", "micro", "releaselevel", "serial")
    _name = "sys.version_info"


class _FloatInfo(_StructSeq):
    _fields = ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds")
    _name = "sys.float_info"


class _IntInfo(_StructSeq):
    _fields = ("bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold")
    _name = "sys.int_info"


version_info = _VersionInfo((3, 11, 7, "final", 0))
float_info = _FloatInfo((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1))
int_info = _IntInfo((30, 4, 4300, 640))
del _VersionInfo, _FloatInfo, _IntInfo
float_repr_style = "short"


class _Implementation:
    # CPython's `types.SimpleNamespace`. The interpreter follows CPython 3.11's language,
    # so it names that implementation; cache_tag None says no bytecode is cached (PEP 421).
    def __init__(self, **fields):
        for k, v in fields.items():
            object.__setattr__(self, k, v)

    def __repr__(self):
        return "namespace(" + ", ".join(k + "=" + repr(v) for k, v in self.__dict__.items()) + ")"


implementation = _Implementation(name="cpython", cache_tag=None, version=version_info, hexversion=0x030B07F0)
del _Implementation
"""#
