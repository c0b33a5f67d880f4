import Autograd
import Interpreter
import Tensors

/// The natives under `torch.fft` (Python/torch.fft.py): ATen's three spectral kernels with
/// PyTorch's own names and arguments — `torch._fft_c2c(input, dim, normalization, forward)`,
/// `torch._fft_r2c(input, dim, normalization, onesided)`, `torch._fft_c2r(input, dim,
/// normalization, last_dim_size)`, `normalization` being ATen's `fft_norm_mode` (0 none,
/// 1 by root n, 2 by n) — and `torch._fft_conj` / `torch._fft_to`, the conjugate and the
/// dtype conversion laid out as PyTorch's `empty_like` lays them out (MKL's rounding
/// depends on the strides it is given).
extension TorchRuntime {
    func bindFFT(_ b: Binder) {
        func normalization(_ v: PyValue, _ fn: String) throws -> FFTNormalization {
            switch try int(v, fn, "normalization") {
            case 0: return .none
            case 1: return .byRootN
            case 2: return .byN
            case let n: throw PyError.runtimeError("Unsupported normalization type\(n)")
            }
        }
        let c2cSig = Signature("_fft_c2c", ["self", "dim", "normalization", "forward"], required: 4)
        b.free("_fft_c2c") { [unowned self] _, args in
            let bound = try args.bind(c2cSig)
            let x = try tensor(bound[0]!, "_fft_c2c", "self", position: 1)
            let dims = try intList(bound[1]!, "_fft_c2c", "dim")
            let norm = try normalization(bound[2]!, "_fft_c2c")
            let forward = try bool(bound[3]!, "_fft_c2c", "forward")
            return wrap(try bridged { try Differentiable.fftC2C(x, dims: dims, normalization: norm, forward: forward) })
        }
        let r2cSig = Signature("_fft_r2c", ["self", "dim", "normalization", "onesided"], required: 4)
        b.free("_fft_r2c") { [unowned self] _, args in
            let bound = try args.bind(r2cSig)
            let x = try tensor(bound[0]!, "_fft_r2c", "self", position: 1)
            let dims = try intList(bound[1]!, "_fft_r2c", "dim")
            let norm = try normalization(bound[2]!, "_fft_r2c")
            let onesided = try bool(bound[3]!, "_fft_r2c", "onesided")
            return wrap(try bridged { try Differentiable.fftR2C(x, dims: dims, normalization: norm, onesided: onesided) })
        }
        let c2rSig = Signature("_fft_c2r", ["self", "dim", "normalization", "last_dim_size"], required: 4)
        b.free("_fft_c2r") { [unowned self] _, args in
            let bound = try args.bind(c2rSig)
            let x = try tensor(bound[0]!, "_fft_c2r", "self", position: 1)
            let dims = try intList(bound[1]!, "_fft_c2r", "dim")
            let norm = try normalization(bound[2]!, "_fft_c2r")
            let size = try int(bound[3]!, "_fft_c2r", "last_dim_size")
            return wrap(try bridged { try Differentiable.fftC2R(x, dims: dims, normalization: norm, lastDimSize: size) })
        }
        // ATen's lazy `conj()` after an r2c / before a c2r (a view with the conjugate bit,
        // ConjBackward0 under autograd), and `conj_physical` (ihfftn's middle step).
        b.free("_fft_conj") { [unowned self] interp, args in
            let x = try tensor(try args.bind(Signature("_fft_conj", ["self"], required: 1))[0]!, "_fft_conj", "self", position: 1)
            guard x.dtype.isComplex else { return wrap(x) }
            return bitView(interp, x, Differentiable.conjView(x))
        }
        b.free("_fft_conj_physical") { [unowned self] _, args in
            let x = try tensor(try args.bind(Signature("_fft_conj_physical", ["self"], required: 1))[0]!, "_fft_conj_physical", "self", position: 1)
            return wrap(try bridged { try Differentiable.conjPhysical(x) })
        }
        b.free("_fft_to") { [unowned self] _, args in
            let bound = try args.bind(Signature("_fft_to", ["self", "dtype"], required: 2))
            let x = try tensor(bound[0]!, "_fft_to", "self", position: 1)
            guard let dt = try dtype(bound[1]) else { throw PyError.typeError("_fft_to() needs a dtype") }
            return wrap(try bridged { try Differentiable.fftTo(x, dt) })
        }
    }
}
