import Autograd
import Interpreter
import Tensors

/// What the lesson runner asks of `torch` around each cell for the teaching visuals: graphs,
/// gradient panels, backward traces, variable tables, and the figures `torchviz` made. It
/// reads the lesson's variables and autograd graphs, and hands back plain records.
public final class TeachingHooks {
    unowned let interp: Interpreter
    let runtime: TorchRuntime
    /// Graphs that `torchviz` figures showed during the current cell.
    var figures: [AutogradGraphRecord] = []

    init(interp: Interpreter, runtime: TorchRuntime) {
        self.interp = interp
        self.runtime = runtime
    }

    /// A failure while making a visual: the Python exception's last line (`NameError: ...`).
    public struct Failure: Error, Sendable {
        public var lastLine: String
        public var traceback: String
        public var line: Int
        public var column: Int
    }

    /// Whether any tensor exists yet: before `import torch`, every visual is empty.
    private var torchLoaded: Bool { runtime.tensorClass != nil }

    // MARK: figures

    /// The torchviz figures shown since the last call.
    public func takeFigures() -> [AutogradGraphRecord] {
        defer { figures = [] }
        return figures
    }

    // MARK: graph

    /// The backward graph of the tensor `expression` names (evaluated in the lesson, its
    /// errors placed at `line` of `file`).
    public func graph(of expression: String, saved: Bool, file: String, line: Int) throws(Failure) -> AutogradGraphRecord {
        let tensor = try evaluateTensor(expression, file: file, line: line)
        var recorder = AutogradGraphRecorder(names: LessonVariables(interp).names, showSaved: saved)
        return recorder.record(tensor, expression: expression)
    }

    // MARK: trace

    /// Runs `expression.backward()`, recording each node the engine runs.
    public func trace(_ expression: String, file: String, line: Int) throws(Failure) -> BackwardTraceRecord {
        let tensor = try evaluateTensor(expression, file: file, line: line)
        let tracer = BackwardTracer(names: LessonVariables(interp).names) { [runtime] t in
            TensorSummary.text(t) { try runtime.repr($0) }
        }
        interp.threadEntered?()
        defer { interp.threadLeaving?() }
        do {
            return try tracer.trace(tensor, expression: expression)
        } catch let error as TensorError {
            throw Failure(lastLine: "\(error.pythonType.rawValue): \(error.message)", traceback: "", line: line, column: 1)
        } catch {
            throw Failure(lastLine: "RuntimeError: \(error)", traceback: "", line: line, column: 1)
        }
    }

    // MARK: gradients

    /// What the gradients of the lesson's tensors are now, to tell later which changed.
    public struct GradientState {
        /// Per name: the `.grad` object (kept alive, so its identity cannot be reused) and its version.
        fileprivate var grads: [String: (grad: Tensor?, version: Int)] = [:]
    }

    /// Leaves that require grad, and any tensor holding a `.grad` (`retain_grad()`): the
    /// tensors whose `.grad` a lesson reads. Other results never get one.
    static func hasGradient(_ t: Tensor) -> Bool {
        (t.requiresGrad && t.isLeaf) || t.grad != nil
    }

    public func gradientState() -> GradientState {
        guard torchLoaded else { return GradientState() }
        var state = GradientState()
        for entry in LessonVariables(interp).tensors where Self.hasGradient(entry.tensor) {
            state.grads[entry.name] = (entry.tensor.grad, entry.tensor.grad?.version ?? 0)
        }
        return state
    }

