/// The kernel families beyond the elementwise core (DeviceBackend.swift), each an enum that
/// names the op and carries its non-tensor arguments. The tensors travel beside it as a
/// positional list, in the order each case documents; `nil` stands for an absent optional
/// operand. Results come back the same way.
///
/// Every tensor handed to a family lives on the backend's device (the ops check that first,
/// with PyTorch's "Expected all tensors to be on the same device" error). Operands may be
/// strided views; outputs a family allocates are contiguous on its device. A case marked
/// *in place* writes into `tensors[0]` (and the others it names) and returns `[]`.
/// Shapes, dtypes and argument errors are checked by the ops before a family runs, except
/// where a case says the kernel itself reports an error (an index out of range found while
/// reading indices), with PyTorch's text.
///
/// README.md in this folder lists what each case receives, for writers of a backend.

/// Index-driven copies: gather/scatter, advanced indexing, masks, nonzero.
public enum IndexKernel: Sendable {
    /// [input, index(int64)] → [out with index's shape]; throws
    /// "index k is out of bounds for dimension d with size n" for a bad index.
    case gather(dim: Int)
    /// *In place* on [target, index(int64), source?]: `scatter_`/`scatter_add_`; `value` is
    /// used when `source` is nil. Throws the gather error text for a bad index.
    case scatter(dim: Int, value: Scalar?, add: Bool)
    /// [source] → [out]: `out[b, r...] = source.storage[offsets[b] + r·restStrides]`, out
    /// contiguous with shape `[offsets.count] + restSizes` reshaped to `outSizes`. Offsets
    /// are element offsets into the source's *storage* (its offset already added).
    case advancedGather(restSizes: [Int], restStrides: [Int], offsets: [Int], outSizes: [Int])
    /// *In place* on [dest, value]: `dest.storage[offsets[b] + r·restStrides] (+)= value.storage[valueOffsets[b] + r·valueRestStrides]`.
    case advancedPut(restSizes: [Int], restStrides: [Int], offsets: [Int], valueOffsets: [Int],
                     valueRestStrides: [Int], accumulate: Bool)
    /// [input] → [int64 coordinates, shape [n, rank]] in row-major order.
    case nonzero
    /// *In place* on [out, mask(bool), source]: `out = mask ? source : out`; mask and source
    /// are broadcast views of out's shape, source in out's dtype (`torch.where`).
    case maskedAssign
    /// *In place* on [out, mask(bool)]: `out[mask] = value` (`masked_fill_`).
    case maskedFill(value: Scalar)
}

/// Orderings and scans along one dimension.
public enum LineKernel: Sendable {
    /// [input] → [values, indices(int64)], input's shape; NaN largest. Ties keep their
    /// order when `stable`; otherwise they come out in the order of ATen's CPU algorithm for
    /// that dtype and shape (`SortAlgorithm`).
    case sort(dim: Int, descending: Bool, stable: Bool)
    /// [input] → [values, indices] in keepdim shape (`values` only when `wantValues`, else
    /// [indices]); NaN wins, first occurrence on ties.
    case argExtreme(dim: Int, isMax: Bool, wantValues: Bool)
    /// [input] → [out] `cumsum`/`cumprod`, input already in the output dtype.
    case cumulative(dim: Int, product: Bool)
    /// [input] → [values, indices(int64)] with `selection.count` along `dim` (keepdim
    /// shape): `topk`, `kthvalue`, `median(dim)` by ATen's own selection algorithms.
    case select(dim: Int, selection: LineSelection)
}

/// Which order statistic `LineKernel.select` takes from each line.
public enum LineSelection: Sendable {
    case topk(k: Int, largest: Bool, sorted: Bool)
    /// 1-based, as `kthvalue`'s `k`.
    case kthvalue(k: Int)
    /// `median(dim)`: NaN when the line holds one, else the lower middle.
    case median
    /// libstdc++'s `std::nth_element` with `<` (0-based `nth`), as `median()` of all
    /// elements runs it: which of -0.0/+0.0 it returns is the algorithm's.
    case nthElement(nth: Int)

