import Testing

/// Torch crashes found by the generated-program campaign (fuzz/RESULTS.md); outputs are
/// PyTorch 2.15's.
@Suite struct FuzzCrasherTorchTests {
    /// `linewidth - indent` overflowed Int (SIGILL); PyTorch accepts any int and prints one
    /// element per line.
    @Test func extremeLinewidths() {
        let session = TorchSession()
        session.run("import torch")
        #expect(session.run("torch.set_printoptions(linewidth=-2**63)\nprint(torch.zeros(3))") == "tensor([0.,\n        0.,\n        0.])\n")
        #expect(session.run("torch.set_printoptions(linewidth=2**63-1)\nprint(torch.zeros(3))") == "tensor([0., 0., 0.])\n")
    }
}
