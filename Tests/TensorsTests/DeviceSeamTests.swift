import Testing
@testable import Tensors

/// Runs ops of every kernel family on a guarded stand-in device (GuardedHostBackend as
/// cuda:0, registered for this test's task only) and compares with the CPU, element for
/// element. The stand-in's `storage.data` holds poison, so a kernel that read or wrote
/// device memory without its backend would give a different answer here.
@Suite struct DeviceSeamTests {
    static let device = Device.cuda(0)

    /// Builds the same inputs on `device` and returns the op's results.
    typealias Case = (name: String, run: @Sendable (Device) throws -> [Tensor])

    static func x(_ d: Device) throws -> Tensor {
        try Tensor(values: [0.5, -1.25, 3, 2, -0.75, 4, 1.5, -2, 0.25, 6, -3.5, 1], shape: [3, 4]).to(device: d)
    }
    static func idx(_ values: [Int64], _ shape: [Int], _ d: Device) throws -> Tensor {
        try Tensor(values: values, shape: shape).to(device: d)
    }

    static let cases: [Case] = [
        ("binary", { d in [try x(d).add(try x(d).t().contiguous().t()), try x(d).mul(.float(2.5)), try x(d).pow(.int(2))] }),
        ("cpu 0-dim scalar operand", { d in [try x(d).mul(try Tensor(values: [3] as [Double], shape: [])) ] }),
        ("unary", { d in [try x(d).exp(), try x(d).unary(.tanh), try x(d).unary(.abs)] }),
        ("compare", { d in [try x(d).binary(.lt, .float(1))] }),
        ("reduce", { d in [try x(d).sum(dims: [1]), try x(d).mean(), try x(d).amax(dims: [0]), try x(d).std(dims: [1])] }),
        ("matmul family", { d in
            [try x(d).mm(try x(d).t()), try x(d).matmul(try Tensor(values: [1, 2, 3, 4] as [Double], shape: [4]).to(device: d)),
             try Tensor.addmm(try Tensor.ones([3], device: d), try x(d), try x(d).t())]
        }),
        ("softmax", { d in [try x(d).softmax(dim: 1), try x(d).logSoftmax(dim: 0)] }),
        ("copy, cast, views", { d in [try x(d).to(.float64), try x(d).t().contiguous(), try x(d).to(.int64),
                                       try Tensor.cat([x(d), x(d)], dim: 1)] }),
        ("fill, creation", { d in [try Tensor.full([2, 3], .float(1.5), device: d), try Tensor.zeros([4], dtype: .int32, device: d)] }),
        ("gather, scatter", { d in
            let i = try idx([0, 2, 1, 3, 3, 0, 1, 2, 1, 1, 0, 0], [3, 4], d)
            return [try x(d).gather(1, i), try Tensor.zeros([3, 4], device: d).scatterAdd(1, i, try x(d)),
                    try Tensor.zeros([3, 4], device: d).scatter_(1, i, value: .float(7))]
        }),
        ("index_select, advanced indexing, index_put_", { d in
            let i = try idx([2, 0, 2], [3], d)
            let t = try Tensor.zeros([3, 4], device: d)
            try t.indexPut_([i], try Tensor.ones([4], device: d), accumulate: true)
            return [try x(d).indexSelect(0, i), try x(d).index([nil, try idx([3, 1], [2], d)]), t]
        }),
        ("masks, where, nonzero", { d in
            let m = try x(d).binary(.gt, .float(0))
            return [try x(d).maskedSelect(m), try Tensor.where(m, try x(d), try x(d).neg()),
                    try x(d).clone().maskedFill_(m, .float(-9)), try m.nonzero()]
        }),
        ("sort, topk, argmax, scans", { d in
            let s = try x(d).sort(dim: 1, descending: true)
            let k = try x(d).topk(2, dim: 0)
            return [s.values, s.indices, k.values, k.indices, try x(d).argmax(dim: 1),
                    try x(d).cumsum(dim: 1), try x(d).cumsum(dim: 0, dtype: .float64)]
        }),
        ("nn: conv, pooling, norms", { d in
            let input = try Tensor(values: (0..<32).map { Double($0 % 7) - 3 }, shape: [1, 2, 4, 4]).to(device: d)
            let w = try Tensor(values: (0..<18).map { Double($0 % 5) * 0.25 - 0.5 }, shape: [1, 2, 3, 3]).to(device: d)
            let conv = try NNOps.convolution(input: input, weight: w, bias: try Tensor.ones([1], device: d),
                                             geometry: ConvolutionGeometry(stride: (1, 1), padding: ((1, 1), (1, 1)), dilation: (1, 1), groups: 1))
            let grads = try NNOps.convolutionBackward(gradOutput: try Tensor.ones(conv.sizes, device: d), input: input, weight: w,
                                                      hasBias: true, geometry: ConvolutionGeometry(stride: (1, 1), padding: ((1, 1), (1, 1)), dilation: (1, 1), groups: 1))
            let pool = try NNOps.maxPool2d(input, PoolingGeometry(kernel: (2, 2), stride: (2, 2), padding: (0, 0)))
            let rm = try Tensor.zeros([2], device: d), rv = try Tensor.ones([2], device: d)
            let bn = try NNOps.batchNorm(input, runningMean: rm, runningVar: rv, weight: nil, bias: nil, training: true, momentum: 0.1, eps: 1e-5)
            let ln = try NNOps.layerNorm(input, normalizedShape: [4], weight: nil, bias: nil, eps: 1e-5)
            return [conv, grads.input!, grads.weight!, grads.bias!, pool.output, pool.indices,
                    try NNOps.maxPool2dBackward(gradOutput: try Tensor.ones(pool.output.sizes, device: d), input: input, indices: pool.indices),
                    try NNOps.avgPool2d(input, PoolingGeometry(kernel: (2, 2), stride: (1, 1), padding: (1, 1)), countIncludePad: false, divisorOverride: nil),
                    try NNOps.adaptiveAvgPool2d(input, outputSize: (3, 2)), bn.output, rm, rv, ln.output]
        }),
        ("nn: embedding, padding, losses, updates, activation gradients", { d in
            let w = try x(d)
            let i = try idx([2, 0, 2], [3], d)
            return [try NNOps.embedding(weight: w, indices: i),
                    try NNOps.embeddingBackward(try Tensor.ones([3, 4], device: d), indices: i, numWeights: 3, paddingIdx: -1, scaleGradByFreq: false),
                    try NNOps.pad(w, pad: [1, 2], mode: .reflect, value: 0),
                    try NNOps.smoothL1(w, try w.mul(.float(0.5)), beta: 1),
                    try NNOps.addcdiv(w, w, try w.abs().add(.float(1)), value: 0.5, inPlace: false),
                    try NNOps.tanhBackward(w, try w.tanh()), try NNOps.oneHot(i, numClasses: 4)]
        }),
    ]

