/// The activation of one code block: a function call, a cell, a class body.
///
/// Function-call frames are recycled through the interpreter's spare frames (`takeFrame`,
/// `recycle`): allocating and freeing a frame and its slot buffer, and retaining and
/// releasing what it refers to, was a fifth of the cost of a short Python call.
final class Frame {
    /// Local variables by slot; one allocation, no bounds checks (the resolver sized it).
    let slots: UnsafeMutablePointer<PyValue?>
    /// The slots the current code uses; at most `capacity`.
    private(set) var slotCount: Int
    /// The slots allocated; a recycled frame serves any code that needs no more.
    let capacity: Int
    private(set) var code: CodeInfo
    private(set) var globals: PyModule
    private(set) var closure: ContiguousArray<PyCell>
    /// The namespace a class body fills.
    var namespace: AttributeStore?
    /// The mapping a metaclass's `__prepare__` made, when a class body fills one (its names
    /// then go through the mapping, not `namespace`).
    var classMapping: PyValue?
    unowned(unsafe) let interp: Interpreter
    private(set) var function: PyFunction?
    var line = 0
    var col = 0
    var returnValue: PyValue = .none
    /// Set while running a generator body; `yield` hands values through it.
    var generator: GeneratorRunner?
    /// The frame that called this one while it runs (set on entry), for stack summaries
    /// such as autograd's anomaly traceback. Only valid while this frame is on the stack.
    unowned(unsafe) var caller: Frame?

    init(code: CodeInfo, globals: PyModule, closure: ContiguousArray<PyCell>, interp: Interpreter, function: PyFunction?) {
        self.code = code
        self.globals = globals
        self.closure = closure
        self.interp = interp
        self.function = function
        slotCount = code.slotCount
        capacity = max(slotCount, 1)
        slots = UnsafeMutablePointer<PyValue?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
    }

    deinit {
        clearSlots()
        // Every slot is nil now: nothing left to release.
        slots.deallocate()
    }

    /// Empties the used slots. An element-wise loop: `deinitialize(count:)` goes through the
    /// generic, much slower `swift_arrayDestroy`.
    @inline(__always) private func clearSlots() {
        var i = 0
        while i < slotCount { slots[i] = nil; i += 1 }
    }

    /// Makes a spare frame (all slots nil) ready to run `fn`; identical references are not
    /// reassigned, which saves their retain and release when a function calls itself or is
    /// called in a loop.
    @inline(__always) func rebind(to fn: PyFunction) {
        let c = fn.code
        if function !== fn {
            if code !== c { code = c }
            if globals !== fn.globals { globals = fn.globals }
            closure = fn.closure
            function = fn
        }
        slotCount = c.slotCount
    }

    /// Drops what the finished call left (locals, return value) before the frame is kept as
    /// a spare. The function, its code and globals stay referenced until the frame is reused.
    @inline(__always) func reset() {
        clearSlots()
        returnValue = .none
        if namespace != nil { namespace = nil }
        if generator != nil { generator = nil }
    }

    /// The value of the `return` that ended a call, moved out (no retain and release); the
    /// frame is done with it.
    @inline(__always) func takeReturnValue() -> PyValue {
        var v = PyValue.none
        swap(&v, &returnValue)
        return v
    }

    @inline(__always) func at(_ s: Stmt) { line = s.line; col = s.col }
}

/// What a frame needs to know about the code it runs, shared by functions, cells, classes.
class CodeInfo {
    let name: String
    let file: String
    let source: SourceText
    var slotCount = 0
    var slotNames: [Name] = []
    /// Slots holding a `PyCell` because an inner function captures them.
    var cellSlots: [Int] = [] { didSet { hasCells = !cellSlots.isEmpty } }
    /// Whether `cellSlots` has any, tested on every call without touching the array.
    private(set) var hasCells = false
    /// Where each closure cell comes from in the defining frame.
    var freeSources: [FreeSource] = []
    var body: [Stmt] = []

    init(name: String, file: String, source: SourceText) {
        self.name = name; self.file = file; self.source = source
    }
}

enum FreeSource {
    case cell(Int)
    case free(Int)
}

/// A cell's source text and the file line of its first line, for traceback source lines.
final class SourceText {
    private let text: String
    let firstLine: Int
    /// Split on first use, by UTF-8 bytes: most sources (the embedded torch.nn files
    /// above all) never show a line, and splitting by Character was a visible start-up cost.
    private(set) lazy var lines: [Substring] = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map { Substring($0) }
    init(_ text: String, firstLine: Int) {
        self.text = text
        self.firstLine = firstLine
    }
    func line(_ fileLine: Int) -> String? {
        let i = fileLine - firstLine
        guard i >= 0, i < lines.count else { return nil }
        return String(lines[i])
    }
}

/// A function's code: parameters, body and flags.
final class FunctionCode: CodeInfo {
    var qualname: String
    /// Parameter names in slot order: positional, *args, keyword-only, **kwargs.
    var paramNames: [Name] = []
    var positionalCount = 0
    /// The first parameters, written before `/`: keywords never bind them.
    var positionalOnlyCount = 0
    var kwOnlyCount = 0
    var varargsSlot: Int?
    var kwargsSlot: Int?
    var isGenerator = false
    var isLambda = false
    var docstring: PyValue = .none
    /// No *args, **kwargs, keyword-only params or cells: calls can fill slots directly.
    var isSimple = false
    let defLine: Int

    init(name: String, qualname: String, file: String, source: SourceText, defLine: Int) {
        self.qualname = qualname
        self.defLine = defLine
        super.init(name: name, file: file, source: source)
    }
}
