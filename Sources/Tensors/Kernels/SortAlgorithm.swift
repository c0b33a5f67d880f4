/// Which algorithm ATen's CPU `sort_kernel` (aten/src/ATen/native/cpu/SortingKernel.cpp,
/// PyTorch 2.15) runs for a sort; it fixes the order of tied keys, which `indices` shows.
///
/// ATen's choice, in its order:
/// - `stable=True` → `std::stable_sort` (ties in input order);
/// - a line with stride 0 along `dim` (an expanded tensor) → indices 0..<n, untouched;
/// - int32/int64/float32/float64, unstable → Intel's x86-simd-sort `keyvalue_qsort`, except
///   1-d ascending tensors of at least 32768 (`GRAIN_SIZE`) integers, which fbgemm's
///   radix sort takes (stable);
/// - other dtypes: 1-d ascending non-bool integers of at least 32768 elements → fbgemm radix
///   sort (stable); otherwise `std::sort` (libstdc++ introsort, `LibstdcxxIntroSort`).
///
/// x86-simd-sort's permutation of ties is not reproduced yet: those sorts stay stable here,
/// which differs from PyTorch for lines of more than 16 elements with ties (recorded in
/// docs/differences.md).
enum SortAlgorithm: Sendable, Equatable {
    case stable
    case introsort

    init(_ input: Tensor, dim: Int, descending: Bool, stable: Bool) {
        let dtype = input.dtype
        let radix = input.rank == 1 && !descending && dtype.isIntegral && dtype != .bool
            && input.numel >= 32768
        if stable || input.strides[dim] == 0 || radix {
            self = .stable
        } else if [.int32, .int64, .float32, .float64].contains(dtype) {
            self = .stable   // x86-simd-sort: not yet emulated
        } else {
            self = .introsort
        }
    }
}
