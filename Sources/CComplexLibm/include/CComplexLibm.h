#ifndef GRADBOOK_CCOMPLEXLIBM_H
#define GRADBOOK_CCOMPLEXLIBM_H

/// The C library's complex functions (`csinf`, `ctanh`, ...), which Swift cannot call
/// directly (C `_Complex` types are not imported). PyTorch's CPU kernels for these ops
/// call `std::sin(std::complex<T>)` and friends element by element, which libstdc++ hands
/// to the same C functions, so results are PyTorch's bit for bit.
typedef enum {
    GB_CSIN, GB_CCOS, GB_CTAN, GB_CSINH, GB_CCOSH, GB_CTANH, GB_CASIN, GB_CACOS, GB_CATANH,
    GB_CATAN, GB_CASINH, GB_CACOSH
} gb_complex_fn;

/// out[0] + i·out[1] = fn(re + i·im) in single precision.
void gb_complex_libm_f(gb_complex_fn fn, float re, float im, float *out);

/// out[0] + i·out[1] = fn(re + i·im) in double precision.
void gb_complex_libm_d(gb_complex_fn fn, double re, double im, double *out);

/// out[0] + i·out[1] = cpowf(re + i·im, ere + i·eim): ATen's complex pow is
/// `std::pow(complex, complex)` element by element, which libstdc++ hands to `cpow`.
void gb_complex_pow_f(float re, float im, float ere, float eim, float *out);

/// The same in double precision (`cpow`).
void gb_complex_pow_d(double re, double im, double ere, double eim, double *out);

#endif