    static func compare(_ name: String, _ body: (Device) throws -> [Tensor]) throws {
        let expected = try body(.cpu)
        let guarded = GuardedHostBackend()
        let got = try Backends.withRegistered([guarded]) { try body(device) }
        #expect(got.count == expected.count, "\(name)")
        for (k, (g, e)) in zip(got, expected).enumerated() {
            #expect(g.device == device, "\(name) #\(k) came back on \(g.device)")
            #expect(g.sizes == e.sizes && g.dtype == e.dtype, "\(name) #\(k)")
            let gv = try g.to(device: .cpu).elementsAsDouble().map(\.bitPattern)
            let ev = try e.elementsAsDouble().map(\.bitPattern)
            let shown = (try g.to(device: .cpu).elementsAsDouble(), try e.elementsAsDouble())
            #expect(gv == ev, "\(name) #\(k): \(shown.0) vs \(shown.1)")
        }
    }

    @Test(arguments: cases.indices) func familyMatchesCPU(_ i: Int) throws {
        try Self.compare(Self.cases[i].name, Self.cases[i].run)
    }

    /// The guard is real: device memory as a bypassing kernel would see it is poison, and
    /// only the backend's copies reach the values.
    @Test func guardedMemoryIsPoisonOutsideTheSeam() throws {
        try Backends.withRegistered([GuardedHostBackend()]) {
            let t = try Tensor(values: [1, 2, 3] as [Double], shape: [3]).to(device: Self.device)
            let raw = t.storage.data.assumingMemoryBound(to: Float.self)
            #expect(raw[0].isNaN && raw[1].isNaN && raw[2].isNaN)
            #expect(try t.elementsAsDouble() == [1, 2, 3])
        }
    }

    @Test func mixingDevicesRaisesPyTorchsErrors() throws {
        try Backends.withRegistered([GuardedHostBackend()]) {
            let c = try Tensor.ones([2], device: Self.device), h = try Tensor.ones([2])
            #expect(throws: TensorError.runtime("Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!")) { try c.add(h) }
            #expect(throws: TensorError.runtime("Expected all tensors to be on the same device, but found at least two devices, cpu and cuda:0!")) { try h.add(c) }
            #expect(throws: TensorError.runtime("Expected all tensors to be on the same device, but got mat2 is on cpu, different from other tensors on cuda:0 (when checking argument in method wrapper_CUDA_mm)")) {
                try c.reshape([1, 2]).mm(try h.reshape([2, 1]))
            }
            #expect(throws: TensorError.runtime("Expected all tensors to be on the same device, but got index is on cpu, different from other tensors on cuda:0 (when checking argument in method wrapper_CUDA__index_select)")) {
                try c.indexSelect(0, try Tensor(values: [Int64(0)], shape: [1]))
            }
        }
    }

    @Test func noCUDABackendMeansThePyTorchNoDriverError() {
        #expect(Backends.cudaDeviceCount == 0)
        #expect(throws: Backends.noDriver) { try Tensor.zeros([1], device: .cuda(0)) }
    }

    /// A CUDA backend's loader runs once, at the first question about a device, and a
    /// loader that finds nothing leaves the machine without CUDA.
    @Test func loaderRunsOnceAtFirstUse() {
        final class Count: @unchecked Sendable { let lock = SpinLock(); var n = 0 }
        let count = Count()
        Backends.setLoader { count.lock.withLock { count.n += 1 }; return [] }
        #expect(!Backends.isAvailable(.cuda(0)))
        #expect(Backends.cudaDeviceCount == 0)
        #expect(count.lock.withLock { count.n } == 1)
    }
}
