/// The entry for every spectral transform: MKL's DFTI when MKL is loaded (PyTorch's own
/// library, exact), the portable Swift FFT otherwise.
public enum FFTKernels {
    /// Whether transforms run on MKL (and so match PyTorch's last digits).
    public static var usesMKL: Bool { MKLDFTI.shared != nil }

    /// One batched transform over raw memory. `double` picks float64 parts (float32
    /// otherwise); complex elements are interleaved (re, im) pairs. Empty batches do nothing.
    public static func execute(_ kind: FFTKind, double: Bool, layout: FFTLayout, normalization: FFTNormalization,
                               input: UnsafeRawPointer, output: UnsafeMutableRawPointer) throws(TensorError) {
        guard layout.batch > 0, layout.signalCount > 0 else { return }
        if let mkl = MKLDFTI.shared {
            try mkl.execute(kind, double: double, layout: layout, normalization: normalization,
                            input: input, output: output)
        } else {
            PortableFFT.execute(kind, double: double, layout: layout, normalization: normalization,
                                input: input, output: output)
        }
    }

    /// Forces the portable path, for tests that compare it with MKL.
    static func executePortable(_ kind: FFTKind, double: Bool, layout: FFTLayout, normalization: FFTNormalization,
                                input: UnsafeRawPointer, output: UnsafeMutableRawPointer) {
        guard layout.batch > 0, layout.signalCount > 0 else { return }
        PortableFFT.execute(kind, double: double, layout: layout, normalization: normalization,
                            input: input, output: output)
    }
}
