import Interpreter
import Tensors

/// `torchviz.make_dot(y, params=dict(model.named_parameters()))` for lessons written for
/// torchviz: the same graph `#| graph:` draws, returned as a `graphviz.Digraph`-like object
/// that shows as a figure when it is a cell's last expression or is `render`ed.
extension TeachingHooks {
    /// What a `Digraph` object holds.
    final class DotFigure {
        let graph: AutogradGraphRecord
        init(_ graph: AutogradGraphRecord) { self.graph = graph }
    }

    private static let makeDotSignature = Signature("make_dot", ["var", "params", "show_attrs", "show_saved", "max_attr_chars"], required: 1)
    private static let renderSignature = Signature("render", ["filename", "directory", "view", "cleanup", "format"], varkw: true)

    /// The interpreter's closures hold the hooks strongly (the hooks hold the interpreter
    /// unowned), so they live as long as the session even when the host drops them.
    func registerTorchviz() {
        interp.registerModule(name: "torchviz") { interp, module in
            let digraph = interp.makeClass("Digraph", module: "graphviz.graphs")
            digraph.allowsSubclassing = false
            digraph.addMethod("__repr__") { _, _, _ in .str("<graphviz.graphs.Digraph object>") }
            digraph.addMethod("render") { interp, value, args in
                let bound = try args.bind(Self.renderSignature)
                self.show(value)
                let name = bound[0].flatMap(\.asString) ?? "Digraph.gv"
                let folder = bound[1].flatMap(\.asString).map { $0 + "/" } ?? ""
                let format = bound[4].flatMap(\.asString) ?? "pdf"
                return .str(folder + name + "." + format)
            }
            module.addFunction("make_dot") { interp, args in
                let bound = try args.bind(Self.makeDotSignature)
                guard let tensor = tensorPayload(bound[0]!) else {
                    throw PyError.typeError("make_dot() expects a Tensor, got \(interp.typeName(bound[0]!))")
                }
                var names = LessonVariables(interp).names
                if let params = bound[1], !params.isNone {
                    for key in try interp.iterate(params) {
                        if let name = key.asString, let t = tensorPayload(try interp.getItem(params, key)) {
                            names[ObjectIdentifier(t)] = name
                        }
                    }
                }
                let saved = try bound[3].map { try interp.truthy($0) } ?? false
                var recorder = AutogradGraphRecorder(names: names, showSaved: saved)
                return interp.makeInstance(digraph, payload: DotFigure(recorder.record(tensor, expression: "make_dot", title: "")))
            }
        }
        let previous = interp.displayHook
        interp.displayHook = { value in
            if self.show(value) { return true }
            return previous?(value) ?? false
        }
    }

    /// Adds a `Digraph`'s graph to the cell's figures; false for any other value.
    @discardableResult
    private func show(_ value: PyValue) -> Bool {
        guard case .object(let object) = value, let figure = (object as? PyInstance)?.payload as? DotFigure else { return false }
        figures.append(figure.graph)
        return true
    }
}
