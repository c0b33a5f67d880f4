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

/// One interpreter session: a `__main__` module shared by the cells of a lesson, the
/// registered modules, and the limits. Single-threaded: use one per lesson.
public final class Interpreter {
    /// Resource limits of a session.
    public struct Limits: Sendable {
        public var recursionLimit: Int
        /// Seconds a cell may run when `runCell` is given no timeout; nil means no limit.
        public var cellTimeout: Double?
        /// Bytes one string, list or tuple may need before building it raises MemoryError.
        public var objectByteLimit: Int
        /// Bytes of printed output a cell keeps; what it prints beyond is dropped, after a
        /// marker line (`outputTruncatedMarker`), so a runaway `print` cannot fill memory
        /// or a report.
        public var outputByteLimit: Int
        public init(recursionLimit: Int = 1000, cellTimeout: Double? = nil, objectByteLimit: Int = 1 << 31,
                    outputByteLimit: Int = 1 << 20) {
            self.recursionLimit = recursionLimit
            self.cellTimeout = cellTimeout
            self.objectByteLimit = objectByteLimit
            self.outputByteLimit = outputByteLimit
        }
    }

    enum ModuleSource {
        case native((Interpreter, PyModule) throws -> Void)
        case source(String, file: String)
    }

    public internal(set) var limits: Limits
    let types: BuiltinTypes
    let builtins: PyModule
    /// The module the cells of a lesson run in.
    public let main: PyModule
    var modules: [String: PyModule] = [:]
    /// The folder `import` searches for `.py` modules and packages (the lesson's, the
    /// script's); nil: only built-in and registered modules can be imported.
    public var moduleFolder: ModuleFolder?
    /// The files `open`, `os`, `pathlib` and `torch.save` see: the module folder, read-only,
    /// under a private in-memory space (made at first use, so set `moduleFolder` first).
    public lazy var fileSpace = FileSpace(lessonFolder: moduleFolder?.root)
    /// The `io` classes behind `open()` (made with the builtins).
    var fileClasses: FileClasses?
    /// `sys.argv` (the host sets it before `sys` is first imported).
    public var argv: [String] = [""]
    /// `sys.modules` once `sys` is imported: kept in step with `modules`.
    var sysModules: PyDict?
    /// What `sys.getrecursionlimit()` answers; the enforced limit is `limits.recursionLimit`.
    var requestedRecursionLimit = 1000
    /// An error raised by a user `__eq__` while a dict compared keys, rethrown after the lookup.
    var pendingKeyError: Error?
    var moduleSources: [String: ModuleSource] = [:]
    /// Exceptions being handled by enclosing `except` blocks (for bare `raise`).
    var handling: [PyError] = []
    /// Set while an uncaught exception's traceback is drawn: its last line then gets
    /// CPython's "Did you mean" (Runtime/NameSuggestions.swift).
    var offerSuggestions = false
    var depth = 0
    var deadline: UInt64 = .max
    var deadlineDescription = ""
    var tickCounter = 1000
    /// `sys.get_int_max_str_digits()`: the most decimal digits `int`/`str` convert (0: no limit).
    var intMaxStrDigits = 4300
    var classVersion = 0
    var builtinSuper: PyObject?
    var randomState = MersenneTwister(seed: 0)

    /// Receives printed text as it is produced (in addition to the cell's captured output).
    public var output: ((String) -> Void)?
    /// Receives warnings (`warnings.warn`); they are never part of a cell's output.
    public var warnings: ((String) -> Void)?
    /// Called on the thread about to run Python code (a cell's, a script's, a generator
    /// body's) and on the thread giving it up. Cells run on fresh threads and generators on
    /// their own, so a host keeping per-thread state (autograd's grad mode) hands it from one
    /// to the next through these, as if one Python thread ran everything.
    public var threadEntered: (() -> Void)?
    public var threadLeaving: (() -> Void)?
    /// Called on the cell's thread when its deadline is set (with `cellDeadline`) and when
    /// the cell ends (with `.max`): a host hands it to native loops that poll it.
    public var deadlineChanged: ((UInt64, String) -> Void)?
    /// Shown instead of its repr: a cell's last expression for which this returns true
    /// (a notebook's rich display, e.g. a graph figure) adds no text to the output.
    public var displayHook: ((PyValue) -> Bool)?
    /// The file and line of the innermost running Python frame: lets a host tell which
    /// line printed what (inline claims), as `output` is called.
    public var currentLocation: (file: String, line: Int)? {
        guard let f = currentFrame else { return nil }
        return (f.code.file, f.line)
    }
    var captured = ""
    let life = SessionLife()
    /// The innermost running frame (for warning locations).
    unowned(unsafe) var currentFrame: Frame?
    var generators: [WeakRunner] = []
    /// Frames of finished calls kept for reuse (see `Frame`): a stack of `maxSpareFrames`
    /// owned references, unmanaged so that pushing and popping costs no reference counting.
    let spareFrames = UnsafeMutablePointer<Unmanaged<Frame>>.allocate(capacity: Interpreter.maxSpareFrames)
    var spareFrameCount = 0
    var reprActive: Set<ObjectIdentifier> = []
    var echoValue: PyValue?
    var dictViewClass: PyClass!
    /// `dict_keys`, `dict_values`, `dict_items` (subclasses of `dictViewClass`).
    var dictViewClasses: [PyClass] = []
    /// `odict_keys`, `odict_values`, `odict_items`: the views of an `OrderedDict`.
    var orderedDictViewClasses: [PyClass] = []
    /// `mappingproxy` (Builtins/MappingProxyType.swift).
    var mappingProxyClass: PyClass!

