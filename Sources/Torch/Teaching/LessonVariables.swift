import Interpreter
import Tensors

/// The lesson's global variables that teaching visuals care about: tensors, modules (and
/// their parameters, named `model.fc.weight`) and optimizers. Names are sorted, so every
/// listing is in the same order on every run.
struct LessonVariables {
    struct NamedTensor {
        var name: String
        var tensor: Tensor
        /// `Tensor`, `Parameter`.
        var type: String
    }

    var tensors: [NamedTensor] = []
    var modules: [(name: String, value: PyValue, type: String)] = []
    var optimizers: [(name: String, value: PyValue, type: String)] = []

    /// Reads `interp`'s `__main__`. Names starting with `_` are private to the lesson (and to
    /// Gradbook's own helpers) and left out.
    init(_ interp: Interpreter, parameters: Bool = true) {
        for name in interp.main.boundNames where !name.hasPrefix("_") {
            guard let value = interp.main[name], case .object(let object) = value, let instance = object as? PyInstance else { continue }
            if let tensor = tensorPayload(value) {
                // A conjugate view shows the values it reads as (tensorPayload resolves it).
                tensors.append(NamedTensor(name: name, tensor: tensor, type: instance.cls.name))
            } else if Self.isA(instance, "Module", in: "torch.nn") {
                modules.append((name, value, instance.cls.name))
            } else if Self.isA(instance, "Optimizer", in: "torch.optim") {
                optimizers.append((name, value, instance.cls.name))
            }
        }
        guard parameters else { return }
        for module in modules {
            for (name, tensor) in Self.namedParameters(module.value, interp) {
                tensors.append(NamedTensor(name: "\(module.name).\(name)", tensor: tensor, type: "Parameter"))
            }
        }
    }

    /// The first name each tensor object goes by: plain variables before module parameters.
    var names: [ObjectIdentifier: String] {
        var names: [ObjectIdentifier: String] = [:]
        for entry in tensors where names[ObjectIdentifier(entry.tensor)] == nil {
            names[ObjectIdentifier(entry.tensor)] = entry.name
        }
        return names
    }

    static func isA(_ instance: PyInstance, _ className: String, in module: String) -> Bool {
        instance.cls.mro.contains { $0.name == className && $0.module.hasPrefix(module) }
    }

    /// `module.named_parameters()`; a module whose method fails contributes nothing.
    static func namedParameters(_ module: PyValue, _ interp: Interpreter) -> [(String, Tensor)] {
        guard let listed = try? interp.iterate(interp.callMethod(module, "named_parameters")) else { return [] }
        return listed.compactMap { pair in
            guard let items = pair.asTuple?.items, items.count == 2, let name = items[0].asString,
                  let tensor = tensorPayload(items[1]) else { return nil }
            return (name, tensor)
        }
    }
}

extension Tensor {
    /// `[3, 2]`, `[]` for a scalar: how visuals show a shape.
    var shapeText: String { "[" + sizes.map(String.init).joined(separator: ", ") + "]" }
}
