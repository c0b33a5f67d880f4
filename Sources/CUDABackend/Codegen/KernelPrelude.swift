/// The text every generated kernel source starts with.
///
/// One source compiles two ways: by NVRTC for the GPU (`__CUDACC_RTC__` defined), and by the
/// host C compiler in tests, where `threadIdx`/`blockIdx` are plain variables and each kernel
/// gets a launcher that runs its grid as a loop. So kernels must not use shared memory or
/// `__syncthreads` (every family here is written without them: reductions go through a
/// buffer of partial results instead).
///
/// Half types are stored as `unsigned short` and converted with portable bit arithmetic, so
/// neither `cuda_fp16.h` nor a host half type is needed.
enum KernelPrelude {
    /// Slots of `GBArgs`, all 8 bytes wide so the Swift side packs them without padding rules.
    static let maxRank = 8
    static let operandCount = 4

    static let text = #"""
#ifdef __CUDACC_RTC__
#define GB_DEVICE static __device__ __forceinline__
#define GB_KERNEL(name) extern "C" __global__ void name(GBArgs a)
GB_DEVICE float gb_bits_f(unsigned int b) { return __uint_as_float(b); }
GB_DEVICE unsigned int gb_f_bits(float f) { return __float_as_uint(f); }
GB_DEVICE double gb_bits_d(long long b) { return __longlong_as_double(b); }
GB_DEVICE float gb_sincos_sin(float v) { float s, c; __sincosf(v, &s, &c); return s; }
GB_DEVICE float gb_sincos_cos(float v) { float s, c; __sincosf(v, &s, &c); return c; }
#else
#include <math.h>
#include <string.h>
typedef struct { unsigned int x, y, z; } gb_dim3;
/* Thread-local: launches from different threads (parallel tests) each run their own grid. */
static __thread gb_dim3 threadIdx, blockIdx, blockDim, gridDim;
#define GB_DEVICE static inline
#define __global__
#define __device__
#define __forceinline__
static inline float gb_bits_f(unsigned int b) { float f; memcpy(&f, &b, 4); return f; }
static inline unsigned int gb_f_bits(float f) { unsigned int b; memcpy(&b, &f, 4); return b; }
static inline double gb_bits_d(long long b) { double d; memcpy(&d, &b, 8); return d; }
static inline float gb_sincos_sin(float v) { return sinf(v); }
static inline float gb_sincos_cos(float v) { return cosf(v); }
#define GB_KERNEL(name) \
  void name(GBArgs a); \
  void gb_launch_##name(const GBArgs *args, unsigned int grid, unsigned int block) { \
    gridDim.x = grid; gridDim.y = gridDim.z = 1; blockDim.x = block; blockDim.y = blockDim.z = 1; \
    for (unsigned int b = 0; b < grid; b++) for (unsigned int t = 0; t < block; t++) { \
      blockIdx.x = b; threadIdx.x = t; name(*args); } } \
  void name(GBArgs a)
#endif

typedef struct {
  long long n, rank, sizes[8], strides[4][8];
  unsigned long long ptr[4];
  long long s[4];
  long long rrank, rsizes[8], rstrides[8], rn, parts;
} GBArgs;

#define GB_INFF gb_bits_f(0x7f800000u)
#define GB_NANF gb_bits_f(0x7fc00000u)
#define GB_INF gb_bits_d(0x7ff0000000000000LL)
#define GB_NAN gb_bits_d(0x7ff8000000000000LL)

GB_DEVICE float gb_h2f(unsigned short h) {
  unsigned int sign = ((unsigned int)h & 0x8000u) << 16, e = (h >> 10) & 0x1fu, m = h & 0x3ffu;
  if (e == 0) { float f = (float)m * (1.0f / 16777216.0f); return sign ? -f : f; }
  if (e == 31) return gb_bits_f(sign | 0x7f800000u | (m << 13));
  return gb_bits_f(sign | ((e + 112u) << 23) | (m << 13));
}
GB_DEVICE unsigned short gb_f2h(float f) {
  unsigned int x = gb_f_bits(f), sign = (x >> 16) & 0x8000u, ax = x & 0x7fffffffu;
  if (ax >= 0x7f800000u) return (unsigned short)(sign | (ax > 0x7f800000u ? 0x7e00u : 0x7c00u));
  if (ax >= 0x477ff000u) return (unsigned short)(sign | 0x7c00u);
  if (ax < 0x38800000u) return (unsigned short)(sign | (unsigned int)rintf(gb_bits_f(ax) * 16777216.0f));
  ax += 0xc8000fffu + ((ax >> 13) & 1u);
  return (unsigned short)(sign | (ax >> 13));
}
GB_DEVICE float gb_bf2f(unsigned short h) { return gb_bits_f((unsigned int)h << 16); }
GB_DEVICE unsigned short gb_f2bf(float f) {
  unsigned int x = gb_f_bits(f);
  if (f != f) return 0x7fc0;
  return (unsigned short)((x + 0x7fffu + ((x >> 16) & 1u)) >> 16);
}

GB_DEVICE long long gb_d2ll(double d) {
  if (d != d || d >= 9.223372036854775807e18 || d < -9.223372036854775808e18) return (long long)(0x8000000000000000ULL);
  return (long long)d;
}

/* Element offsets of linear index i for the first `ops` operands. */
#define GB_OFFSETS(i, o) \
  long long o[4] = {0, 0, 0, 0}; \
  { long long r_ = (i); for (int d_ = (int)a.rank - 1; d_ >= 0; d_--) { \
      long long c_ = r_ % a.sizes[d_]; r_ /= a.sizes[d_]; \
      o[0] += c_ * a.strides[0][d_]; o[1] += c_ * a.strides[1][d_]; \
      o[2] += c_ * a.strides[2][d_]; o[3] += c_ * a.strides[3][d_]; } }
#define GB_GRID_LOOP(i, n) \
  for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < (n); \
       i += (long long)blockDim.x * gridDim.x)

"""#
}
