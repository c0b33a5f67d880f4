/// One parameter as written: `name`, `name=default`, `*args`, `**kwargs`.
struct Parameter {
    enum Kind { case positional, varargs, keywordOnly, kwargs }
    let name: String
    let kind: Kind
    let defaultValue: Expr?
}

/// Creates function objects for `def` and `lambda`: evaluates defaults, captures cells.
final class FunctionBuilder {
    let code: FunctionCode
    let parameters: [Parameter]
    let returnsExpression: Expr?

    init(code: FunctionCode, parameters: [Parameter], body: [Stmt], lambdaBody: Expr?) {
        self.code = code
        self.parameters = parameters
        self.returnsExpression = lambdaBody
        code.body = body
        code.isLambda = lambdaBody != nil
        var names: [Name] = []
        for p in parameters where p.kind == .positional { names.append(Name(p.name)) }
        code.positionalCount = names.count
        if let v = parameters.first(where: { $0.kind == .varargs }) { code.varargsSlot = names.count; names.append(Name(v.name)) }
        for p in parameters where p.kind == .keywordOnly { names.append(Name(p.name)) }
        code.kwOnlyCount = parameters.filter { $0.kind == .keywordOnly }.count
        if let k = parameters.first(where: { $0.kind == .kwargs }) { code.kwargsSlot = names.count; names.append(Name(k.name)) }
        code.paramNames = names
        if let first = body.first as? ExprStmt, let c = first.value as? ConstantExpr, case .str = c.value {
            code.docstring = c.value
        }
    }

    /// Defaults are evaluated in the enclosing scope; the body gets its own.
    func resolve(_ r: Resolver) {
        for p in parameters { p.defaultValue?.resolve(r) }
        r.resolveFunction(self)
    }

    func make(_ f: Frame) throws -> PyFunction {
        var defaults: [PyValue] = []
        var kwDefaults: [Name: PyValue] = [:]
        for p in parameters {
            guard let d = p.defaultValue else { continue }
            if p.kind == .keywordOnly { kwDefaults[Name(p.name)] = try d.eval(f) } else { defaults.append(try d.eval(f)) }
        }
        var closure = ContiguousArray<PyCell>()
        closure.reserveCapacity(code.freeSources.count)
        for s in code.freeSources {
            switch s {
            case .cell(let slot): closure.append(unsafeDowncast(f.slots[slot]!.asObject!, to: PyCell.self))
            case .free(let i): closure.append(f.closure[i])
            }
        }
        return PyFunction(code: code, globals: f.globals, defaults: defaults, kwDefaults: kwDefaults, closure: closure)
    }
}
