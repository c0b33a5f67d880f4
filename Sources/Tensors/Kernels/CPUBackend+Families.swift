/// The CPU backend's kernels for the index, line and nn families (KernelFamilies.swift).
/// Operands are host tensors here (the CPU's own, or mirrors staged from another device).
extension CPUBackend {
    public func index(_ kernel: IndexKernel, _ tensors: [Tensor?]) throws(TensorError) -> [Tensor?] {
        let a = tensors[0]!
        switch kernel {
        case .gather(let dim):
            let idx = tensors[1]!
            let out = try Tensor(empty: idx.sizes, dtype: a.dtype)
            if out.numel > 0, let bad = a.dtype.dispatch(GatherKernel(input: a, dim: dim, index: idx, out: out)) {
                throw .runtime("index \(bad) is out of bounds for dimension \(dim) with size \(a.sizes[dim])")
            }
            return [out]
        case .scatter(let dim, let value, let add):
            let index = tensors[1]!
            var bad: Int?
            if let src = tensors[2] {
                let op = Operand(base: src.storage.data + src.offset * a.dtype.itemSize, strides: Array(src.strides.prefix(index.rank)))
                bad = a.dtype.dispatch(ScatterKernel(target: a, dim: dim, index: index, source: op, add: add))
            } else {
                var cell: (UInt64, UInt64) = (0, 0)
                bad = withUnsafeMutableBytes(of: &cell) { raw in
                    let base = raw.baseAddress!
                    a.dtype.dispatch(StoreScalar(value: value!, pointer: base))
                    let op = Operand(base: base, strides: [Int](repeating: 0, count: index.rank))
                    return a.dtype.dispatch(ScatterKernel(target: a, dim: dim, index: index, source: op, add: add))
                }
            }
            if let bad { throw .runtime("index \(bad) is out of bounds for dimension \(dim) with size \(a.sizes[dim])") }
            return []
        case .advancedGather(let restSizes, let restStrides, let offsets, let outSizes):
            let out = try Tensor(empty: outSizes, dtype: a.dtype)
            a.dtype.dispatch(IndexGatherKernel(source: a, restSizes: restSizes, restStrides: restStrides, offsets: offsets, out: out))
            return [out]
        case .advancedPut(let restSizes, let restStrides, let offsets, let valueOffsets, let valueRestStrides, let accumulate):
            a.dtype.dispatch(IndexPutKernel(dest: a, restSizes: restSizes, restStrides: restStrides, offsets: offsets,
                                            value: tensors[1]!, valueOffsets: valueOffsets,
                                            valueRestStrides: valueRestStrides, accumulate: accumulate))
            return []
        case .nonzero:
            let coords = a.dtype.dispatch(NonzeroKernel(input: a))
            let rank = a.rank
            let n = rank == 0 ? (coords.isEmpty ? (try a.item().boolValue ? 1 : 0) : 0) : coords.count / rank
            return [try Tensor(values: rank == 0 ? [Int64](repeating: 0, count: 0) : coords, shape: [n, rank], dtype: .int64)]
        case .maskedAssign:
            a.dtype.dispatch(MaskedAssignKernel(out: a, mask: tensors[1]!, source: Operand(tensors[2]!)))
            return []
        case .maskedFill(let value):
            var cell: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &cell) { raw in
                let base = raw.baseAddress!
                a.dtype.dispatch(StoreScalar(value: value, pointer: base))
                a.dtype.dispatch(MaskedAssignKernel(out: a, mask: tensors[1]!, source: Operand(base: base, strides: [Int](repeating: 0, count: a.rank))))
            }
            return []
        }
    }

    public func line(_ kernel: LineKernel, _ tensors: [Tensor?]) throws(TensorError) -> [Tensor?] {
        let a = tensors[0]!
        switch kernel {
        case .sort(let dim, let descending, let stable):
            let values = try Tensor(empty: a.sizes, dtype: a.dtype)
            let indices = try Tensor(empty: a.sizes, dtype: .int64)
            if a.numel > 0 {
                a.dtype.dispatch(SortKernel(input: a, dim: dim, descending: descending, values: values, indices: indices,
                                              algorithm: SortAlgorithm(a, dim: dim, descending: descending, stable: stable)))
            }
            return [values, indices]
        case .argExtreme(let dim, let isMax, let wantValues):
            var keepShape = a.sizes
            keepShape[dim] = 1
            let values = wantValues ? try Tensor(empty: keepShape, dtype: a.dtype) : nil
            let indices = try Tensor(empty: keepShape, dtype: .int64)
            a.dtype.dispatch(ArgExtremeKernel(input: a, dim: dim, values: values, indices: indices, isMax: isMax))
            return values.map { [$0, indices] } ?? [indices]
        case .cumulative(let dim, let product):
            let out = try Tensor(empty: a.sizes, dtype: a.dtype)
            if a.numel > 0 { a.dtype.dispatch(CumulativeKernel(input: a, output: out, dim: dim, product: product)) }
            return [out]
        case .select(let dim, let selection):
            var shape = a.sizes
            shape[dim] = selection.count
            let values = try Tensor(empty: shape, dtype: a.dtype)
            let indices = try Tensor(empty: shape, dtype: .int64)
            if values.numel > 0 {
                a.dtype.dispatch(SelectionKernel(input: a, dim: dim, mode: selection, values: values, indices: indices))
            }
            return [values, indices]
        }
    }

    public func nn(_ kernel: NNKernel, _ t: [Tensor?]) throws(TensorError) -> [Tensor?] {
        switch kernel {
        case .convolution(let g, let spatialDims, let shownInput, let shownWeight):
            return [try Convolution.forward(input: t[0]!, weight: t[1]!, bias: t[2], geometry: g, spatialDims: spatialDims,
                                            shownInput: shownInput, shownWeight: shownWeight)]
        case .convolutionBackward(let g, let hasBias, let needInput, let needWeight):
            let r = try Convolution.backward(gradOutput: t[0]!, input: t[1]!, weight: t[2]!, hasBias: hasBias, geometry: g,
                                             needInput: needInput, needWeight: needWeight)
            return [r.input, r.weight, r.bias]
        case .maxPool2d(let g):
            let r = try Pooling.max2d(t[0]!, g)
            return [r.output, r.indices]
        case .maxPool2dBackward:
            return [try Pooling.max2dBackward(gradOutput: t[0]!, input: t[1]!, indices: t[2]!)]
        case .avgPool2d(let g, let countIncludePad, let divisorOverride):
            return [try Pooling.avg2d(t[0]!, g, countIncludePad: countIncludePad, divisorOverride: divisorOverride)]
        case .avgPool2dBackward(let g, let countIncludePad, let divisorOverride):
            return [try Pooling.avg2dBackward(gradOutput: t[0]!, input: t[1]!, g, countIncludePad: countIncludePad, divisorOverride: divisorOverride)]
        case .adaptiveAvgPool2d(let size):
            return [try Pooling.adaptiveAvg2d(t[0]!, outputSize: size)]
        case .adaptiveAvgPool2dBackward:
            return [try Pooling.adaptiveAvg2dBackward(gradOutput: t[0]!, input: t[1]!)]
        case .batchNorm(let training, let momentum, let eps):
            let (out, stats) = try Normalization.batchNorm(t[0]!, runningMean: t[1], runningVar: t[2], weight: t[3], bias: t[4],
                                                           training: training, momentum: momentum, eps: eps)
            return [out, try statistics(stats.mean), try statistics(stats.invstd)]
        case .batchNormBackward(let training):
            let stats = Normalization.BatchStatistics(mean: try t[3]!.elementsAsDouble(), invstd: try t[4]!.elementsAsDouble())
            let r = try Normalization.batchNormBackward(t[0]!, t[1]!, weight: t[2], stats: stats, training: training)
            return [r.input, r.weight, r.bias]
        case .layerNorm(let shape, let eps):
            let (out, stats) = try Normalization.layerNorm(t[0]!, normalizedShape: shape, weight: t[1], bias: t[2], eps: eps)
            return [out, try statistics(stats.mean), try statistics(stats.rstd)]
        case .layerNormBackward(let shape):
            let stats = Normalization.RowStatistics(mean: try t[3]!.elementsAsDouble(), rstd: try t[4]!.elementsAsDouble())
            let r = try Normalization.layerNormBackward(t[0]!, t[1]!, normalizedShape: shape, weight: t[2], stats: stats)
            return [r.input, r.weight, r.bias]
        case .embedding:
            return [try Embedding.forward(weight: t[0]!, indices: t[1]!)]
        case .embeddingBackward(let numWeights, let paddingIdx, let scale):
            return [try Embedding.backward(t[0]!, indices: t[1]!, numWeights: numWeights, paddingIdx: paddingIdx, scaleGradByFreq: scale)]
        case .oneHot(let numClasses):
            return [try Embedding.oneHot(t[0]!, numClasses: numClasses)]
        case .pad(let pad, let mode, let value):
            return [try Padding.forward(t[0]!, pad: pad, mode: mode, value: value)]
        case .padBackward(let sizes, let pad, let mode):
            return [try Padding.backward(t[0]!, inputSizes: sizes, pad: pad, mode: mode)]
        case .smoothL1(let beta):
            return [try ElementwiseLoss.smoothL1(t[0]!, t[1]!, beta: beta)]
        case .smoothL1Backward(let beta, let scale):
            return [try ElementwiseLoss.smoothL1Backward(t[0]!, t[1]!, t[2]!, beta: beta, scale: scale)]
        case .multiMargin(let targets, let p, let margin, let weight):
            return [try MultiMargin.forward(t[0]!, targets, p: p, margin: margin, weight: weight)]
        case .multiMarginBackward(let targets, let p, let margin, let weight, let scale):
            return [try MultiMargin.backward(t[0]!, targets, p: p, margin: margin, weight: weight, scale: scale)]
        case .lerp(let weight):
            return [try PointwiseUpdate.apply(.lerp(weight: weight), t[0]!, t[1]!, t[2]!, inPlace: false)]
        case .addcmul(let value):
            return [try PointwiseUpdate.apply(.addcmul(value: value), t[0]!, t[1]!, t[2]!, inPlace: false)]
        case .addcdiv(let value):
            return [try PointwiseUpdate.apply(.addcdiv(value: value), t[0]!, t[1]!, t[2]!, inPlace: false)]
        case .tanhBackward:
            if t[0]!.dtype.isComplex { return [try ComplexTanhBackward.run(t[0]!, t[1]!)] }
            return [try ActivationGradientKernel.run(t[0]!, t[1]!, { g, y in g * Float(1).addingProduct(-y, y) },
                                                     { g, y in g * Double(1).addingProduct(-y, y) })]
        case .sigmoidBackward:
            return [try ActivationGradientKernel.run(t[0]!, t[1]!, { g, y in (g * (1 - y)) * y }, { g, y in (g * (1 - y)) * y })]
        }
    }

    private func statistics(_ values: [Double]) throws(TensorError) -> Tensor {
        try Tensor(values: values, shape: [values.count], dtype: .float64)
    }
}

/// `tanh`/`sigmoid` backward over same-shaped float32/float64 tensors (the op checks that).
enum ActivationGradientKernel {
    static func run(_ g: Tensor, _ y: Tensor, _ f: (Float, Float) -> Float,
                    _ d: (Double, Double) -> Double) throws(TensorError) -> Tensor {
        let out = try Tensor(empty: g.sizes, dtype: g.dtype)
        let n = out.numel
        if g.dtype == .float32 {
            let (gc, pg) = try NNBuffer.read(g, as: Float.self), (yc, py) = try NNBuffer.read(y, as: Float.self)
            let po = NNBuffer.pointer(out, as: Float.self)
            withExtendedLifetime((gc, yc)) { for i in 0..<n { po[i] = f(pg[i], py[i]) } }
        } else {
            let (gc, pg) = try NNBuffer.read(g, as: Double.self), (yc, py) = try NNBuffer.read(y, as: Double.self)
            let po = NNBuffer.pointer(out, as: Double.self)
            withExtendedLifetime((gc, yc)) { for i in 0..<n { po[i] = d(pg[i], py[i]) } }
        }
        return out
    }
}
