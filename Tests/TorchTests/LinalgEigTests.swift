import Testing
import Tensors

/// `torch.linalg.eig`/`eigvals` where Gradbook must differ from PyTorch, so no golden can
/// say it: complex autograd does not exist here, so an input that requires grad raises
/// rather than returning results that would silently cut the graph. The numbers themselves
/// are checked against PyTorch in LinalgLessons/linalg-eig.md.
struct LinalgEigTests {
    @Test func inputThatRequiresGradRaisesNotImplemented() {
        let s = TorchSession()
        let out = s.run("""
        import torch
        a = torch.tensor([[0., -1.], [1., 0.]], requires_grad=True)
        torch.linalg.eig(a)
        """)
        #expect(out == "NotImplementedError: linalg.eig: Gradbook has no autograd for complex results; call it on A.detach() or under torch.no_grad()\n")
        #expect(s.run("torch.linalg.eigvals(a)").hasPrefix("NotImplementedError: linalg.eig: Gradbook has no autograd"))
    }

    @Test func withoutGradTheSameInputWorks() {
        let s = TorchSession()
        let out = s.run("""
        import torch
        a = torch.tensor([[0., -1.], [1., 0.]], requires_grad=True)
        with torch.no_grad():
            print(torch.linalg.eigvals(a))
        L, V = torch.linalg.eig(a.detach())
        print(L.requires_grad, V.stride(), V.dtype)
        """)
        #expect(out == "tensor([0.+1.j, 0.-1.j])\nFalse (1, 2) torch.complex64\n")
    }

    @Test func geevSourceIsTheLoadedLAPACK() throws {
        // With MKL loaded geev is MKL's (the LAPACK PyTorch links), like getrf and syevd.
        let r = try LinalgKernels.generalEigen(try Tensor(values: [2.0, 0, 0, 3] as [Double], shape: [2, 2], dtype: .float64), vectors: false)
        #expect(r.values.dtype == DType.complex128)
        #expect(r.vectors.sizes == [0])
        #expect(try r.info.elements(as: Int32.self) == [0])
    }
}
