// PyTorch's float32 `randn`/`normal_` (AVX2 build) on blocks of 16: Box-Muller with the
// `log256_ps`/`sincos256_ps` polynomials of avx_mathfun, eight lanes at once.
//
// The operations are those of Sources/Tensors/Random/AVX2MathFun.swift (the scalar
// replica, read off the disassembly of PyTorch 2.15's libtorch_cpu.so): each fused
// multiply-add there is `_mm256_fmadd_ps` here and every separate multiply and add stays
// separate, so the results are bit for bit the same. Contraction is off so that the
// compiler fuses nothing on its own.
#include "CAVX2Kernels.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>

#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

int gb_cpu_has_avx2_fma(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

#define AVX2_FMA __attribute__((target("avx2,fma")))

static inline AVX2_FMA __m256 fused(__m256 a, __m256 b, __m256 c) { return _mm256_fmadd_ps(a, b, c); }
static inline AVX2_FMA __m256 splat(float v) { return _mm256_set1_ps(v); }
/// -v as Swift's prefix minus computes it: the sign bit flipped (0 - v would turn -0 into +0).
static inline AVX2_FMA __m256 negated(__m256 v) {
    return _mm256_xor_ps(v, _mm256_castsi256_ps(_mm256_set1_epi32((int)0x80000000u)));
}

/// log256_ps for positive finite lanes.
static inline AVX2_FMA __m256 log8(__m256 input) {
    __m256 x = _mm256_max_ps(input, _mm256_castsi256_ps(_mm256_set1_epi32(0x00800000)));
    __m256i bits = _mm256_castps_si256(x);
    __m256i exponent = _mm256_sub_epi32(_mm256_srli_epi32(bits, 23), _mm256_set1_epi32(0x7f));
    __m256 e = _mm256_add_ps(_mm256_cvtepi32_ps(exponent), splat(1.0f));
    bits = _mm256_and_si256(bits, _mm256_set1_epi32(~0x7f800000));
    x = _mm256_or_ps(_mm256_castsi256_ps(bits), splat(0.5f));
    __m256 below = _mm256_cmp_ps(x, splat(0.707106781186547524f), _CMP_LT_OS);
    __m256 tmp = _mm256_and_ps(x, below);
    x = _mm256_add_ps(x, splat(-1.0f));
    e = _mm256_sub_ps(e, _mm256_and_ps(splat(1.0f), below));
    x = _mm256_add_ps(tmp, x);
    __m256 z = _mm256_mul_ps(x, x);
    __m256 y = splat(7.0376836292E-2f);
    y = fused(y, x, splat(-1.1514610310E-1f));
    y = fused(y, x, splat(1.1676998740E-1f));
    y = fused(y, x, splat(-1.2420140846E-1f));
    y = fused(y, x, splat(1.4249322787E-1f));
    y = fused(y, x, splat(-1.6668057665E-1f));
    y = fused(y, x, splat(2.0000714765E-1f));
    y = fused(y, x, splat(-2.4999993993E-1f));
    y = fused(y, x, splat(3.3333331174E-1f));
    y = _mm256_mul_ps(x, y);
    y = fused(y, z, _mm256_mul_ps(e, splat(-2.12194440e-4f)));
    y = fused(negated(z), splat(0.5f), y);
    x = _mm256_add_ps(x, y);
    return fused(e, splat(0.693359375f), x);
}

/// sincos256_ps for finite lanes.
static inline AVX2_FMA void sincos8(__m256 input, __m256 *sine, __m256 *cosine) {
    const __m256 signBit = _mm256_castsi256_ps(_mm256_set1_epi32((int)0x80000000u));
    __m256 x = _mm256_andnot_ps(signBit, input);
    __m256i signSin = _mm256_and_si256(_mm256_castps_si256(input), _mm256_castps_si256(signBit));
    __m256i j = _mm256_cvttps_epi32(_mm256_mul_ps(x, splat(1.27323954473516f)));
    j = _mm256_and_si256(_mm256_add_epi32(j, _mm256_set1_epi32(1)), _mm256_set1_epi32(~1));
    __m256 y0 = _mm256_cvtepi32_ps(j);
    signSin = _mm256_xor_si256(signSin, _mm256_slli_epi32(_mm256_and_si256(j, _mm256_set1_epi32(4)), 29));
    __m256i useSin = _mm256_cmpeq_epi32(_mm256_and_si256(j, _mm256_set1_epi32(2)), _mm256_setzero_si256());
    __m256 sinMask = _mm256_castsi256_ps(useSin);
    x = fused(y0, splat(-0.78515625f), x);
    x = fused(y0, splat(-2.4187564849853515625e-4f), x);
    x = fused(y0, splat(-3.77489497744594108e-8f), x);
    __m256i signCos = _mm256_slli_epi32(
        _mm256_andnot_si256(_mm256_sub_epi32(j, _mm256_set1_epi32(2)), _mm256_set1_epi32(4)), 29);
    __m256 z = _mm256_mul_ps(x, x);
    __m256 half = _mm256_mul_ps(z, splat(0.5f));
    __m256 c = splat(2.443315711809948E-005f);
    c = fused(c, z, splat(-1.388731625493765E-003f));
    c = fused(c, z, splat(4.166664568298827E-002f));
    c = _mm256_mul_ps(c, z);
    c = fused(c, z, negated(half));
    c = _mm256_add_ps(c, splat(1.0f));
    __m256 s = splat(-1.9515295891E-4f);
    s = fused(s, z, splat(8.3321608736E-3f));
    s = fused(s, z, splat(-1.6666654611E-1f));
    s = _mm256_mul_ps(z, s);
    s = fused(x, s, x);
    __m256 sinPart = _mm256_and_ps(sinMask, s);
    __m256 cosPart = _mm256_andnot_ps(sinMask, c);
    __m256 sinValue = _mm256_add_ps(cosPart, sinPart);
    __m256 cosValue = _mm256_add_ps(_mm256_sub_ps(c, cosPart), _mm256_sub_ps(s, sinPart));
    *sine = _mm256_xor_ps(sinValue, _mm256_castsi256_ps(signSin));
    *cosine = _mm256_xor_ps(cosValue, _mm256_castsi256_ps(signCos));
}

AVX2_FMA void gb_normal_fill16_avx2(float *data, size_t blocks, float mean, float std) {
    const __m256 meanV = splat(mean), stdV = splat(std);
    const __m256 twoPi = splat((float)(2.0 * 3.14159265358979323846));
    for (size_t b = 0; b < blocks; b++, data += 16) {
        __m256 u1 = _mm256_sub_ps(splat(1.0f), _mm256_loadu_ps(data));
        __m256 u2 = _mm256_loadu_ps(data + 8);
        __m256 radius = _mm256_sqrt_ps(_mm256_mul_ps(splat(-2.0f), log8(u1)));
        __m256 theta = _mm256_mul_ps(twoPi, u2);
        __m256 sine, cosine;
        sincos8(theta, &sine, &cosine);
        _mm256_storeu_ps(data, fused(_mm256_mul_ps(radius, cosine), stdV, meanV));
        _mm256_storeu_ps(data + 8, fused(_mm256_mul_ps(radius, sine), stdV, meanV));
    }
}

#else

int gb_cpu_has_avx2_fma(void) { return 0; }
void gb_normal_fill16_avx2(float *data, size_t blocks, float mean, float std) {
    (void)data; (void)blocks; (void)mean; (void)std;
}

#endif
