/// A variable reference. The resolver decides where the variable lives before execution.
final class NameExpr: Expr {
    enum Access {
        case unresolved
        case local(Int)
        case cell(Int)
        case free(Int)
        case global(GlobalBox, builtin: GlobalBox)
        case classBody(Name, global: GlobalBox, builtin: GlobalBox)
    }
    let name: Name
    var access: Access = .unresolved { didSet { cacheAccess() } }

    /// `access` flattened for the hot cases, locals and globals: switching over `access`
    /// copied the case's boxes, a retain and a release each, on every read of a global.
    /// The boxes are held by `access`, so these references need no count of their own.
    private enum Kind { case local, global, other }
    private var kind = Kind.other
    private var slot = 0
    private unowned(unsafe) var globalBox: GlobalBox?
    private unowned(unsafe) var builtinBox: GlobalBox?

    private func cacheAccess() {
        kind = .other
        globalBox = nil
        builtinBox = nil
        switch access {
        case .local(let s): kind = .local; slot = s
        case .global(let box, let builtin): kind = .global; globalBox = box; builtinBox = builtin
        default: break
        }
    }

    init(_ name: Name, line: Int, col: Int) {
        self.name = name
        super.init(line: line, col: col)
    }

    /// The slot of a plain local variable (known once resolved), nil for every other kind.
    var localSlot: Int? { kind == .local ? slot : nil }

    override var isTarget: Bool { true }
    override var kindDescription: String { "name" }
    override func resolve(_ r: Resolver) { r.resolveName(self) }
    override func declareTarget(_ r: Resolver) { r.declare(name.string) }

    override func eval(_ f: Frame) throws -> PyValue {
        switch kind {
        case .local:
            if let v = f.slots[slot] { return v }
        case .global:
            if let v = globalBox.unsafelyUnwrapped.value { return v }
            if let v = builtinBox.unsafelyUnwrapped.value { return v }
        case .other:
            break
        }
        do { return try evalSlow(f) } catch let e as PyError {
            e.mark(CaretSpan(line: line, col: col, endLine: line, endCol: col + name.string.unicodeScalars.count))
            throw e
        }
    }

    /// `name 'x' is not defined`, with the suggestion CPython would print for it.
    @inline(never)
    private func nameError(_ f: Frame) -> PyError {
        let e = PyError(type: "NameError", message: "name '\(name)' is not defined")
        e.nameSuggestion = NameErrorSuggestion(f.interp.nameErrorSuggestion("\(name)", in: f))
        return e
    }

    /// Every access kind, with the errors for unbound names.
    private func evalSlow(_ f: Frame) throws -> PyValue {
        switch access {
        case .local(let s):
            if let v = f.slots[s] { return v }
            throw PyError(type: "UnboundLocalError", message: "cannot access local variable '\(name)' where it is not associated with a value")
        case .global(let box, let builtin):
            if let v = box.value { return v }
            if let v = builtin.value { return v }
            if let v = try f.interp.lazyBuiltin(name) { return v }
            throw nameError(f)
        case .cell(let s):
            if let v = unsafeDowncast(f.slots[s]!.asObject!, to: PyCell.self).value { return v }
            throw PyError(type: "UnboundLocalError", message: "cannot access local variable '\(name)' where it is not associated with a value")
        case .free(let i):
            if let v = f.closure[i].value { return v }
            throw PyError(type: "NameError", message: "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
        case .classBody(let n, let box, let builtin):
            if let m = f.classMapping {
                if let v = try f.interp.classMappingGet(m, n) { return v }
            } else if let v = f.namespace?.get(n) { return v }
            if let v = box.value { return v }
            if let v = builtin.value { return v }
            throw nameError(f)
        case .unresolved:
            preconditionFailure("unresolved name \(name)")
        }
    }

    override func assign(_ f: Frame, _ value: PyValue) throws {
        switch kind {
        case .local: f.slots[slot] = value; return
        case .global: globalBox.unsafelyUnwrapped.value = value; return
        case .other: break
        }
        switch access {
        case .local(let s): f.slots[s] = value
        case .global(let box, _): box.value = value
        case .cell(let s): unsafeDowncast(f.slots[s]!.asObject!, to: PyCell.self).value = value
        case .free(let i): f.closure[i].value = value
        case .classBody(let n, _, _):
            if let m = f.classMapping { try f.interp.classMappingSet(m, n, value) } else { f.namespace!.set(n, value) }
        case .unresolved: preconditionFailure("unresolved name \(name)")
        }
    }

    override func delete(_ f: Frame) throws {
        _ = try eval(f)
        switch access {
        case .local(let s): f.slots[s] = nil
        case .global(let box, _): box.value = nil
        case .cell(let s): unsafeDowncast(f.slots[s]!.asObject!, to: PyCell.self).value = nil
        case .free(let i): f.closure[i].value = nil
        case .classBody(let n, _, _):
            if let m = f.classMapping { try f.interp.classMappingDelete(m, n) } else { f.namespace!.remove(n) }
        case .unresolved: preconditionFailure("unresolved name \(name)")
        }
    }
}