    public init(limits: Limits = .init()) {
        self.limits = limits
        requestedRecursionLimit = limits.recursionLimit
        types = BuiltinTypes()
        builtins = PyModule(name: "builtins")
        main = PyModule(name: "__main__", fileName: "<main>")
        types.attach(self)
        installBuiltins()
        modules["builtins"] = builtins
        modules["__main__"] = main
        registerStandardModules()
    }

    /// Ends the session: closes suspended generators (their `finally` blocks run) and clears
    /// every module, breaking the cycles between modules, functions and classes so the
    /// session's objects (and tensors) are freed. Call it when a lesson is done; the
    /// interpreter must not be used afterwards. A suspended generator's thread keeps the
    /// interpreter alive, so without this call such a session is never freed.
    public func shutdown() {
        for w in generators { w.runner?.close() }
        generators.removeAll()
        dropSpareFrames()
        for m in modules.values {
            for box in m.globals.values { box.value = nil }
            m.globals.removeAll()
        }
        for box in main.globals.values { box.value = nil }
        for box in builtins.globals.values { box.value = nil }
    }

    deinit {
        shutdown()
        spareFrames.deallocate()
        life.alive = false
    }

    /// Remembers a started generator so `shutdown` can close it.
    func track(_ runner: GeneratorRunner) {
        if generators.count > 64 { generators.removeAll { $0.runner == nil || $0.runner!.finished } }
        generators.append(WeakRunner(runner))
    }

    /// Appends printed text to the current cell's output, up to `limits.outputByteLimit`
    /// bytes; past it, one marker line and nothing more.
    func write(_ s: String) {
        let room = limits.outputByteLimit - captured.utf8.count
        if room >= s.utf8.count {
            captured += s
            output?(s)
            return
        }
        guard room > 0 else { return }
        // Cut on a character boundary that fits.
        var text = ""
        for character in s {
            if text.utf8.count + character.utf8.count > room { break }
            text.append(character)
        }
        captured += text
        output?(text)
        captured += (captured.hasSuffix("\n") || captured.isEmpty ? "" : "\n") + Self.outputTruncatedMarker(limits.outputByteLimit) + "\n"
    }

    /// The line that ends a cell's output cut at `limit` bytes.
    public static func outputTruncatedMarker(_ limit: Int) -> String {
        "[output truncated: the cell printed more than \(limit) bytes]"
    }

    /// Reports a warning to the host's warning sink, as CPython shows it:
    /// `file:line: Category: message` and the source line.
    /// `stacklevel` 2 names the caller of the function that warns, as in CPython.
    /// `outsideFilesWithPrefix` instead names the first frame whose file does not start with
    /// it (`"<torch/"`: the user's line however deep the embedded torch sources call).
    public func warn(_ message: String, category: String = "UserWarning", stacklevel: Int = 1,
                     outsideFilesWithPrefix prefix: String? = nil) {
        var frame = currentFrame
        var level = stacklevel
        while level > 1, let f = frame, f.generator == nil, let up = f.caller {
            frame = up
            level -= 1
        }
        if let prefix {
            while let f = frame, f.code.file.hasPrefix(prefix), let up = f.caller { frame = up }
        }
        guard let f = frame else {
            warnings?("\(category): \(message)\n")
            return
        }
        var text = "\(f.code.file):\(f.line): \(category): \(message)\n"
        if let src = f.code.source.line(f.line) {
            text += "  " + src.drop { $0 == " " || $0 == "\t" } + "\n"
        }
        warnings?(text)
    }

    // MARK: Modules

    /// Registers a native module, built by `build` at its first import.
    public func registerModule(name: String, build: @escaping (Interpreter, PyModule) throws -> Void) {
        moduleSources[name] = .native(build)
    }

    /// Registers a module whose body is Python source, run at its first import.
    /// Errors inside it name `file` (default `<name>`).
    public func registerSourceModule(name: String, source: String, file: String? = nil) {
        moduleSources[name] = .source(source, file: file ?? "<\(name)>")
    }

    func hasModule(_ name: String) -> Bool { modules[name] != nil || moduleSources[name] != nil }

    /// Names `from m import *` copies: `__all__` if defined, else public names.
    func publicNames(_ m: PyModule) throws -> [(Name, PyValue)] {
        if let all = m[N.__all__] {
            return try iterate(all).map { v in
                let n = Name(try str(v))
                guard let value = m[n] else { throw PyError.attributeError("module '\(m.name)' has no attribute '\(n)'") }
                return (n, value)
            }
        }
        return m.definedNames.filter { !$0.string.hasPrefix("_") }.map { ($0, m[$0]!) }
    }

    // MARK: Limits

    /// Counts down to the next clock check; loops and calls tick.
    @inline(__always)
    func tick() throws {
        tickCounter &-= 1
        if tickCounter <= 0 { try checkDeadline() }
    }

    /// Raises the uncatchable `TimeoutError` once the cell's time is up. Long native loops
    /// may call this.
    public func checkDeadline() throws {
        tickCounter = 1000
        if deadline != .max && DispatchTime.now().uptimeNanoseconds > deadline {
            throw PyError.cellTimeout(deadlineDescription)
        }
    }

    /// The running cell's deadline (DispatchTime uptime nanoseconds, `.max` when none) and
    /// the message of its `TimeoutError`, for a host whose native loops poll it.
    public var cellDeadline: (nanoseconds: UInt64, description: String) { (deadline, deadlineDescription) }

}
