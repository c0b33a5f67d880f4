import Testing
import Interpreter
import Torch

/// The resize warning of `out=` on torch.linalg functions: PyTorch prints it apart from
/// the output (stderr), so the golden lessons cannot hold it; its text is PyTorch 2.15's
/// (`torch.linalg.inv(A, out=torch.zeros(2))` there), and it names the user's line.
struct LinalgOutWarningTests {
    static func resized(_ old: String, _ new: String) -> String {
        "UserWarning: An output with one or more elements was resized since it had shape \(old), which does not match the required output shape \(new). This behavior is deprecated, and in a future PyTorch release outputs will not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, to zero elements with t.resize_(0). (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Resize.cpp:30.)"
    }

    /// Runs `code` after a setup cell and returns (output, warnings).
    static func run(_ code: String) -> (String, String) {
        let interp = Interpreter()
        TorchModule.install(into: interp, seed: 0)
        var warned = ""
        interp.warnings = { warned += $0 }
        let setup = interp.runCell("import torch\nA = torch.tensor([[4., 1., 0.], [1., 3., 1.], [0., 1., 2.]])\n",
                                   file: "w.md", firstLine: 1, timeout: 60)
        #expect(setup.error == nil)
        let r = interp.runCell(code, file: "w.md", firstLine: 10, timeout: 60)
        #expect(r.error == nil, "\(r.error?.traceback ?? "")")
        return (r.output, warned)
    }

    @Test func nonEmptyOutputOfAnotherShapeWarnsAtTheUsersLine() {
        let (out, warned) = Self.run("o = torch.zeros(2)\ntorch.linalg.inv(A, out=o)\nprint(o.shape, o.stride())\n")
        #expect(out == "torch.Size([3, 3]) (1, 3)\n")
        #expect(warned == "w.md:11: \(Self.resized("[2]", "[3, 3]"))\n  torch.linalg.inv(A, out=o)\n")
    }

    /// torch.fft's functions are Python calling Python; the warning still names the
    /// user's line, not a line of the embedded torch/fft.py (PyTorch 2.15 warns there too).
    @Test func fftOutputsOfAnotherShapeWarnAtTheUsersLine() {
        let (out, warned) = Self.run("o = torch.zeros(2, dtype=torch.complex64)\ntorch.fft.fft(A[0], out=o)\ntorch.fft.fft2(A, out=o)\nprint(o.shape)\n")
        #expect(out == "torch.Size([3, 3])\n")
        #expect(warned == "w.md:11: \(Self.resized("[2]", "[3]"))\n  torch.fft.fft(A[0], out=o)\n"
            + "w.md:12: \(Self.resized("[3]", "[3, 3]"))\n  torch.fft.fft2(A, out=o)\n")
    }

    @Test func emptyOrRightShapedOutputsDoNotWarn() {
        let (out, warned) = Self.run("o = torch.empty(0)\ntorch.linalg.det(A, out=o)\np = torch.zeros(3, 3)\ntorch.linalg.cholesky(A, out=p)\nprint(o.item(), p.stride())\n")
        #expect(out == "18.0 (3, 1)\n")
        #expect(warned == "")
    }

    @Test func everyResizedOutputOfANamedTupleWarns() {
        let (_, warned) = Self.run("torch.linalg.slogdet(A, out=(torch.zeros(1), torch.empty(0)))\ntorch.inverse(A, out=torch.zeros(3))\n")
        #expect(warned == "w.md:10: \(Self.resized("[1]", "[]"))\n  torch.linalg.slogdet(A, out=(torch.zeros(1), torch.empty(0)))\n"
            + "w.md:11: \(Self.resized("[3]", "[3, 3]"))\n  torch.inverse(A, out=torch.zeros(3))\n")
    }

    @Test func torchLuResizesWithoutWarning() {
        let (out, warned) = Self.run("o = (torch.zeros(2), torch.zeros(1, dtype=torch.int32))\ntorch.lu(A, out=o)\nprint(o[0].shape, o[1].tolist())\n")
        #expect(out == "torch.Size([3, 3]) [1, 2, 3]\n")
        #expect(!warned.contains("was resized"))
    }
}
