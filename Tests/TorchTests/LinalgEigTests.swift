import Testing
import Tensors

/// `torch.linalg.eig`/`eigvals` without a gradient and the LAPACK behind them. The numbers
/// themselves are checked against PyTorch in LinalgLessons/linalg-eig.md, their gradients
/// in ComplexLessons/complex-autograd.md and CapabilityScripts/complex-grad.py.
struct LinalgEigTests {
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
