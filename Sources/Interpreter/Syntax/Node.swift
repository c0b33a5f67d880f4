/// Base of expression nodes. Each node evaluates itself; targets also assign and delete.
class Expr {
    let line: Int
    let col: Int
    init(line: Int, col: Int) { self.line = line; self.col = col }

    func eval(_ f: Frame) throws -> PyValue { preconditionFailure("eval not implemented for \(type(of: self))") }
    func assign(_ f: Frame, _ value: PyValue) throws { preconditionFailure("not an assignment target") }
    func delete(_ f: Frame) throws { preconditionFailure("not a deletion target") }
    func resolve(_ r: Resolver) {}
    /// Called on targets: declares the names they bind in the current scope.
    func declareTarget(_ r: Resolver) {}
    var isTarget: Bool { false }
    /// Short description used in syntax errors ("cannot assign to function call").
    var kindDescription: String { "expression" }
}

/// Base of statement nodes.
class Stmt {
    let line: Int
    let col: Int
    init(line: Int, col: Int) { self.line = line; self.col = col }

    func exec(_ f: Frame) throws -> Flow { preconditionFailure("exec not implemented") }
    /// Declares names this statement binds (first resolver pass, per scope).
    func declare(_ r: Resolver) {}
    func resolve(_ r: Resolver) {}
}

/// How a statement finished.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned
}

/// Executes a block; stops at the first non-normal flow.
///
/// The statements are visited unretained: `body` (kept alive by its owner for the call)
/// holds them, and `for s in body` retained and released each one it ran.
@inline(__always)
func execBlock(_ body: [Stmt], _ f: Frame) throws -> Flow {
    try body.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return .normal }
        let nodes = UnsafeRawPointer(base).assumingMemoryBound(to: Unmanaged<Stmt>.self)
        for i in 0..<buffer.count {
            let flow = try nodes[i]._withUnsafeGuaranteedRef { try $0.exec(f) }
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }
}

/// Calls `body` with each of `nodes` without retaining it; the array keeps them alive.
@inline(__always)
func forEachUnretained<T: AnyObject>(_ nodes: [T], _ body: (T) throws -> Void) rethrows {
    try nodes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        let refs = UnsafeRawPointer(base).assumingMemoryBound(to: Unmanaged<T>.self)
        for i in 0..<buffer.count { try refs[i]._withUnsafeGuaranteedRef { try body($0) } }
    }
}
