/// Decides, before execution, where every variable lives: a local slot, a cell shared with
/// inner functions, a closure cell, a module global (box) or a class namespace entry.
final class Resolver {
    final class Symbol {
        let slot: Int
        var isCell = false
        init(slot: Int) { self.slot = slot }
    }

    final class Scope {
        enum Kind { case module, function, classBody }
        let kind: Kind
        let parent: Scope?
        let code: CodeInfo
        var locals: [String: Symbol] = [:]
        var classNames: Set<String> = []
        var globals: Set<String> = []
        var nonlocals: Set<String> = []
        var comprehensions: [[String: Symbol]] = []
        var freeIndex: [String: Int] = [:]
        var pending: [(NameExpr, Symbol)] = []
        var slotCount = 0
        var allSymbols: [Symbol] = []
        var isGenerator = false

        init(kind: Kind, parent: Scope?, code: CodeInfo) { self.kind = kind; self.parent = parent; self.code = code }

        func newSymbol(_ name: String) -> Symbol {
            let s = Symbol(slot: slotCount)
            slotCount += 1
            allSymbols.append(s)
            code.slotNames.append(Name(name))
            return s
        }
    }

    private var scope: Scope
    private let module: PyModule
    private let builtins: PyModule
    private(set) var errors: [SyntaxErrorInfo] = []

    init(module: PyModule, builtins: PyModule, code: CodeInfo) {
        self.module = module
        self.builtins = builtins
        scope = Scope(kind: .module, parent: nil, code: code)
    }

    /// Resolves a module-level body (a cell or a source module).
    func resolveModule(_ body: [Stmt]) {
        body.forEach { $0.resolve(self) }
        finalize(scope)
    }

    // MARK: Declarations

    func declare(_ name: String) {
        if !scope.comprehensions.isEmpty {
            let sym = scope.newSymbol(name)
            scope.comprehensions[scope.comprehensions.count - 1][name] = sym
            return
        }
        bind(name, in: scope)
    }

    func declareWalrus(_ name: String) { bind(name, in: scope) }

    private func bind(_ name: String, in s: Scope) {
        switch s.kind {
        case .function:
            if s.globals.contains(name) || s.nonlocals.contains(name) || s.locals[name] != nil { return }
            s.locals[name] = s.newSymbol(name)
        case .classBody:
            s.classNames.insert(name)
        case .module:
            break
        }
    }

    func declareScopeDirective(_ names: [String], nonlocal: Bool, line: Int, col: Int) {
        for n in names {
            if nonlocal {
                if scope.kind == .module {
                    errors.append(SyntaxErrorInfo(message: "nonlocal declaration not allowed at module level", line: line, col: col))
                }
                scope.nonlocals.insert(n)
            } else {
                scope.globals.insert(n)
            }
        }
    }

    func pushComprehension() { scope.comprehensions.append([:]) }
    func popComprehension() { scope.comprehensions.removeLast() }
    func markGenerator() { scope.isGenerator = true }
    var inClassBody: Bool { scope.kind == .classBody && scope.comprehensions.isEmpty }
    func noteSuperUse() {}
    func noteStarImport() {}

    // MARK: Uses

    func resolveName(_ node: NameExpr) {
        let s = node.name.string
        for comp in scope.comprehensions.reversed() {
            if let sym = comp[s] { scope.pending.append((node, sym)); return }
        }
        switch scope.kind {
        case .function:
            if scope.globals.contains(s) { node.access = global(node.name); return }
            if let sym = scope.locals[s], !scope.nonlocals.contains(s) { scope.pending.append((node, sym)); return }
            if let i = freeVariable(s, scope) { node.access = .free(i); return }
            if scope.nonlocals.contains(s) {
                errors.append(SyntaxErrorInfo(message: "no binding for nonlocal '\(s)' found", line: node.line, col: node.col))
            }
            node.access = global(node.name)
        case .classBody:
            if scope.globals.contains(s) { node.access = global(node.name); return }
            if !scope.classNames.contains(s), let i = freeVariable(s, scope) { node.access = .free(i); return }
            node.access = .classBody(node.name, global: module.box(node.name), builtin: builtins.box(node.name))
        case .module:
            node.access = global(node.name)
        }
    }

    private func global(_ n: Name) -> NameExpr.Access {
        .global(module.box(n), builtin: builtins.box(n))
    }

    /// The closure index of `name` in `s`, threading the cell through enclosing scopes.
    private func freeVariable(_ name: String, _ s: Scope) -> Int? {
        if let i = s.freeIndex[name] { return i }
        guard let p = s.parent else { return nil }
        var source: FreeSource?
        for comp in p.comprehensions.reversed() {
            if let sym = comp[name] { sym.isCell = true; source = .cell(sym.slot); break }
        }
        if source == nil {
            switch p.kind {
            case .module:
                return nil
            case .function:
                if p.globals.contains(name) { return nil }
                if let sym = p.locals[name], !p.nonlocals.contains(name) {
                    sym.isCell = true
                    source = .cell(sym.slot)
                } else if let j = freeVariable(name, p) {
                    source = .free(j)
                }
            case .classBody:
                if let j = freeVariable(name, p) { source = .free(j) }
            }
        }
        guard let src = source else { return nil }
        let i = s.code.freeSources.count
        s.code.freeSources.append(src)
        s.freeIndex[name] = i
        return i
    }

    // MARK: Nested scopes

    func resolveFunction(_ b: FunctionBuilder) {
        let child = Scope(kind: .function, parent: scope, code: b.code)
        for p in b.code.paramNames { child.locals[p.string] = child.newSymbol(p.string) }
        let saved = scope
        scope = child
        b.code.body.forEach { $0.declare(self) }
        if let e = b.returnsExpression { e.resolve(self) } else { b.code.body.forEach { $0.resolve(self) } }
        finalize(child)
        scope = saved
        let c = b.code
        c.isGenerator = child.isGenerator
        c.isSimple = c.varargsSlot == nil && c.kwargsSlot == nil && c.kwOnlyCount == 0 && !c.isGenerator
    }

    func resolveClass(_ code: ClassCode) {
        let child = Scope(kind: .classBody, parent: scope, code: code)
        let saved = scope
        scope = child
        code.body.forEach { $0.declare(self) }
        code.body.forEach { $0.resolve(self) }
        finalize(child)
        scope = saved
    }

    private func finalize(_ s: Scope) {
        for (node, sym) in s.pending { node.access = sym.isCell ? .cell(sym.slot) : .local(sym.slot) }
        s.code.slotCount = s.slotCount
        s.code.cellSlots = s.allSymbols.filter(\.isCell).map(\.slot)
    }
}