    /// The panel of every tensor that requires grad, those whose `.grad` changed since
    /// `before` marked, and whether any did.
    public func gradientPanel(since before: GradientState) -> (panel: GradientPanelRecord, changed: Bool) {
        guard torchLoaded else { return (GradientPanelRecord(entries: []), false) }
        var entries: [GradientPanelRecord.Entry] = []
        var anyChanged = false
        let repr: (Tensor) throws -> String = { [runtime] in try runtime.repr($0) }
        for entry in LessonVariables(interp).tensors where Self.hasGradient(entry.tensor) {
            let t = entry.tensor
            let old = before.grads[entry.name]
            let changed: Bool
            if let old {
                changed = old.grad !== t.grad || (t.grad?.version ?? 0) != old.version
            } else {
                changed = t.grad != nil
            }
            anyChanged = anyChanged || changed
            entries.append(.init(name: entry.name, shape: t.shapeText, dtype: t.dtype.name,
                                 value: TensorSummary.text(t, repr: repr),
                                 grad: t.grad.map { TensorSummary.text($0, repr: repr) },
                                 changed: changed, heat: t.grad.flatMap(TensorSummary.heat)))
        }
        return (GradientPanelRecord(entries: entries), anyChanged)
    }

    // MARK: variables

    /// The lesson's tensors, modules and optimizers, by name.
    public func variables() -> VariableTableRecord {
        guard torchLoaded else { return VariableTableRecord(rows: []) }
        let variables = LessonVariables(interp, parameters: false)
        var rows: [VariableTableRecord.Row] = []
        for entry in variables.tensors {
            let t = entry.tensor
            rows.append(.init(name: entry.name, kind: .tensor, type: entry.type, shape: t.shapeText, dtype: t.dtype.name,
                              device: t.device.description, requiresGrad: t.requiresGrad, gradFn: t.gradFn?.typeName))
        }
        for module in variables.modules {
            let parameters = LessonVariables.namedParameters(module.value, interp).map(\.1)
            let total = parameters.reduce(0) { $0 + $1.numel }
            let trainable = parameters.filter(\.requiresGrad).reduce(0) { $0 + $1.numel }
            rows.append(.init(name: module.name, kind: .module, type: module.type, device: parameters.first?.device.description,
                              parameters: total, note: trainable == total ? nil : "\(trainable) trainable"))
        }
        for optimizer in variables.optimizers {
            rows.append(.init(name: optimizer.name, kind: .optimizer, type: optimizer.type,
                              parameters: optimizerParameterCount(optimizer.value), note: optimizerNote(optimizer.value)))
        }
        return VariableTableRecord(rows: rows)
    }

    private func optimizerGroups(_ optimizer: PyValue) -> [PyValue] {
        guard let groups = try? interp.getAttribute(optimizer, "param_groups") else { return [] }
        return (try? interp.iterate(groups)) ?? []
    }

    private func optimizerParameterCount(_ optimizer: PyValue) -> Int? {
        var count = 0
        for group in optimizerGroups(optimizer) {
            guard let params = try? interp.getItem(group, .str("params")), let list = try? interp.iterate(params) else { return nil }
            count += list.count
        }
        return count
    }

    /// `lr=0.1` from the first parameter group.
    private func optimizerNote(_ optimizer: PyValue) -> String? {
        guard let group = optimizerGroups(optimizer).first, let lr = try? interp.getItem(group, .str("lr")),
              let text = try? interp.repr(lr) else { return nil }
        return "lr=\(text)"
    }

    // MARK: evaluation

    /// Evaluates `expression` in the lesson's globals, as a one-line cell placed at `line`.
    func evaluate(_ expression: String, file: String, line: Int) throws(Failure) -> PyValue {
        let slot = "__gradbook_visual__"
        let run = interp.runCell("\(slot) = (\(expression))", file: file, firstLine: line, timeout: 30)
        defer { interp.main[slot] = nil }
        if let error = run.error {
            throw Failure(lastLine: error.lastLine, traceback: error.traceback, line: error.line, column: error.column)
        }
        return interp.main[slot] ?? .none
    }

    private func evaluateTensor(_ expression: String, file: String, line: Int) throws(Failure) -> Tensor {
        let value = try evaluate(expression, file: file, line: line)
        guard let tensor = tensorPayload(value) else {
            let type = interp.typeName(value)
            throw Failure(lastLine: "TypeError: '\(expression)' is a \(type), not a Tensor", traceback: "", line: line, column: 1)
        }
        return tensor
    }
}
