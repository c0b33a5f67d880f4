final class ExprStmt: Stmt {
    let value: Expr
    init(_ value: Expr, line: Int, col: Int) { self.value = value; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { value.resolve(r) }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        _ = try value.eval(f)
        return .normal
    }
}

final class AssignStmt: Stmt {
    let targets: [Expr]
    let value: Expr
    init(targets: [Expr], value: Expr, line: Int, col: Int) { self.targets = targets; self.value = value; super.init(line: line, col: col) }
    override func declare(_ r: Resolver) { targets.forEach { $0.declareTarget(r) } }
    override func resolve(_ r: Resolver) { value.resolve(r); targets.forEach { $0.resolve(r) } }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        let v = try value.eval(f)
        for t in targets { try t.assign(f, v) }
        return .normal
    }
}

final class AugAssignStmt: Stmt {
    let target: Expr
    let op: BinaryOp
    let value: Expr
    /// Whether `value` is a constant or a local (`Expr.isEffectFree`): 0 until the first run.
    private var valueIsEffectFree: UInt8 = 0
    init(target: Expr, op: BinaryOp, value: Expr, line: Int, col: Int) { self.target = target; self.op = op; self.value = value; super.init(line: line, col: col) }
    override func declare(_ r: Resolver) { target.declareTarget(r) }
    override func resolve(_ r: Resolver) { target.resolve(r); value.resolve(r); valueIsEffectFree = 0 }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        let interp = f.interp
        switch target {
        case let n as NameExpr:
            let old = try n.eval(f)
            let v = try value.eval(f)
            if case .int(let a) = old, case .int(let b) = v, op == .add {
                let (r, o) = a.addingReportingOverflow(b)
                if !o { try n.assign(f, .int(r)); return .normal }
            }
            try n.assign(f, try interp.inplaceOp(op, old, v))
        case let a as AttributeExpr:
            // `self.x op= n`: the instance borrowed from its slot (Eval/InstanceFastPaths.swift).
            if valueIsEffectFree == 0 { valueIsEffectFree = value.isEffectFree ? 1 : 2 }
            if valueIsEffectFree == 1, try a.augmentOwnAttributeOfLocal(op, value, f) { return .normal }
            let obj = try a.object.eval(f)
            if !a.isSpecial, case .object(let o) = obj, let inst = o.exactInstance {
                // `self.x += v` on a plain instance attribute: found once, and written back
                // in place unless `v` or the operator changed the class or the attributes.
                let cache = a.cache
                cache.refresh(for: inst, a.name, interp)
                if cache.plainSetattr && !cache.isProperty, let i = inst.attributes.index(a.name) {
                    let old = inst.attributes.values[i]
                    let v = try value.eval(f)
                    let new: PyValue
                    if case .int(let x) = old, case .int(let y) = v, op == .add, case (let r, false) = x.addingReportingOverflow(y) {
                        new = .int(r)
                    } else {
                        new = try interp.inplaceOp(op, old, v)
                    }
                    if cache.isCurrent(for: inst, interp), i < inst.attributes.names.count, inst.attributes.names[i].id == a.name.id {
                        inst.attributes.values[i] = new
                    } else {
                        try AttributeExpr.store(obj, a.name, new, a.isSpecial, cache, interp)
                    }
                    return .normal
                }
            }
            let old: PyValue
            do { old = try AttributeExpr.load(obj, a.name, a.isSpecial, a.cache, interp) } catch let e as PyError { e.mark(a.span); throw e }
            let v = try value.eval(f)
            var new: PyValue
            if case .int(let x) = old, case .int(let y) = v, op == .add, case (let r, false) = x.addingReportingOverflow(y) {
                new = .int(r)
            } else {
                new = try interp.inplaceOp(op, old, v)
            }
            try AttributeExpr.store(obj, a.name, new, a.isSpecial, a.cache, interp)
        case let s as SubscriptExpr:
            let obj = try s.object.eval(f)
            let key = try s.index.eval(f)
            let old: PyValue
            do { old = try interp.getItem(obj, key) } catch let e as PyError { e.mark(s.span); throw e }
            try interp.setItem(obj, key, try interp.inplaceOp(op, old, try value.eval(f)))
        default:
            preconditionFailure("parser allows only names, attributes and subscripts")
        }
        return .normal
    }
}

