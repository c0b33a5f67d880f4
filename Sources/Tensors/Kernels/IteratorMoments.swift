/// Variance and mean in exactly PyTorch's CPU order for any layout: the two paths of
/// `std_var_out` / `std_var_mean_out` (ReduceOps.cpp).
///
/// - `welford`: `std_var_stub` — `binary_kernel_reduce` with `WelfordOps` in double over
///   TensorIterator's dims (`IteratorSum.plan`). Each output element is one sequential
///   pass over its reduced dims in iterator order (a transposed input in memory order);
///   a one-element result over at least 32,768 elements is cut into one flat range per
///   thread, whose accumulators are merged in thread order with Welford's `combine`.
/// - `sumOfSquaredDeviations`: `std_var_all_cpu`, which var/std (not var_mean) take for a
///   one-element result — Σ(x − mean)² in double over an input-only TensorIterator (dims
///   by stride, merged), `parallel_reduce`'s ranges each summed from zero, each range
///   walked in 2-D blocks (`serial_for_each`) whose own sums from zero are added in.
enum IteratorMoments {
    /// Welford's running state (`WelfordData`: mean, m2, count as a double).
    struct Welford {
        var mean = 0.0, m2 = 0.0, n = 0
        var nf = 0.0

        @inline(__always) mutating func add(_ x: Double) {
            n += 1
            nf = Double(n)
            let delta = x - mean
            mean = mean + delta / nf
            m2 = m2 + delta * (x - mean)
        }

        /// `WelfordOps::combine`.
        static func combine(_ a: Welford, _ b: Welford) -> Welford {
            if a.nf == 0 { return b }
            if b.nf == 0 { return a }
            let delta = b.mean - a.mean
            let count = a.nf + b.nf
            let share = b.nf / count
            return Welford(mean: a.mean + delta * share, m2: a.m2 + b.m2 + delta * delta * a.nf * share, n: -1, nf: count)
        }

        /// `WelfordOps::project`'s statistic: m2 / max(0, n − correction), its root for std.
        func statistic(correction: Double, sqrt: Bool) -> Double {
            let divisor = nf > correction ? nf - correction : 0
            let variance = m2 / divisor
            return sqrt ? variance.squareRoot() : variance
        }
    }

    /// Welford accumulators of every output element, in the output's own offsets:
    /// `outStrides` are the output's strides with 0 in reduced dims.
    static func welford(sizes: [Int], inStrides: [Int], outStrides: [Int], threads: Int,
                        load: (Int) -> Double) -> [(offset: Int, acc: Welford)] {
        let plan = IteratorSum.plan(sizes: sizes, inStrides: inStrides, outStrides: outStrides)
        let reducedCount = plan.outStrides.prefix { $0 == 0 }.count
        let numel = plan.shape.reduce(1, *)
        let reducedShape = Array(plan.shape[0..<reducedCount]), reducedStrides = Array(plan.inStrides[0..<reducedCount])
        let keptShape = Array(plan.shape[reducedCount...])
        let keptCount = keptShape.reduce(1, *)
        var inBases: [Int] = [], outOffsets: [Int] = []
        IteratorNorm.forEachOffset(shape: keptShape, strides: Array(plan.inStrides[reducedCount...]), range: 0..<keptCount) { inBases.append($0) }
        IteratorNorm.forEachOffset(shape: keptShape, strides: Array(plan.outStrides[reducedCount...]), range: 0..<keptCount) { outOffsets.append($0) }
        if keptCount == 1 && numel >= IteratorSum.grain && threads >= 2 {
            let used = Swift.min(threads, (numel + IteratorSum.grain - 1) / IteratorSum.grain)
            let chunk = (numel + used - 1) / used
            var total = Welford()
            var begin = 0
            while begin < numel {
                let end = Swift.min(numel, begin + chunk)
                var acc = Welford()
                IteratorNorm.forEachOffset(shape: plan.shape, strides: plan.inStrides, range: begin..<end) { acc.add(load($0)) }
                total = Welford.combine(total, acc)
                begin = end
            }
            return [(outOffsets[0], total)]
        }
        let reducedNumel = reducedShape.reduce(1, *)
        var result: [(offset: Int, acc: Welford)] = []
        result.reserveCapacity(keptCount)
        for k in 0..<keptCount {
            var acc = Welford()
            let base = inBases[k]
            IteratorNorm.forEachOffset(shape: reducedShape, strides: reducedStrides, range: 0..<reducedNumel) { acc.add(load(base + $0)) }
            result.append((outOffsets[k], acc))
        }
        return result
    }

    /// Σ(x − mean)² as `std_var_all_cpu` adds it (see the type's comment).
    static func sumOfSquaredDeviations(sizes: [Int], strides: [Int], mean: Double, threads: Int,
                                       load: (Int) -> Double) -> Double {
        let plan = IteratorSum.plan(sizes: sizes, inStrides: strides, outStrides: [Int](repeating: 0, count: sizes.count))
        let numel = plan.shape.reduce(1, *)
        func range(_ r: Range<Int>) -> Double {
            var threadSum = 0.0
            forEachBlock(plan, r) { offset, size0, size1, s0, s1 in
                var local = 0.0
                for i in 0..<size1 {
                    for j in 0..<size0 {
                        let dx = load(offset + i * s1 + j * s0) - mean
                        local = local + dx * dx
                    }
                }
                threadSum = threadSum + local
            }
            return threadSum
        }
        if numel <= IteratorSum.grain || threads < 2 { return range(0..<numel) }
        let used = Swift.min(threads, (numel + IteratorSum.grain - 1) / IteratorSum.grain)
        let chunk = (numel + used - 1) / used
        var total = 0.0
        var begin = 0
        while begin < numel {
            let end = Swift.min(numel, begin + chunk)
            total = total + range(begin..<end)
            begin = end
        }
        return total
    }

    /// `serial_for_each` over a flat range of `plan`'s dims: whole 2-D blocks where the
    /// range allows, partial rows at its ends (DimCounter). Calls `body(offset, size0,
    /// size1, stride0, stride1)` per block.
    static func forEachBlock(_ plan: IteratorSum.Plan, _ range: Range<Int>, _ body: (Int, Int, Int, Int, Int) -> Void) {
        let ndim = plan.shape.count
        if range.isEmpty { return }
        if ndim <= 1 {
            let s = ndim == 1 ? plan.inStrides[0] : 0
            body(range.lowerBound * s, range.count, 1, s, 0)
            return
        }
        var values = [Int](repeating: 0, count: ndim)
        var rest = range.lowerBound
        for d in 0..<ndim { values[d] = rest % plan.shape[d]; rest /= plan.shape[d] }
        var offset = range.lowerBound
        while offset < range.upperBound {
            let step0 = Swift.min(plan.shape[0] - values[0], range.upperBound - offset)
            var step1 = 1
            if step0 == plan.shape[0] { step1 = Swift.min(plan.shape[1] - values[1], (range.upperBound - offset) / plan.shape[0]) }
            var inOff = 0
            for d in 0..<ndim { inOff += values[d] * plan.inStrides[d] }
            body(inOff, step0, step1, plan.inStrides[0], plan.inStrides[1])
            offset += step0 * step1
            var overflow = step0
            var i = 0
            if step1 != 1 { i = 1; overflow = step1 }
            while i < ndim && overflow > 0 {
                var value = values[i] + overflow
                if value >= plan.shape[i] { overflow = 1; value -= plan.shape[i] } else { overflow = 0 }
                values[i] = value
                i += 1
            }
        }
    }
}
