/// The forward of a grouped float32 `Conv3d` with fewer than 8 input channels in all (so the
/// source stays plain `ncdhw`; with 8 or more it is blocked and the layer runs `gemm:jit`)
/// and whole blocks of 8 output channels per group: oneDNN 3.13 runs it as `jit:avx2` on
/// both ISAs (its "flat" source; `jit:avx512_core` refuses grouped flat layers, ONEDNN_VERBOSE), group
/// by group in the ungrouped kernel's order (`OneDNNConvolution3D.forward`'s AVX2 path).
/// Its data and weight passes stay `gemm:jit` (`gemmSelected`).
extension OneDNNConvolution3D {
    /// Grouped, not dilated, ATen on oneDNN, under 8 input channels in all and each group's
    /// output channels a multiple of 8, one stride, padding under the kernel (else `gemm:jit`).
    public static func groupedFlatForwardSelected(input: [Int], weight: [Int], stride: [Int], padding: [Int], dilation: [Int],
                                                  groups: Int, dtype: DType) -> Bool {
        guard dtype == .float32, input.count == 5, weight.count == 5, groups > 1, input[1] % groups == 0,
              weight[0] % groups == 0, weight[1] * groups == input[1], dilation == [1, 1, 1], stride.count == 3,
              padding.count == 3, Set(stride).count == 1, atenTakesOneDNN(input: input, weight: weight, groups: groups) else { return false }
        let cg = input[1] / groups, ocg = weight[0] / groups
        return input[1] < block && cg < block && ocg % block == 0 && (0..<3).allSatisfy { padding[$0] < weight[2 + $0] }
    }

    /// Each group's slice through `forward` at AVX2, the outputs joined along the channels.
    public static func groupedFlatForward(input: Tensor, weight: Tensor, bias: Tensor?, stride: [Int], padding: [Int],
                                          groups: Int) throws(TensorError) -> Tensor {
        let cg = input.sizes[1] / groups, ocg = weight.sizes[0] / groups
        var outputs: [Tensor] = []
        for g in 0..<groups {
            let x = try input.narrow(1, start: g * cg, length: cg).contiguous()
            let w = try weight.narrow(0, start: g * ocg, length: ocg).contiguous()
            let b = try bias.map { b throws(TensorError) in try b.narrow(0, start: g * ocg, length: ocg).contiguous() }
            outputs.append(try forward(input: x, weight: w, bias: b, stride: stride, padding: padding, avx512: false))
        }
        return try Tensor.cat(outputs, dim: 1)
    }
}