/// `x: int = 3`. In a class body the annotation is evaluated and recorded in
/// `__annotations__` (dataclasses read it); elsewhere it is parsed and ignored.
final class AnnAssignStmt: Stmt {
    let target: Expr
    let annotation: Expr
    let value: Expr?
    var inClassBody = false
    init(target: Expr, annotation: Expr, value: Expr?, line: Int, col: Int) {
        self.target = target; self.annotation = annotation; self.value = value
        super.init(line: line, col: col)
    }
    override func declare(_ r: Resolver) { if value != nil { target.declareTarget(r) } }
    override func resolve(_ r: Resolver) {
        inClassBody = r.inClassBody && target is NameExpr
        if inClassBody { annotation.resolve(r) }
        value?.resolve(r)
        if value != nil { target.resolve(r) } else if !(target is NameExpr) { target.resolve(r) }
    }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        if inClassBody, let n = target as? NameExpr {
            let ann = try annotation.eval(f)
            let key = Name("__annotations__")
            if let m = f.classMapping {
                // A prepared namespace: `__annotations__` lives in the mapping.
                var ann0 = try f.interp.classMappingGet(m, key)
                if ann0 == nil { ann0 = .object(PyDict()); try f.interp.classMappingSet(m, key, ann0!) }
                try f.interp.setItem(ann0!, .str(n.name.string), ann)
                if let v = value { try target.assign(f, try v.eval(f)) }
                return .normal
            }
            var d = f.namespace?.get(key)?.asDict
            if d == nil { d = PyDict(); f.namespace?.set(key, .object(d!)) }
            try d!.set(.str(n.name.string), ann)
        }
        if let v = value { try target.assign(f, try v.eval(f)) }
        return .normal
    }
}

final class DeleteStmt: Stmt {
    let targets: [Expr]
    init(_ targets: [Expr], line: Int, col: Int) { self.targets = targets; super.init(line: line, col: col) }
    override func declare(_ r: Resolver) { targets.forEach { $0.declareTarget(r) } }
    override func resolve(_ r: Resolver) { targets.forEach { $0.resolve(r) } }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        for t in targets { try t.delete(f) }
        return .normal
    }
}

final class PassStmt: Stmt {
    override func exec(_ f: Frame) throws -> Flow { .normal }
}

final class BreakStmt: Stmt {
    override func exec(_ f: Frame) throws -> Flow { .breakLoop }
}

final class ContinueStmt: Stmt {
    override func exec(_ f: Frame) throws -> Flow { .continueLoop }
}

final class ReturnStmt: Stmt {
    let value: Expr?
    init(_ value: Expr?, line: Int, col: Int) { self.value = value; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { value?.resolve(r) }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        f.returnValue = try value?.eval(f) ?? .none
        return .returned
    }
}

final class GlobalStmt: Stmt {
    let names: [String]
    let isNonlocal: Bool
    init(_ names: [String], isNonlocal: Bool, line: Int, col: Int) { self.names = names; self.isNonlocal = isNonlocal; super.init(line: line, col: col) }
    override func declare(_ r: Resolver) { r.declareScopeDirective(names, nonlocal: isNonlocal, line: line, col: col) }
    override func exec(_ f: Frame) throws -> Flow { .normal }
}

final class IfStmt: Stmt {
    let test: Expr
    let body: [Stmt]
    let orElse: [Stmt]
    init(test: Expr, body: [Stmt], orElse: [Stmt], line: Int, col: Int) { self.test = test; self.body = body; self.orElse = orElse; super.init(line: line, col: col) }
    override func declare(_ r: Resolver) { body.forEach { $0.declare(r) }; orElse.forEach { $0.declare(r) } }
    override func resolve(_ r: Resolver) { test.resolve(r); body.forEach { $0.resolve(r) }; orElse.forEach { $0.resolve(r) } }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        let t = try test.eval(f)
        let truth: Bool
        if case .bool(let b) = t { truth = b } else { truth = try f.interp.truthy(t) }
        return try execBlock(truth ? body : orElse, f)
    }
}

