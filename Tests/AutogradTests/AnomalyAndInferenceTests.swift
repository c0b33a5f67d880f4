import Autograd
import Tensors
import Testing

/// Finite-difference checks (float64) for the nodes added with anomaly and inference
/// mode (SafeSoftmaxBackward0, PackPaddedSequenceBackward0, ReshapeAliasBackward0), and the
/// engine's anomaly and inference-tensor rules with PyTorch 2.15's messages.
@Suite struct AnomalyAndInferenceTests {
    let checker = Gradcheck()

    func expectClean(_ inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try checker.check(inputs, f)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let e as TensorError {
            let text = e.description
            return text.hasPrefix("RuntimeError: ") ? String(text.dropFirst("RuntimeError: ".count)) : text
        } catch { return "\(error)" }
        return "no error"
    }

    @Test func safeSoftmaxGradients() throws {
        let x = try tensor([0.3, -0.7, 1.2, 0.45, -1.1, 0.8, 2.0, -0.2, 0.6], [3, 3])
        try expectClean([x]) { try D.safeSoftmax($0[0], dim: -1) }
        try expectClean([x]) { try D.safeSoftmax($0[0], dim: 0) }
        // A fully masked row gives zeros and zero gradient; a partly masked one is softmax.
        let masked = try tensor([0.3, -.infinity, 1.2, -.infinity, -.infinity, -.infinity], [2, 3])
        try expectClean([masked]) { try D.safeSoftmax($0[0], dim: 1) }
        let y = try D.safeSoftmax(try tensor([-.infinity, -.infinity], [1, 2], requiresGrad: true), dim: 1)
        #expect(try y.elementsAsDouble() == [0, 0])
        #expect(y.gradFn?.name == "SafeSoftmaxBackward0")
    }

    @Test func packPaddedSequenceGradients() throws {
        let seq = try tensor((0..<24).map { 0.1 * Double($0) - 1.0 }, [4, 3, 2])
        for batchFirst in [false, true] {
            try expectClean([seq]) { try D.packPaddedSequence($0[0], lengths: batchFirst ? [3, 2, 2] : [4, 2, 1], batchFirst: batchFirst).data }
        }
        let (data, sizes) = try D.packPaddedSequence(try tensor((0..<24).map(Double.init), [4, 3, 2], requiresGrad: true), lengths: [4, 2, 1], batchFirst: false)
        #expect(sizes == [3, 2, 1, 1])
        #expect(data.sizes == [7, 2])
        #expect(data.gradFn?.name == "PackPaddedSequenceBackward0")
    }

    @Test func reshapeAliasGradients() throws {
        let k = try tensor((0..<24).map { 0.05 * Double($0) }, [2, 3, 4])
        try expectClean([k]) { try D.reshape(try D.transpose($0[0], 1, 2), [2, 4, 3]) }
        let r = try D.reshape(try D.transpose(try tensor([1, 2, 3, 4, 5, 6], [1, 2, 3], requiresGrad: true), 1, 2), [3, 2])
        #expect(r.gradFn?.name == "ReshapeAliasBackward0")
    }

    @Test func anomalyModeReportsNaNGradients() throws {
        let saved = (GradMode.current.anomalyEnabled, GradMode.current.anomalyCheckNan)
        defer { AnomalyMode.set(saved.0, checkNan: saved.1, reporter: nil) }
        let x = try tensor([0], requiresGrad: true)
        var warnings: [String] = []
        AnomalyMode.set(true, checkNan: true, reporter: AnomalyReporter(forwardStack: { "  File \"f.py\", line 1, in <module>\n    y = x / x\n" }, warn: { warnings.append($0) }))
        let y = try D.div(x, x)
        #expect(message { try y.backward() } == "Function 'DivBackward0' returned nan values in its 1th output.")
        #expect(warnings == ["Error detected in DivBackward0. Traceback of forward call that caused the error:\n  File \"f.py\", line 1, in <module>\n    y = x / x"])
        AnomalyMode.set(true, checkNan: false, reporter: nil)
        let z = try D.div(x, x)
        try z.backward()
        #expect(try x.grad!.elementsAsDouble()[0].isNaN)
    }

    @Test func inferenceTensorsFollowTheirStorage() throws {
        let normal = try tensor([1, 2, 3])
        let (made, view) = GradMode.withInferenceMode { () -> (Tensor, Tensor) in
            (try! normal.add(.float(1)), try! normal.narrow(0, start: 1, length: 2))
        }
        #expect(made.isInference && !view.isInference && !normal.isInference)
        #expect(try made.narrow(0, start: 0, length: 1).isInference)
        #expect(!(try made.clone()).isInference)
        let w = try tensor([1, 2, 3], requiresGrad: true)
        #expect(message { _ = try D.mul(w, made) }.hasPrefix("Inference tensors cannot be saved for backward."))
        #expect(try D.add(w, made).gradFn?.name == "AddBackward0")
        #expect(message { try made.setRequiresGrad(true, from: .method) } == "Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.")
        #expect(message { try D.add_(made, normal) }.hasPrefix("Inplace update to inference tensor outside InferenceMode is not allowed."))
        // `.data` and `detach()` outside inference mode get a version counter of their own.
        #expect(!made.versionCounter.tracksVersion && made.detach().versionCounter.tracksVersion)
        _ = try D.add_(made.detach(), normal)
        #expect(try made.elementsAsDouble() == [3, 5, 7])
        // Nothing is recorded in inference mode, even with grad mode switched back on.
        let q = try GradMode.withInferenceMode { () throws -> Tensor in
            try GradMode.withGradMode(true) { () throws -> Tensor in try D.mul(w, .float(2)) }
        }
        #expect(q.gradFn == nil && !q.requiresGrad && q.isInference)
    }
}
