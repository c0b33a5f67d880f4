#ifndef GRADBOOK_CAVX2KERNELS_H
#define GRADBOOK_CAVX2KERNELS_H

#include <stddef.h>

/// 1 when this CPU runs AVX2 and FMA instructions (the kernels below need both), else 0.
int gb_cpu_has_avx2_fma(void);

/// PyTorch's AVX2 `normal_fill_16` on `blocks` consecutive blocks of 16 floats that hold
/// uniforms in [0, 1): each block becomes 16 normals with `mean` and `std`, in place.
/// Call only when gb_cpu_has_avx2_fma() is 1.
void gb_normal_fill16_avx2(float *data, size_t blocks, float mean, float std);

#endif
