import Tensors

/// Kernels for `normal_`/`uniform_` on float32 tensors with PyTorch's CUDA streams: the
/// same Philox rounds, curand's conversions and the grid-stride assignment of
/// `distribution_elementwise_grid_stride_kernel` (see PhiloxLaunch), so the numbers match
/// PyTorch's on a GPU. Launch with exactly `PhiloxLaunch.blocks` blocks of 256 threads.
/// Slots: s[0] seed, s[1] offset, s[2]/s[3] mean/std (or from/to) as float bits.
enum PhiloxSource {
    enum Distribution: String { case normal, uniform }

    static func source(_ distribution: Distribution, output: DType) -> KernelSource {
        let o = CType(output)
        let name = "gb_philox_\(distribution.rawValue)_\(o.tag)"
        let transform: String = switch distribution {
        case .normal:
            """
            float s_ = sqrtf(-2.0f * logf(gb_unit(w[(lane_ & 2)])));
            float v_ = gb_angle(w[(lane_ & 2) + 1]);
            float r_ = (lane_ & 1) ? gb_sincos_cos(v_) * s_ : gb_sincos_sin(v_) * s_;
            float value_ = fmaf(r_, p3_, p2_);
            """
        case .uniform:
            """
            float value_ = fmaf(gb_unit(w[lane_]), p3_ - p2_, p2_);
            if (value_ == p3_) value_ = p2_;
            """
        }
        let body = """
        GB_DEVICE void gb_philox(unsigned int c[4], unsigned int k0, unsigned int k1) {
          for (int r = 0; r < 10; r++) {
            if (r > 0) { k0 += 0x9E3779B9u; k1 += 0xBB67AE85u; }
            unsigned long long p0 = (unsigned long long)0xD2511F53u * c[0], p1 = (unsigned long long)0xCD9E8D57u * c[2];
            unsigned int n0 = (unsigned int)(p1 >> 32) ^ c[1] ^ k0, n1 = (unsigned int)p1;
            unsigned int n2 = (unsigned int)(p0 >> 32) ^ c[3] ^ k1, n3 = (unsigned int)p0;
            c[0] = n0; c[1] = n1; c[2] = n2; c[3] = n3;
          }
        }
        GB_DEVICE float gb_unit(unsigned int x) { return fmaf((float)x, 2.3283064e-10f, 2.3283064e-10f / 2.0f); }
        GB_DEVICE float gb_angle(unsigned int x) {
          const float k_ = 2.3283064e-10f * 6.2831855f;
          return fmaf((float)x, k_, k_ / 2.0f);
        }
        GB_KERNEL(\(name)) {
          unsigned long long seed_ = (unsigned long long)a.s[0], offset_ = (unsigned long long)a.s[1];
          float p2_ = gb_bits_f((unsigned int)a.s[2]), p3_ = gb_bits_f((unsigned int)a.s[3]);
          long long idx_ = (long long)blockIdx.x * blockDim.x + threadIdx.x;
          long long stride_ = (long long)blockDim.x * gridDim.x;
          long long rounded_ = ((a.n - 1) / (stride_ * 4) + 1) * stride_ * 4;
          unsigned long long pos_ = offset_ / 4;
          for (long long base_ = idx_; base_ < rounded_; base_ += stride_ * 4, pos_++) {
            unsigned int w[4] = {(unsigned int)pos_, (unsigned int)(pos_ >> 32), (unsigned int)idx_, (unsigned int)((unsigned long long)idx_ >> 32)};
            gb_philox(w, (unsigned int)seed_, (unsigned int)(seed_ >> 32));
            for (int lane_ = 0; lane_ < 4; lane_++) {
              long long li = base_ + stride_ * lane_;
              if (li < a.n) {
                \(transform)
                GB_OFFSETS(li, o)
                ((\(o.storage)*)a.ptr[0])[o[0]] = \(o.store("value_"));
              }
            }
          }
        }

        """
        return KernelSource(name: name, body: body)
    }
}
