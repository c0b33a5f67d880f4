import Foundation
import Testing

/// What lessons cannot compare byte for byte: the node objects of custom Functions print
/// with an address, as in PyTorch (`<torch.autograd.function.MySquareBackward object at 0x...>`).
@Suite struct CustomFunctionTests {
    static let define = """
    import torch
    class MySquare(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x ** 2
        @staticmethod
        def backward(ctx, g):
            x, = ctx.saved_tensors
            return 2 * x * g
    x = torch.tensor([1., 2.], requires_grad=True)
    y = MySquare.apply(x)
    """

    @Test func gradFnPrintsLikePyTorch() throws {
        let session = TorchSession()
        #expect(session.run(Self.define) == "")
        let repr = session.run("print(y.grad_fn)")
        #expect(repr.range(of: #"^<torch\.autograd\.function\.MySquareBackward object at 0x[0-9a-f]+>\n$"#, options: .regularExpression) != nil, "\(repr)")
        #expect(session.run("print(type(y.grad_fn))") == "<class 'torch.autograd.function.MySquareBackward'>\n")
        #expect(session.run("print(y.grad_fn is y.grad_fn, MySquare._backward_cls is type(y.grad_fn))") == "True True\n")
        #expect(session.run("print(y)") == "tensor([1., 4.], grad_fn=<MySquareBackward>)\n")
    }

    @Test func savedTensorsAreFreedAndVersionChecked() {
        let session = TorchSession()
        session.run(Self.define)
        #expect(session.run("x2 = x.clone(); y2 = MySquare.apply(x2); x2.add_(1); y2.sum().backward()").hasPrefix(
            "RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]], which is output 0 of Add, is at version 1; expected version 0 instead."))
        #expect(session.run("y.sum().backward(); print(x.grad)") == "tensor([2., 4.])\n")
        #expect(session.run("y.grad_fn.saved_tensors").hasPrefix("RuntimeError: Trying to backward through the graph a second time"))
    }

    @Test func customNodeIsDifferentiableTwice() {
        let session = TorchSession()
        session.run(Self.define)
        let out = session.run("g, = torch.autograd.grad(y.sum(), x, create_graph=True)\nprint(g)\ng.sum().backward()\nprint(x.grad)")
        #expect(out == "tensor([2., 4.], grad_fn=<MulBackward0>)\ntensor([2., 2.])\n")
    }
}
