import Testing

/// `F.nll_loss` on (N, C, d1, ...) inputs with mismatched targets: PyTorch 2.15's texts
/// (printed by running the same calls in PyTorch). They once printed `\(n)` literally.
@Suite struct SpatialNllLossErrorTests {
    @Test func mismatchedTargetsNameTheirSizes() {
        let session = TorchSession()
        session.run("import torch, torch.nn.functional as F")
        #expect(session.run("F.nll_loss(torch.randn(2, 3, 4, 5), torch.zeros(3, 4, 5, dtype=torch.long))")
                == "ValueError: Expected input batch_size (2) to match target batch_size (3).\n")
        #expect(session.run("F.nll_loss(torch.randn(2, 3, 4, 5), torch.zeros(2, 4, dtype=torch.long))")
                == "RuntimeError: only batches of spatial targets supported (3D tensors) but got targets of dimension: 2\n")
        #expect(session.run("F.nll_loss(torch.randn(2, 3, 4, 5, 6), torch.zeros(2, 4, 5, dtype=torch.long))")
                == "RuntimeError: Expected target size [2, 4, 5, 6], got [2, 4, 5]\n")
    }
}
