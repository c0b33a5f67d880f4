#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// MKL's FFT interface (DFTI), from the MKL that `MKLLibrary` loaded: PyTorch's CPU build
/// computes every `torch.fft` transform with it (`aten/src/ATen/native/mkl/SpectralOps.cpp`;
/// pocketfft is compiled in only when MKL is absent), so with the same library and thread
/// count the results are PyTorch's to the last bit.
///
/// `DftiCreateDescriptor` is a C macro over `DftiCreateDescriptor_{s,d}_{1d,md}`, which are
/// called here directly. `DftiSetValue` is variadic: integer and pointer values pass through
/// a fixed prototype unchanged on x86-64, but a `double` needs the caller to announce
/// vector registers, which Swift cannot do, so the scale goes through MKL's Fortran entry
/// `dfti_set_value_dblval_` (arguments by reference), which sets the same descriptor field.
final class MKLDFTI: @unchecked Sendable {
    static let shared: MKLDFTI? = load()

    typealias Handle = OpaquePointer
    private typealias Create1D = @convention(c) (UnsafeMutablePointer<Handle?>, Int32, Int) -> Int
    private typealias CreateMD = @convention(c) (UnsafeMutablePointer<Handle?>, Int32, Int, UnsafePointer<Int>) -> Int
    private typealias SetInt = @convention(c) (Handle, Int32, Int) -> Int
    private typealias SetVector = @convention(c) (Handle, Int32, UnsafePointer<Int>) -> Int
    private typealias SetDouble = @convention(c) (UnsafeMutablePointer<Handle?>, UnsafePointer<Int32>, UnsafePointer<Double>) -> Int32
    private typealias Commit = @convention(c) (Handle) -> Int
    private typealias Compute = @convention(c) (Handle, UnsafeMutableRawPointer, UnsafeMutableRawPointer) -> Int
    private typealias Free = @convention(c) (UnsafeMutablePointer<Handle?>) -> Int
    private typealias Message = @convention(c) (Int) -> UnsafePointer<CChar>?

    private let createS1D: Create1D, createD1D: Create1D, createSMD: CreateMD, createDMD: CreateMD
    private let setInt: SetInt, setVector: SetVector, setDouble: SetDouble
    private let commit: Commit, computeForward: Compute, computeBackward: Compute, free: Free
    private let message: Message

    // mkl_dfti.h's enumerators.
    private enum Param: Int32 {
        case forwardScale = 4, backwardScale = 5, numberOfTransforms = 7, conjugateEvenStorage = 10
        case placement = 11, inputStrides = 12, outputStrides = 13, inputDistance = 14, outputDistance = 15
    }
    private enum Value {
        static let complex = 32, real = 33, single: Int32 = 35, double: Int32 = 36
        static let complexComplex = 39, notInPlace = 44
    }

    private init?(handle: UnsafeMutableRawPointer) {
        func symbol<F>(_ name: String, _ type: F.Type) -> F? {
            guard let s = dlsym(handle, name) else { return nil }
            return unsafeBitCast(s, to: type)
        }
        guard let s1 = symbol("DftiCreateDescriptor_s_1d", Create1D.self),
              let d1 = symbol("DftiCreateDescriptor_d_1d", Create1D.self),
              let sm = symbol("DftiCreateDescriptor_s_md", CreateMD.self),
              let dm = symbol("DftiCreateDescriptor_d_md", CreateMD.self),
              let setValue = dlsym(handle, "DftiSetValue"),
              let setDouble = symbol("dfti_set_value_dblval_", SetDouble.self),
              let commit = symbol("DftiCommitDescriptor", Commit.self),
              let forward = symbol("DftiComputeForward", Compute.self),
              let backward = symbol("DftiComputeBackward", Compute.self),
              let free = symbol("DftiFreeDescriptor", Free.self),
              let message = symbol("DftiErrorMessage", Message.self)
        else { return nil }
        createS1D = s1; createD1D = d1; createSMD = sm; createDMD = dm
        setInt = unsafeBitCast(setValue, to: SetInt.self)
        setVector = unsafeBitCast(setValue, to: SetVector.self)
        self.setDouble = setDouble
        self.commit = commit; computeForward = forward; computeBackward = backward
        self.free = free; self.message = message
    }

    private static func load() -> MKLDFTI? {
        guard let mkl = MKLLibrary.shared,
              let handle = dlopen(mkl.path, RTLD_NOW | RTLD_NOLOAD) else { return nil }
        return MKLDFTI(handle: handle)
    }

    /// Runs one batched transform as `_plan_mkl_fft` plans it and `_exec_fft` runs it.
    /// `input` is not written (the placement is out of place).
    func execute(_ kind: FFTKind, double: Bool, layout: FFTLayout, normalization: FFTNormalization,
                 input: UnsafeRawPointer, output: UnsafeMutableRawPointer) throws(TensorError) {
        let forward: Bool, domain: Int
        switch kind {
        case .complexToComplex(let f): forward = f; domain = Value.complex
        case .realToComplex: forward = true; domain = Value.real
        case .complexToReal: forward = false; domain = Value.real
        }
        var descriptor: Handle?
        let ndim = layout.signalSizes.count
        let created: Int = layout.signalSizes.withUnsafeBufferPointer { sizes in
            if ndim == 1 {
                return (double ? createD1D : createS1D)(&descriptor, Int32(domain), sizes[0])
            }
            return (double ? createDMD : createSMD)(&descriptor, Int32(domain), ndim, sizes.baseAddress!)
        }
        try check(created)
        defer { _ = free(&descriptor) }
        guard let d = descriptor else { throw .runtime("MKL FFT error: no descriptor") }
        try check(setInt(d, Param.placement.rawValue, Value.notInPlace))
        try check(setInt(d, Param.numberOfTransforms.rawValue, layout.batch))
        try check(setInt(d, Param.inputDistance.rawValue, layout.inputDistance))
        try check(setInt(d, Param.outputDistance.rawValue, layout.outputDistance))
        // The first entry is an offset, which ATen leaves at 0.
        try check(([0] + layout.inputStrides).withUnsafeBufferPointer { setVector(d, Param.inputStrides.rawValue, $0.baseAddress!) })
        try check(([0] + layout.outputStrides).withUnsafeBufferPointer { setVector(d, Param.outputStrides.rawValue, $0.baseAddress!) })
        if case .complexToComplex = kind {} else {
            try check(setInt(d, Param.conjugateEvenStorage.rawValue, Value.complexComplex))
        }
        if let scale = normalization.scale(signalCount: layout.signalCount) {
            var parameter = forward ? Param.forwardScale.rawValue : Param.backwardScale.rawValue
            var value = scale
            let status = setDouble(&descriptor, &parameter, &value)
            try check(Int(status))
        }
        try check(commit(d))
        let run = forward ? computeForward : computeBackward
        try check(run(d, UnsafeMutableRawPointer(mutating: input), output))
    }

    private func check(_ status: Int) throws(TensorError) {
        guard status != 0 else { return }
        let text = message(status).map { String(cString: $0) } ?? "status \(status)"
        throw .runtime("MKL FFT error: \(text)")
    }
}
