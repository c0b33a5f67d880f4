import Interpreter
import Tensors

/// Registers bound operations once for both spellings PyTorch offers: the method
/// `x.f(...)` on `torch.Tensor` and the function `torch.f(x, ...)`. Bodies receive the
/// tensor already unwrapped; tensor errors become Python exceptions.
struct Binder {
    typealias Body = (Interpreter, Tensor, Arguments) throws -> PyValue
    let rt: TorchRuntime
    let cls: PyClass
    let module: PyModule

    /// `x.name(...)` only.
    func method(_ name: String, _ body: @escaping Body) {
        let keywords = KeywordTable.shared.methods[name]
        cls.addMethod(name) { [rt] interp, s, args in
            var args = args
            guard let receiverTensor = rawTensorPayload(s) else {
                throw PyError.typeError("descriptor '\(name)' requires a 'torch._C.TensorBase' object but received a '\(interp.typeName(s))'")
            }
            // No Tensor method takes `out=` in PyTorch; never let one be ignored.
            if args.keyword(OutArgument.name) != nil {
                throw PyError.typeError("\(name)() got an unexpected keyword argument 'out'")
            }
            // Only calls with keywords consult PyTorch's parameter names.
            if args.hasKeywords, let keywords { args = try keywords.normalize(args, method: true, rt: rt) }
            try Self.checkTensorParameters(name, method: true, args, rt: rt)
            var t = receiverTensor, receiver = s
            let suspends = rt.autocast.isActive && AutocastState.policies[name] != nil
            if suspends {
                // The receiver is the op's first tensor: cast with the others, then run the
                // op with nested casting off.
                let cast = try rt.autocastArguments(name, Arguments([s] + args.positional,
                    keywords: zip(args.keywordNames, args.keywordValues).map { ($0.0.string, $0.1) }))
                receiver = cast.positional[0]
                t = rawTensorPayload(receiver) ?? t
                args = Arguments(Array(cast.positional.dropFirst()), keywords: zip(cast.keywordNames, cast.keywordValues).map { ($0.0.string, $0.1) })
            }
            if suspends { rt.autocast.suspended += 1 }
            defer { if suspends { rt.autocast.suspended -= 1 } }
            do {
                return try CellDeadlineBridge.checked(try rt.acrossMathBits(name, t, receiver: receiver) { t in try body(interp, t, args) })
            } catch let e as TensorError { throw e.python } catch let e as PyError { throw keywords?.nativeMissingArguments(e) ?? e }
        }
    }

    /// PyTorch's refusal of a Python number where a one-signature op takes a Tensor; the
    /// table is consulted only when a number is passed positionally.
    static func checkTensorParameters(_ name: String, method: Bool, _ args: Arguments, rt: TorchRuntime) throws {
        guard args.positional.contains(where: TensorParameters.isPythonNumber) else { return }
        try TensorParameters.shared.check(name, method: method, args.positional, rt: rt)
    }

    /// A Tensor method whose body unwraps its own receiver (`cls.addMethod`), behind
    /// PyTorch's keyword rules; calls without keywords go straight to `body`.
    func checkedMethod(_ name: String, _ body: @escaping NativeMethod) {
        guard let keywords = KeywordTable.shared.methods[name] else { cls.addMethod(name, body); return }
        cls.addMethod(name) { [rt] interp, s, args in
            let args = args.hasKeywords ? try keywords.normalize(args, method: true, rt: rt) : args
            try Self.checkTensorParameters(name, method: true, args, rt: rt)
            do { return try body(interp, s, args) } catch let e as PyError { throw keywords.nativeMissingArguments(e) }
        }
    }

    /// `torch.name(input, ...)` only.
    /// Functions whose first parameter PyTorch names other than `input` (`torch.split(tensor=x, ...)`).
    static let firstParameterNames = ["split": "tensor"]

