/// One parameter as written: `name`, `name=default`, `*args`, `**kwargs`.
struct Parameter {
    enum Kind { case positional, varargs, keywordOnly, kwargs }
    let name: String
    let kind: Kind
    let defaultValue: Expr?
    /// `name: annotation`, evaluated when the `def` runs into `__annotations__`.
    var annotation: Expr? = nil
    /// Written before a `/`: bound by position only.
    var positionalOnly = false
}

/// Creates function objects for `def` and `lambda`: evaluates defaults, captures cells.
final class FunctionBuilder {
    let code: FunctionCode
    let parameters: [Parameter]
    let returnsExpression: Expr?
    /// The `-> annotation` of a `def`.
    var returnAnnotation: Expr?
    private var hasAnnotations: Bool { returnAnnotation != nil || parameters.contains { $0.annotation != nil } }

    init(code: FunctionCode, parameters: [Parameter], body: [Stmt], lambdaBody: Expr?) {
        self.code = code
        self.parameters = parameters
        self.returnsExpression = lambdaBody
        code.body = body
        code.isLambda = lambdaBody != nil
        var names: [Name] = []
        for p in parameters where p.kind == .positional { names.append(Name(p.name)) }
        code.positionalCount = names.count
        code.positionalOnlyCount = parameters.filter { $0.positionalOnly }.count
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
        for p in parameters { p.defaultValue?.resolve(r); p.annotation?.resolve(r) }
        returnAnnotation?.resolve(r)
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
        let fn = PyFunction(code: code, globals: f.globals, defaults: defaults, kwDefaults: kwDefaults, closure: closure)
        if hasAnnotations { fn.attributes.set(Name("__annotations__"), .object(try annotations(f))) }
        return fn
    }

    /// `__annotations__`: each annotated parameter in order, then `return`.
    private func annotations(_ f: Frame) throws -> PyDict {
        let d = PyDict()
        for p in parameters { if let a = p.annotation { try d.set(.str(p.name), try a.eval(f)) } }
        if let r = returnAnnotation { try d.set(.str("return"), try r.eval(f)) }
        return d
    }
}
