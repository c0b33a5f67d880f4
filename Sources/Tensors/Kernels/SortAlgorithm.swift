/// Which algorithm PyTorch 2.15's CPU `sort_kernel` (aten/src/ATen/native/cpu/SortingKernel.cpp)
/// runs for a sort; it fixes the order of tied keys, which `indices` shows.
///
/// What the released 2.15 CPU wheel does, in its order:
/// - `stable=True` → `std::stable_sort` (ties in input order);
/// - a line with stride 0 along `dim` (an expanded tensor) → indices 0..<n, untouched;
/// - 1-d ascending non-bool integers of at least 32768 (`GRAIN_SIZE`) elements → fbgemm's
///   radix sort (stable);
/// - everything else, int32/int64/float32/float64 included → `std::sort` (libstdc++
///   introsort, `LibstdcxxIntroSort`) with ATen's NaN-last comparator.
///
/// The source also has an x86-simd-sort `keyvalue_qsort` path for int32/int64/float32/float64
/// (`XSS_COMPILE_TIME_SUPPORTED`), but the wheel is built without it: its indices equal a
/// compiled libstdc++ `std::sort` with `KeyValueCompAsc`/`KeyValueCompDesc` on 622 of 624
/// random tie/NaN/±0.0/±inf lines (sizes 1..40000, both orders, all four dtypes, at
/// ATEN_CPU_CAPABILITY avx2 and avx512; the 2 others are the radix path), and on all 40
/// zeros it gives std::sort's block swaps, which x86-simd-sort's networks never make
/// (they leave equal keys in place). scripts/audit/xss-sort-check.py repeats that check.
enum SortAlgorithm: Sendable, Equatable {
    case stable
    case introsort

    init(_ input: Tensor, dim: Int, descending: Bool, stable: Bool) {
        let dtype = input.dtype
        let radix = input.rank == 1 && !descending && dtype.isIntegral && dtype != .bool
            && input.numel >= 32768
        if stable || input.strides[dim] == 0 || radix {
            self = .stable
        } else {
            self = .introsort
        }
    }
}
