import Foundation
import Testing

/// PyTorch 2.15 warns, once per process, when `float()` (or `complex()`, `math.floor`...)
/// converts a tensor that requires grad while grad mode is on (not under no_grad); `int()`, `.item()` and detached tensors stay silent.
@Suite struct ScalarConversionWarningTests {
    @Test func floatOfATensorThatRequiresGradWarnsOnce() throws {
        let script = """
        import torch
        x = torch.tensor([1., 2.], requires_grad=True)
        y = x.sum()
        print(int(y), y.item(), float(x.detach()[0]))
        with torch.no_grad():
            print(float(y))
        print(float(y))
        print(float(y), complex(y))
        """
        let scratch = try Scratch(["w.py": script])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["exec", "w.py"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "3 3.0 1.0\n3.0\n3.0\n3.0 (3+0j)\n")
        #expect(result.stderr == """
        w.py:7: UserWarning: Converting a tensor with requires_grad=True to a scalar may lead to unexpected behavior.
        Consider using tensor.detach() first. (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/generated/python_variable_methods.cpp:820.)
          print(float(y))

        """)
    }
}
