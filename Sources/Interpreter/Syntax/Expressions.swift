final class ConstantExpr: Expr {
    let value: PyValue
    init(_ value: PyValue, line: Int, col: Int) { self.value = value; super.init(line: line, col: col) }
    override func eval(_ f: Frame) throws -> PyValue { value }
    override var kindDescription: String {
        switch value {
        case .none, .bool: return "\(value)".isEmpty ? "literal" : "literal"
        default: return "literal"
        }
    }
}

final class AttributeExpr: Expr {
    let object: Expr
    let name: Name
    let isSpecial: Bool
    let cache = AttributeCache()
    var span: CaretSpan?
    /// The slot of `object` when it is a local variable (`self.x`), -1 when it is not, -2
    /// until the first evaluation finds out (the resolver binds locals at the end of their
    /// scope): such reads borrow the instance from the slot (Eval/InstanceFastPaths.swift).
    var localObjectSlot = -2
    init(_ object: Expr, _ name: Name, line: Int, col: Int) {
        self.object = object; self.name = name
        isSpecial = name == N.__class__ || name == N.__dict__
        super.init(line: line, col: col)
    }
    override var isTarget: Bool { true }
    override var kindDescription: String { "attribute" }
    override func resolve(_ r: Resolver) {
        object.resolve(r)
        localObjectSlot = -2
    }
    override func eval(_ f: Frame) throws -> PyValue {
        if let x = loadOwnAttributeOfLocal(f) { return x }
        let v = try object.eval(f)
        // An instance's own attribute, the usual `self.x`, read in place (as the fused
        // `self.x += v` does); compiled through `load`, it copied `v` and the instance.
        if !isSpecial, case .object(let o) = v, let inst = o.exactInstance {
            cache.refresh(for: inst, name, f.interp)
            if !cache.isProperty, let i = inst.attributes.index(name) { return inst.attributes.values[i] }
        }
        do { return try AttributeExpr.load(v, name, isSpecial, cache, f.interp) } catch let e as PyError { e.mark(span); throw e }
    }
    override func assign(_ f: Frame, _ value: PyValue) throws {
        let v = try object.eval(f)
        do { try AttributeExpr.store(v, name, value, isSpecial, cache, f.interp) } catch let e as PyError { e.mark(span); throw e }
    }

    /// `v.name` through an inline cache for instances.
    @inline(__always)
    static func load(_ v: PyValue, _ name: Name, _ isSpecial: Bool, _ cache: AttributeCache, _ interp: Interpreter) throws -> PyValue {
        if !isSpecial, case .object(let o) = v, let inst = o.exactInstance {
            cache.refresh(for: inst, name, interp)
            if !cache.isProperty {
                if let x = inst.attributes.get(name) { return x }
                if let ca = cache.classAttribute { return try interp.bindDescriptor(ca, receiver: v, cls: inst.cls) }
            }
        }
        return try interp.getAttribute(v, name)
    }

    /// `v.name = value` through an inline cache for instances.
    @inline(__always)
    static func store(_ v: PyValue, _ name: Name, _ value: PyValue, _ isSpecial: Bool, _ cache: AttributeCache, _ interp: Interpreter) throws {
        if !isSpecial, case .object(let o) = v, let inst = o.exactInstance {
            cache.refresh(for: inst, name, interp)
            if cache.plainSetattr && !cache.isProperty {
                inst.attributes.set(name, value)
                return
            }
        }
        try interp.setAttribute(v, name, value)
    }
    override func delete(_ f: Frame) throws {
        let v = try object.eval(f)
        do { try f.interp.deleteAttribute(v, name) } catch let e as PyError { e.mark(span); throw e }
    }
}

