import Autograd
import Foundation
import Tensors
import Testing

/// Version counters, views made under no_grad, and view histories after in-place writes.
@Suite struct VersionAndViewTests {
    @Test func dataHasItsOwnVersionCounter() throws {
        let a = try tensor([1, 1], requiresGrad: true)
        let d = a.data
        try d.binaryInPlace(.add, .int(1))
        #expect(a.version == 0 && d.version == 1)
        let detached = a.detach()
        try detached.binaryInPlace(.add, .int(1))
        #expect(a.version == 1 && detached.version == 1)
        // A write through .data does not trip the saved-tensor check (PyTorch gives the
        // same, stale-looking gradient).
        let w = try tensor([1, 2, 3], requiresGrad: true)
        let y = try D.sigmoid(w)
        try y.data.binaryInPlace(.mul, .int(2))
        try D.sum(y).backward()
        #expect(try show(w.grad) == "tensor([-0.6757, -1.3416, -1.7244])")
    }

    @Test func viewsMadeUnderNoGradKeepTheirBase() throws {
        let w = try tensor([1, 2, 3], requiresGrad: true)
        let v = try GradMode.withGradMode(false) { () throws -> Tensor in
            try D.getItem(w, [.slice(start: nil, stop: 2, step: nil)])
        }
        #expect(D.viewBase(v) === w)
        #expect(v.requiresGrad && v.isLeaf && v.gradFn == nil)
        #expect(try show(v) == "tensor([1., 2.], requires_grad=True)")
        #expect(message { try D.mul_(v, .int(2)) }.hasPrefix("A view was created in no_grad mode and is being modified inplace with grad mode enabled."))
        // Inside no_grad the write is allowed and not tracked.
        let x = try D.mul(w, .int(1))
        let xv = try GradMode.withGradMode(false) { () throws -> Tensor in try D.slice(x, 0, start: 1, end: nil) }
        try GradMode.withGradMode(false) { () throws in try D.mul_(xv, .int(2)) }
        #expect(try show(x) == "tensor([1., 4., 6.], grad_fn=<MulBackward0>)")
        // Plain tensors' views stay plain (no grad) but know their base, as `._base` shows in PyTorch.
        let p = try tensor([1, 2, 3])
        let pv = try GradMode.withGradMode(false) { () throws -> Tensor in try D.view(p, [3]) }
        #expect(D.viewBase(pv) === p && !pv.requiresGrad)
    }

    @Test func aViewSeesInPlaceWritesMadeThroughAnotherView() throws {
        let x = try tensor([0, 1, 2, 3, 4, 5], [2, 3], requiresGrad: true)
        let base = try D.mul(x, .int(1))
        let v = try D.t(base)
        #expect(v.gradFn?.name == "TBackward0")
        try D.mul_(try D.select(v, 0, 1), .int(3))
        #expect(base.gradFn?.name == "torch::autograd::CopySlices")
        #expect(v.gradFn?.name == "AsStridedBackward0")
        try D.sum(try D.mul(v, try tensor([1, 2, 3, 4, 5, 6], [3, 2]))).backward()
        #expect(try show(x.grad) == "tensor([[ 1.,  9.,  5.],\n        [ 2., 12.,  6.]])")
    }

    @Test func outputsOfMultiViewOpsAreNotWrittenInPlace() throws {
        let x = try tensor([1, 1, 1, 1, 1, 1], [2, 3], requiresGrad: true)
        let y = try D.mul(x, .int(1))
        let parts = try D.unbind(y)
        #expect(message { try D.mul_(parts[0], .int(2)) } == "Output 0 of Unbind is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.")
        #expect(message { try D.add_(try D.split(y, sizes: [1, 2], dim: 1)[1], .int(1)) }.hasPrefix("Output 1 of SplitWithSizes is a view"))
        #expect(parts[1].gradFn?.name == "UnbindBackward0")
        // Under no_grad they are views that still require grad.
        let quiet = try GradMode.withGradMode(false) { () throws -> [Tensor] in try D.chunk(x, 3, dim: 1) }
        #expect(quiet[2].requiresGrad && D.viewBase(quiet[2]) === x)
        #expect(message { try D.zero_(quiet[2]) }.hasPrefix("A view was created in no_grad mode"))
    }

    /// Cells run on fresh threads; a node made in a later cell must still run first in
    /// backward (PyTorch orders ready nodes by creation), so hooks fire in PyTorch's order.
    @Test func nodesMadeOnALaterThreadRunFirst() throws {
        final class Log: @unchecked Sendable { var order: [String] = [] }
        let log = Log()
        let leaf = try tensor([1], requiresGrad: true)
        func hooked(_ t: Tensor, _ name: String) throws -> Tensor {
            try t.registerHook { _ in log.order.append(name); return nil }
            return t
        }
        var carried: GradMode.Carried?
        var b: Tensor?, c: Tensor?
        try onFreshThread {
            _ = try D.mul(try tensor([1], requiresGrad: true), .int(5))
            b = try hooked(try D.mul(leaf, .int(2)), "b")
            carried = GradMode.carry()
        }
        try onFreshThread {
            GradMode.adopt(carried!)
            c = try hooked(try D.mul(leaf, .int(3)), "c")
        }
        try D.add(b!, c!).backward()
        #expect(log.order == ["c", "b"])
        #expect(try show(leaf.grad) == "tensor([5.])")
    }

    func onFreshThread(_ body: @escaping () throws -> Void) throws {
        final class Box: @unchecked Sendable {
            let body: () throws -> Void
            var error: Error?
            init(_ body: @escaping () throws -> Void) { self.body = body }
        }
        let box = Box(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { do { try box.body() } catch { box.error = error }; done.signal() }
        thread.start()
        done.wait()
        if let e = box.error { throw e }
    }
}