final class WhileStmt: Stmt {
    let test: Expr
    let body: [Stmt]
    let orElse: [Stmt]
    init(test: Expr, body: [Stmt], orElse: [Stmt], line: Int, col: Int) { self.test = test; self.body = body; self.orElse = orElse; super.init(line: line, col: col) }
    override func declare(_ r: Resolver) { body.forEach { $0.declare(r) }; orElse.forEach { $0.declare(r) } }
    override func resolve(_ r: Resolver) { test.resolve(r); body.forEach { $0.resolve(r) }; orElse.forEach { $0.resolve(r) } }
    override func exec(_ f: Frame) throws -> Flow {
        let interp = f.interp
        while true {
            f.at(self)
            let t = try test.eval(f)
            let truth: Bool
            if case .bool(let b) = t { truth = b } else { truth = try interp.truthy(t) }
            if !truth { break }
            try interp.tick()
            switch try execBlock(body, f) {
            case .breakLoop: return .normal
            case .returned: return .returned
            default: continue
            }
        }
        return try execBlock(orElse, f)
    }
}

final class ForStmt: Stmt {
    let target: Expr
    let iterable: Expr
    let body: [Stmt]
    let orElse: [Stmt]
    /// The two targets of `for a, b in ...`, which takes pairs without building tuples.
    let pairTarget: (Expr, Expr)?
    init(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt], line: Int, col: Int) {
        self.target = target; self.iterable = iterable; self.body = body; self.orElse = orElse
        if let t = target as? TupleExpr, t.items.count == 2, !t.hasStar { pairTarget = (t.items[0], t.items[1]) } else { pairTarget = nil }
        super.init(line: line, col: col)
    }
    override func declare(_ r: Resolver) { target.declareTarget(r); body.forEach { $0.declare(r) }; orElse.forEach { $0.declare(r) } }
    override func resolve(_ r: Resolver) { iterable.resolve(r); target.resolve(r); body.forEach { $0.resolve(r) }; orElse.forEach { $0.resolve(r) } }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        let interp = f.interp
        let seq = try iterable.eval(f)
        var result = Flow.normal
        var broke = false
        let step: (PyValue) throws -> Bool = { item in
            try self.target.assign(f, item)
            try interp.tick()
            switch try execBlock(self.body, f) {
            case .breakLoop: broke = true; return false
            case .returned: result = .returned; broke = true; return false
            default: return true
            }
        }
        // (The body's switch is repeated, not shared through a closure: a call more per
        // item costs the plain `for x in items` loop 8%.)
        if let pair = pairTarget, try interp.forEachPair(seq, { a, b in
            try pair.0.assign(f, a)
            try pair.1.assign(f, b)
            switch try execBlock(self.body, f) {
            case .breakLoop: broke = true; return false
            case .returned: result = .returned; broke = true; return false
            default: return true
            }
        }) {
            // `for k, v in d.items()` (or enumerate, zip of two): no tuple per item.
        } else if case .object(let o) = seq, let r = o as? PyRange {
            var i = r.start
            while r.step > 0 ? i < r.stop : i > r.stop {
                if !(try step(.int(i))) { break }
                i += r.step
            }
        } else {
            try interp.forEach(seq, step)
        }
        if broke { return result }
        return try execBlock(orElse, f)
    }
}

final class AssertStmt: Stmt {
    let test: Expr
    let message: Expr?
    /// The test expression, which CPython 3.11 marks under the failing `assert`.
    var span: CaretSpan?
    init(test: Expr, message: Expr?, line: Int, col: Int) { self.test = test; self.message = message; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { test.resolve(r); message?.resolve(r) }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        if try f.interp.truthy(try test.eval(f)) { return .normal }
        let e = message == nil ? PyError(type: "AssertionError", args: []) : PyError(type: "AssertionError", args: [try message!.eval(f)])
        e.mark(span)
        throw e
    }
}

final class FunctionDefStmt: Stmt {
    let name: String
    let builder: FunctionBuilder
    let decorators: [Expr]
    let target: NameExpr
    init(name: String, builder: FunctionBuilder, decorators: [Expr], line: Int, col: Int) {
        self.name = name; self.builder = builder; self.decorators = decorators
        target = NameExpr(Name(name), line: line, col: col)
        super.init(line: line, col: col)
    }
    override func declare(_ r: Resolver) { r.declare(name) }
    override func resolve(_ r: Resolver) {
        decorators.forEach { $0.resolve(r) }
        builder.resolve(r)
        target.resolve(r)
    }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        var decos: [PyValue] = []
        for d in decorators { decos.append(try d.eval(f)) }
        var v = PyValue.object(try builder.make(f))
        for d in decos.reversed() { v = try f.interp.call(d, Arguments([v])) }
        try target.assign(f, v)
        return .normal
    }
}