    func function(_ name: String, _ body: @escaping Body) {
        let inputName = Self.firstParameterNames[name] ?? "input"
        let input = Name(inputName)
        let keywords = KeywordTable.shared.functions[name]
        module.addFunction(name) { [rt] interp, args in
            // Only calls with keywords consult PyTorch's parameter names.
            var args = args
            if args.hasKeywords, let keywords { args = try keywords.normalize(args, method: false, rt: rt) }
            try Self.checkTensorParameters(name, method: false, args, rt: rt)
            // Autocast: the op's tensors cast by its policy, the op run with nested casting off.
            let suspends = rt.autocast.isActive && AutocastState.policies[name] != nil
            if suspends { args = try rt.autocastArguments(name, args); rt.autocast.suspended += 1 }
            defer { if suspends { rt.autocast.suspended -= 1 } }
            do {
            return try rt.callHandlingOut(interp, name, args) { args in
            var rest = args
            let first: PyValue
            if !rest.positional.isEmpty {
                first = rest.positional.removeFirst()
            } else if let i = rest.keywordNames.firstIndex(where: { $0.id == input.id }) {
                first = rest.keywordValues[i]
                rest.keywordNames.remove(at: i)
                rest.keywordValues.remove(at: i)
            } else {
                throw PyError.typeError("\(name)() missing 1 required positional arguments: \"\(inputName)\"")
            }
            guard let t = rawTensorPayload(first) else {
                throw PyError.typeError("\(name)(): argument '\(inputName)' (position 1) must be Tensor, not \(rt.typeNameForError(first))")
            }
            do {
                return try CellDeadlineBridge.checked(try rt.acrossMathBits(name, t, receiver: first) { t in try body(interp, t, rest) })
            } catch let e as TensorError { throw e.python }
        } } catch let e as PyError { throw keywords?.nativeMissingArguments(e) ?? e }
        }
    }

    /// Both spellings.
    func both(_ name: String, _ body: @escaping Body) {
        method(name, body)
        function(name, body)
    }

    /// A torch function that does not start with a tensor (`torch.zeros`, `torch.cat`).
    func free(_ name: String, _ body: @escaping NativeFunction) {
        let keywords = KeywordTable.shared.functions[name]
        module.addFunction(name) { [rt] interp, args in
            var args = args
            if args.hasKeywords, let keywords { args = try keywords.normalize(args, method: false, rt: rt) }
            try Self.checkTensorParameters(name, method: false, args, rt: rt)
            let suspends = rt.autocast.isActive && AutocastState.policies[name] != nil
            if suspends { args = try rt.autocastArguments(name, args); rt.autocast.suspended += 1 }
            defer { if suspends { rt.autocast.suspended -= 1 } }
            do {
                return try rt.callHandlingOut(interp, name, args) { args in
                    do { return try CellDeadlineBridge.checked(try body(interp, args)) } catch let e as TensorError { throw e.python }
                }
            } catch let e as PyError { throw keywords?.nativeMissingArguments(e) ?? e }
        }
    }

    func property(_ name: String, get: @escaping (Interpreter, Tensor) throws -> PyValue,
                  set: ((Interpreter, Tensor, PyValue) throws -> Void)? = nil) {
        let setter: ((Interpreter, PyValue, PyValue) throws -> Void)? = set.map { set in
            { interp, s, v in
                guard let t = rawTensorPayload(s) else { throw PyError.typeError("expected a Tensor") }
                do { try set(interp, t, v) } catch let e as TensorError { throw e.python }
            }
        }
        let kind = MathBitsBoundary.propertyKind(name)
        cls.addProperty(name, get: { [rt] interp, s in
            guard let t = rawTensorPayload(s) else { throw PyError.typeError("expected a Tensor") }
            do {
                return try rt.acrossMathBits(name, t, receiver: nil, kind: kind) { t in try get(interp, t) }
            } catch let e as TensorError { throw e.python }
        }, set: setter)
    }
}

extension Arguments {
    /// Rejects any argument: for methods that take none (`x.t()`).
    func expectNone(_ fn: String) throws {
        if count > 0 || hasKeywords {
            throw PyError.typeError("\(fn)() takes no arguments (\(count + keywordNames.count) given)")
        }
    }
}