final class SubscriptExpr: Expr {
    let object: Expr
    let index: Expr
    var span: CaretSpan?
    init(_ object: Expr, _ index: Expr, line: Int, col: Int) { self.object = object; self.index = index; super.init(line: line, col: col) }
    override var isTarget: Bool { true }
    override var kindDescription: String { "subscript" }
    override func resolve(_ r: Resolver) { object.resolve(r); index.resolve(r) }
    override func eval(_ f: Frame) throws -> PyValue {
        let o = try object.eval(f)
        let i = try index.eval(f)
        do { return try f.interp.getItem(o, i) } catch let e as PyError { e.mark(span); throw e }
    }
    override func assign(_ f: Frame, _ value: PyValue) throws {
        let o = try object.eval(f)
        let i = try index.eval(f)
        do { try f.interp.setItem(o, i, value) } catch let e as PyError { e.mark(span); throw e }
    }
    override func delete(_ f: Frame) throws {
        let o = try object.eval(f)
        let i = try index.eval(f)
        do { try f.interp.deleteItem(o, i) } catch let e as PyError { e.mark(span); throw e }
    }
}

final class SliceExpr: Expr {
    let lower: Expr?, upper: Expr?, step: Expr?
    init(_ lower: Expr?, _ upper: Expr?, _ step: Expr?, line: Int, col: Int) {
        self.lower = lower; self.upper = upper; self.step = step; super.init(line: line, col: col)
    }
    override func resolve(_ r: Resolver) { lower?.resolve(r); upper?.resolve(r); step?.resolve(r) }
    override func eval(_ f: Frame) throws -> PyValue {
        .object(PySlice(start: try lower?.eval(f) ?? .none, stop: try upper?.eval(f) ?? .none, step: try step?.eval(f) ?? .none))
    }
}

final class BinaryExpr: Expr {
    let op: BinaryOp
    let left: Expr, right: Expr
    var span: CaretSpan?
    init(_ op: BinaryOp, _ left: Expr, _ right: Expr, line: Int, col: Int) {
        self.op = op; self.left = left; self.right = right; super.init(line: line, col: col)
    }
    override func resolve(_ r: Resolver) { left.resolve(r); right.resolve(r) }
    override func eval(_ f: Frame) throws -> PyValue {
        let a = try left.eval(f)
        let b = try right.eval(f)
        if case .int(let x) = a, case .int(let y) = b {
            switch op {
            case .add: let (r, o) = x.addingReportingOverflow(y); if !o { return .int(r) }
            case .sub: let (r, o) = x.subtractingReportingOverflow(y); if !o { return .int(r) }
            case .mul: let (r, o) = x.multipliedReportingOverflow(by: y); if !o { return .int(r) }
            default: break
            }
        } else if case .float(let x) = a, case .float(let y) = b {
            switch op {
            case .add: return .float(x + y)
            case .sub: return .float(x - y)
            case .mul: return .float(x * y)
            default: break
            }
        }
        do { return try f.interp.binaryOp(op, a, b) } catch let e as PyError { e.mark(span); throw e }
    }
}

