/// ATen's `fft_norm_mode`: how a transform scales its result. NumPy's `norm` strings map
/// onto it per direction (`"backward"` is `none` forward and `byN` backward).
public enum FFTNormalization: Sendable, Equatable {
    case none
    /// Divided by the signal's element count.
    case byN
    /// Divided by the square root of the signal's element count.
    case byRootN

    /// ATen's `norm_from_string`: nil is `"backward"`; an unknown name is nil.
    public init?(norm: String?, forward: Bool) {
        switch norm {
        case nil, "backward": self = forward ? .none : .byN
        case "forward": self = forward ? .byN : .none
        case "ortho": self = .byRootN
        default: return nil
        }
    }

    /// The factor as ATen's `_plan_mkl_fft` computes it, in double: `1 / n` or `1 / sqrt(n)`.
    public func scale(signalCount n: Int) -> Double? {
        switch self {
        case .none: nil
        case .byN: 1.0 / Double(n)
        case .byRootN: 1.0 / Double(n).squareRoot()
        }
    }
}

/// Which side of a transform is complex: ATen's three kernels `_fft_c2c`, `_fft_r2c`
/// (one-sided output) and `_fft_c2r` (one-sided input).
public enum FFTKind: Sendable, Equatable {
    case complexToComplex(forward: Bool)
    case realToComplex
    case complexToReal
}

/// A batch of equal transforms laid out in memory, as ATen's `_exec_fft` describes it to
/// MKL: the full (two-sided) signal sizes, a batch count with the distance between
/// consecutive signals, and per signal dimension the strides of input and output, all in
/// elements of each side's domain (a complex element is one (re, im) pair). The one-sided
/// side of an r2c/c2r transform holds `n / 2 + 1` elements in the last signal dimension.
public struct FFTLayout: Sendable, Equatable {
    public var signalSizes: [Int]
    public var batch: Int
    public var inputDistance: Int
    public var outputDistance: Int
    public var inputStrides: [Int]
    public var outputStrides: [Int]

    public init(signalSizes: [Int], batch: Int, inputDistance: Int, outputDistance: Int,
                inputStrides: [Int], outputStrides: [Int]) {
        precondition(!signalSizes.isEmpty && inputStrides.count == signalSizes.count
                     && outputStrides.count == signalSizes.count)
        self.signalSizes = signalSizes
        self.batch = batch
        self.inputDistance = inputDistance
        self.outputDistance = outputDistance
        self.inputStrides = inputStrides
        self.outputStrides = outputStrides
    }

    /// A dense batch: signals one after another, row-major inside each.
    public static func contiguous(_ kind: FFTKind, signalSizes: [Int], batch: Int) -> FFTLayout {
        var half = signalSizes
        half[half.count - 1] = half[half.count - 1] / 2 + 1
        let inSizes: [Int], outSizes: [Int]
        switch kind {
        case .complexToComplex: (inSizes, outSizes) = (signalSizes, signalSizes)
        case .realToComplex: (inSizes, outSizes) = (signalSizes, half)
        case .complexToReal: (inSizes, outSizes) = (half, signalSizes)
        }
        func rowMajor(_ s: [Int]) -> [Int] {
            var strides = [Int](repeating: 1, count: s.count)
            for i in stride(from: s.count - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * s[i + 1] }
            return strides
        }
        return FFTLayout(signalSizes: signalSizes, batch: batch,
                         inputDistance: inSizes.reduce(1, *), outputDistance: outSizes.reduce(1, *),
                         inputStrides: rowMajor(inSizes), outputStrides: rowMajor(outSizes))
    }

    /// Elements in one signal (the count normalization divides by).
    public var signalCount: Int { signalSizes.reduce(1, *) }
}