    var count: Int {
        if case .topk(let k, _, _) = self { return k }
        return 1
    }
}

/// The neural-network kernels, forward and backward. Float32/float64 only (the ops raise
/// PyTorch's "not implemented for" error for other dtypes before calling).
public enum NNKernel: Sendable {
    /// [input(N,C,H,W), weight(OC,C/g,KH,KW), bias?] → [out]. `spatialDims`, `shown*` only
    /// shape the error texts of a 1-D convolution.
    case convolution(ConvolutionGeometry, spatialDims: Int, shownInput: [Int]?, shownWeight: [Int]?)
    /// [gradOutput, input, weight] → [gradInput?, gradWeight?, gradBias?].
    case convolutionBackward(ConvolutionGeometry, hasBias: Bool, needInput: Bool, needWeight: Bool)
    /// [input] → [out, indices(int64, flat index in the plane)].
    case maxPool2d(PoolingGeometry)
    /// [gradOutput, input, indices] → [gradInput].
    case maxPool2dBackward
    /// [input] → [out].
    case avgPool2d(PoolingGeometry, countIncludePad: Bool, divisorOverride: Int?)
    /// [gradOutput, input] → [gradInput].
    case avgPool2dBackward(PoolingGeometry, countIncludePad: Bool, divisorOverride: Int?)
    /// [input] → [out].
    case adaptiveAvgPool2d(outputSize: (Int, Int))
    /// [gradOutput, input] → [gradInput].
    case adaptiveAvgPool2dBackward
    /// [input, runningMean?, runningVar?, weight?, bias?] → [out, mean(float64), invstd(float64)];
    /// in training the running statistics are updated in place.
    case batchNorm(training: Bool, momentum: Double, eps: Double)
    /// [gradOutput, input, weight?, mean, invstd] → [gradInput, gradWeight, gradBias].
    case batchNormBackward(training: Bool)
    /// [input, weight?, bias?] → [out, mean(float64), rstd(float64)] per row.
    case layerNorm(normalizedShape: [Int], eps: Double)
    /// [gradOutput, input, weight?, mean, rstd] → [gradInput, gradWeight, gradBias].
    case layerNormBackward(normalizedShape: [Int])
    /// [weight, indices] → [rows]; throws "index out of range in self".
    case embedding
    /// [gradOutput, indices] → [gradWeight (numWeights, dim)].
    case embeddingBackward(numWeights: Int, paddingIdx: Int, scaleGradByFreq: Bool)
    /// [indices(int64)] → [int64 one-hot].
    case oneHot(numClasses: Int)
    /// [input] → [padded].
    case pad([Int], mode: Padding.Mode, value: Double)
    /// [gradOutput] → [gradInput of `inputSizes`].
    case padBackward(inputSizes: [Int], pad: [Int], mode: Padding.Mode)
    /// [input, target] → [elementwise loss].
    case smoothL1(beta: Double)
    /// [grad, input, target] → [gradInput].
    case smoothL1Backward(beta: Double, scale: Double)
    /// [input (N, C) or (C,)] → [per-sample loss]; targets already checked in range.
    case multiMargin(targets: [Int], p: Int, margin: Double, weight: [Double]?)
    /// [input] → [gradInput] scaled by `scale`.
    case multiMarginBackward(targets: [Int], p: Int, margin: Double, weight: [Double]?, scale: Double)
    /// [x, a, b] → [out]: fused optimizer updates (`lerp` with a = b = end, `addcmul`,
    /// `addcdiv`); a and b broadcast to x. Not in place here: the op copies back.
    case lerp(weight: Double)
    case addcmul(value: Double)
    case addcdiv(value: Double)
    /// [grad, output] → [gradInput]: `g·(1 − y²)` and `(g·(1 − y))·y` as PyTorch rounds them.
    case tanhBackward
    case sigmoidBackward
}