final class UnaryExpr: Expr {
    let op: UnaryOp
    let operand: Expr
    var span: CaretSpan?
    init(_ op: UnaryOp, _ operand: Expr, line: Int, col: Int) { self.op = op; self.operand = operand; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { operand.resolve(r) }
    override func eval(_ f: Frame) throws -> PyValue {
        let v = try operand.eval(f)
        do {
            if op == .not { return .bool(!(try f.interp.truthy(v))) }
            return try f.interp.unaryOp(op, v)
        } catch let e as PyError { e.mark(span); throw e }
    }
}

final class BoolOpExpr: Expr {
    let isAnd: Bool
    let values: [Expr]
    init(isAnd: Bool, _ values: [Expr], line: Int, col: Int) { self.isAnd = isAnd; self.values = values; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { values.forEach { $0.resolve(r) } }
    override func eval(_ f: Frame) throws -> PyValue {
        var v = PyValue.none
        for (i, e) in values.enumerated() {
            v = try e.eval(f)
            if i == values.count - 1 { break }
            let t = try f.interp.truthy(v)
            if isAnd ? !t : t { return v }
        }
        return v
    }
}

final class CompareExpr: Expr {
    let first: Expr
    let ops: [CompareOp]
    let rest: [Expr]
    /// The whole comparison, which CPython 3.11 marks with `^` (no anchors).
    var span: CaretSpan?
    init(_ first: Expr, _ ops: [CompareOp], _ rest: [Expr], line: Int, col: Int) {
        self.first = first; self.ops = ops; self.rest = rest; super.init(line: line, col: col)
    }
    override func resolve(_ r: Resolver) { first.resolve(r); rest.forEach { $0.resolve(r) } }
    override func eval(_ f: Frame) throws -> PyValue {
        var a = try first.eval(f)
        if ops.count == 1 {
            let b = try rest[0].eval(f)
            if case .int(let x) = a, case .int(let y) = b {
                switch ops[0] {
                case .lt: return .bool(x < y)
                case .le: return .bool(x <= y)
                case .gt: return .bool(x > y)
                case .ge: return .bool(x >= y)
                case .eq: return .bool(x == y)
                case .ne: return .bool(x != y)
                default: break
                }
            }
            do { return try f.interp.compare(ops[0], a, b) } catch let e as PyError { e.mark(span); throw e }
        }
        var result = PyValue.true
        for i in 0..<ops.count {
            let b = try rest[i].eval(f)
            do { result = try f.interp.compare(ops[i], a, b) } catch let e as PyError { e.mark(span); throw e }
            if !(try f.interp.truthy(result)) { return result }
            a = b
        }
        return result
    }
}

final class IfExpr: Expr {
    let test: Expr, body: Expr, orElse: Expr
    init(test: Expr, body: Expr, orElse: Expr, line: Int, col: Int) { self.test = test; self.body = body; self.orElse = orElse; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { test.resolve(r); body.resolve(r); orElse.resolve(r) }
    override func eval(_ f: Frame) throws -> PyValue {
        try f.interp.truthy(try test.eval(f)) ? try body.eval(f) : try orElse.eval(f)
    }
}

final class NamedExpr: Expr {
    let target: NameExpr
    let value: Expr
    init(_ target: NameExpr, _ value: Expr, line: Int, col: Int) { self.target = target; self.value = value; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { value.resolve(r); r.declareWalrus(target.name.string); target.resolve(r) }
    override func eval(_ f: Frame) throws -> PyValue {
        let v = try value.eval(f)
        try target.assign(f, v)
        return v
    }
}

/// `*x` inside a display, call or assignment target.
final class StarredExpr: Expr {
    let value: Expr
    init(_ value: Expr, line: Int, col: Int) { self.value = value; super.init(line: line, col: col) }
    override var isTarget: Bool { value.isTarget }
    override var kindDescription: String { "starred" }
    override func resolve(_ r: Resolver) { value.resolve(r) }
    override func declareTarget(_ r: Resolver) { value.declareTarget(r) }
    override func eval(_ f: Frame) throws -> PyValue {
        throw PyError(type: "SyntaxError", message: "can't use starred expression here")
    }
    override func assign(_ f: Frame, _ v: PyValue) throws { try value.assign(f, v) }
}

/// Evaluates display items, expanding `*iterable`.
@inline(__always)
func evalItems(_ items: [Expr], _ f: Frame) throws -> [PyValue] {
    var out: [PyValue] = []
    out.reserveCapacity(items.count)
    for e in items {
        if let s = e as? StarredExpr {
            let v = try s.value.eval(f)
            do { out.append(contentsOf: try f.interp.iterate(v)) } catch let e as PyError where e.pendingType == "TypeError" && !f.interp.isIterableForStar(v) {
                throw PyError.typeError("Value after * must be an iterable, not \(f.interp.typeName(v))")
            }
        } else {
            out.append(try e.eval(f))
        }
    }
    return out
}

/// Shared by tuple and list targets: `a, (b, *c) = value`.
func unpack(_ targets: [Expr], _ f: Frame, _ value: PyValue) throws {
    let items: [PyValue]
    do {
        items = try f.interp.iterate(value)
    } catch let e as PyError where e.exception == nil && e.pendingType == "TypeError" && (try? f.interp.getIterator(value)) == nil {
        throw PyError.typeError("cannot unpack non-iterable \(f.interp.typeName(value)) object")
    }
    if let star = targets.firstIndex(where: { $0 is StarredExpr }) {
        let after = targets.count - star - 1
        if items.count < targets.count - 1 {
            throw PyError(type: "ValueError", message: "not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))")
        }
        for i in 0..<star { try targets[i].assign(f, items[i]) }
        try targets[star].assign(f, .list(Array(items[star..<(items.count - after)])))
        for i in 0..<after { try targets[star + 1 + i].assign(f, items[items.count - after + i]) }
        return
    }
    if items.count != targets.count {
        if items.count > targets.count {
            throw PyError(type: "ValueError", message: "too many values to unpack (expected \(targets.count))")
        }
        throw PyError(type: "ValueError", message: "not enough values to unpack (expected \(targets.count), got \(items.count))")
    }
    for i in 0..<targets.count { try targets[i].assign(f, items[i]) }
}

final class TupleExpr: Expr {
    let items: [Expr]
    let hasStar: Bool
    /// The tuple's source, marked when unpacking into it fails.
    var span: CaretSpan?
    init(_ items: [Expr], line: Int, col: Int) { self.items = items; hasStar = items.contains { $0 is StarredExpr }; super.init(line: line, col: col) }
    override var isTarget: Bool { items.allSatisfy { $0.isTarget } }
    override var kindDescription: String { "tuple" }
    override func resolve(_ r: Resolver) { items.forEach { $0.resolve(r) } }
    override func declareTarget(_ r: Resolver) { items.forEach { $0.declareTarget(r) } }
    override func eval(_ f: Frame) throws -> PyValue {
        if !hasStar {
            var out: [PyValue] = []
            out.reserveCapacity(items.count)
            for e in items { out.append(try e.eval(f)) }
            return .object(PyTuple(out))
        }
        return .object(PyTuple(try evalItems(items, f)))
    }
    override func assign(_ f: Frame, _ value: PyValue) throws {
        if !hasStar, let t = value.asTuple, t.items.count == items.count {
            for i in 0..<items.count { try items[i].assign(f, t.items[i]) }
            return
        }
        do { try unpack(items, f, value) } catch let e as PyError { e.mark(span); throw e }
    }
    override func delete(_ f: Frame) throws { for e in items { try e.delete(f) } }
}

final class ListExpr: Expr {
    let items: [Expr]
    init(_ items: [Expr], line: Int, col: Int) { self.items = items; super.init(line: line, col: col) }
    override var isTarget: Bool { items.allSatisfy { $0.isTarget } }
    override var kindDescription: String { "list" }
    override func resolve(_ r: Resolver) { items.forEach { $0.resolve(r) } }
    override func declareTarget(_ r: Resolver) { items.forEach { $0.declareTarget(r) } }
    override func eval(_ f: Frame) throws -> PyValue { .object(PyList(try evalItems(items, f))) }
    var span: CaretSpan?
    override func assign(_ f: Frame, _ value: PyValue) throws {
        do { try unpack(items, f, value) } catch let e as PyError { e.mark(span); throw e }
    }
    override func delete(_ f: Frame) throws { for e in items { try e.delete(f) } }
}

final class SetExpr: Expr {
    let items: [Expr]
    /// CPython compiles a literal of three or more constants to a frozenset constant that
    /// it merges into the new set, which can change the iteration order.
    let isConstantFolded: Bool
    init(_ items: [Expr], line: Int, col: Int) {
        self.items = items
        isConstantFolded = items.count > 2 && items.allSatisfy { $0.isFoldableConstant }
        super.init(line: line, col: col)
    }
    override func resolve(_ r: Resolver) { items.forEach { $0.resolve(r) } }
    override func eval(_ f: Frame) throws -> PyValue {
        let values = try evalItems(items, f)
        if isConstantFolded {
            // The compiler builds the frozenset, then rebuilds it from its own items when it
            // merges constants; BUILD_SET then merges that frozenset.
            let folded = try PySet(try PySet(values, frozen: true).items, frozen: true)
            let s = try PySet()
            try s.merge(folded)
            return .object(s)
        }
        return .object(try PySet(values))
    }
}

extension Expr {
    /// Whether CPython's AST optimiser folds this expression to a constant.
    var isFoldableConstant: Bool {
        switch self {
        case is ConstantExpr, is ImaginaryExpr: return true
        case let u as UnaryExpr: return u.op != .not && u.operand.isFoldableConstant
        case let b as BinaryExpr: return b.left.isFoldableConstant && b.right.isFoldableConstant
        case let t as TupleExpr: return !t.hasStar && t.items.allSatisfy { $0.isFoldableConstant }
        default: return false
        }
    }
}

final class DictExpr: Expr {
    /// A nil key means `**mapping`.
    let keys: [Expr?]
    let values: [Expr]
    init(keys: [Expr?], values: [Expr], line: Int, col: Int) { self.keys = keys; self.values = values; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) {
        for (k, v) in zip(keys, values) { k?.resolve(r); v.resolve(r) }
    }
    override func eval(_ f: Frame) throws -> PyValue {
        let d = PyDict()
        for (k, v) in zip(keys, values) {
            if let k = k {
                let kv = try k.eval(f)
                try d.set(kv, try v.eval(f))
            } else {
                try f.interp.mergeMapping(into: d, try v.eval(f))
            }
        }
        return .object(d)
    }
}

/// One piece of an f-string: literal text or a formatted field.
enum FStringPart {
    case text(String)
    case field(Expr, conversion: Character?, spec: [FStringPart]?)
}

final class FStringExpr: Expr {
    let parts: [FStringPart]
    /// The whole literal: what CPython marks when formatting a field fails.
    var span: CaretSpan?
    init(_ parts: [FStringPart], line: Int, col: Int) { self.parts = parts; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { FStringExpr.resolveParts(parts, r) }
    static func resolveParts(_ parts: [FStringPart], _ r: Resolver) {
        for p in parts {
            if case .field(let e, _, let spec) = p { e.resolve(r); if let s = spec { resolveParts(s, r) } }
        }
    }
    override func eval(_ f: Frame) throws -> PyValue {
        do {
            return .str(try FStringExpr.render(parts, f))
        } catch let e as PyError {
            e.mark(span)
            throw e
        }
    }
    static func render(_ parts: [FStringPart], _ f: Frame) throws -> String {
        var out = ""
        for p in parts {
            switch p {
            case .text(let s): out += s
            case .field(let e, let conv, let spec):
                var v = try e.eval(f)
                switch conv {
                case "r": v = .str(try f.interp.repr(v))
                case "s": v = .str(try f.interp.str(v))
                case "a": v = .str(try f.interp.repr(v))
                default: break
                }
                let specText = try spec.map { try render($0, f) } ?? ""
                out += try f.interp.format(v, specText)
            }
        }
        return out
    }
}

final class LambdaExpr: Expr {
    let function: FunctionBuilder
    init(_ function: FunctionBuilder, line: Int, col: Int) { self.function = function; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { function.resolve(r) }
    override func eval(_ f: Frame) throws -> PyValue { .object(try function.make(f)) }
}

final class YieldExpr: Expr {
    let value: Expr?
    let isFrom: Bool
    init(_ value: Expr?, isFrom: Bool, line: Int, col: Int) { self.value = value; self.isFrom = isFrom; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { value?.resolve(r); r.markGenerator() }
    override func eval(_ f: Frame) throws -> PyValue {
        guard let g = f.generator else { throw PyError(type: "SyntaxError", message: "'yield' outside function") }
        let v = try value?.eval(f) ?? .none
        if isFrom {
            let it = try f.interp.getIterator(v)
            g.delegate = it
            defer { g.delegate = nil }
            if case .object(let o) = it, let sub = o as? PyGenerator { return try delegate(to: sub, g, f) }
            while let item = try f.interp.next(it) { _ = try g.yield(item) }
            if case .object(let o) = it, let sub = o as? PyGenerator { return sub.runner.frame.returnValue }
            return .none
        }
        return try g.yield(v)
    }

    /// `yield from gen` (PEP 380): values sent to this generator and exceptions thrown
    /// into it go on to the sub-generator; closing this one closes it; its return value is
    /// the expression's value.
    private func delegate(to sub: PyGenerator, _ g: GeneratorRunner, _ f: Frame) throws -> PyValue {
        var toSend = PyValue.none
        var toThrow: PyError?
        while true {
            guard let item = try sub.runner.resume(send: toSend, throwing: toThrow) else {
                return sub.runner.frame.returnValue
            }
            do {
                toSend = try g.yield(item)
                toThrow = nil
            } catch let e as PyError {
                if f.interp.errorIs(e, "GeneratorExit") {
                    if sub.runner.close() { throw PyError.runtimeError("generator ignored GeneratorExit") }
                    throw e
                }
                toSend = .none
                toThrow = e
            }
        }
    }
}
