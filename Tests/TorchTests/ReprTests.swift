import Testing

/// Reprs and basic values, expected text from PyTorch 2.15.
@Suite struct ReprTests {
    @Test func tensorCreationPrints() {
        let s = TorchSession()
        #expect(s.run("import torch\nprint(torch.tensor([1.5, 2.0]))") == "tensor([1.5000, 2.0000])\n")
        #expect(s.run("torch.tensor([[1, 2], [3, 4]], dtype=torch.int32)") == "tensor([[1, 2],\n        [3, 4]], dtype=torch.int32)\n")
        #expect(s.run("torch.zeros(2, 3).shape") == "torch.Size([2, 3])\n")
        #expect(s.run("torch.float32, torch.float, torch.long is torch.int64") == "(torch.float32, torch.float32, True)\n")
    }
}
