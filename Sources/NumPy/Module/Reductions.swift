#if canImport(Glibc)
import Glibc
#endif
import Interpreter
import Tensors

/// NumPy's pairwise summation (`pairwise_sum` in loops_utils.h), rounding each addition
/// to the accumulator's type.
func pairwiseSum(_ a: ArraySlice<Double>, _ round: (Double) -> Double) -> Double {
    let n = a.count, s = a.startIndex
    if n < 8 {
        var res = -0.0
        for i in 0..<n { res = round(res + a[s + i]) }
        return res
    } else if n <= 128 {
        var r = [Double](repeating: 0, count: 8)
        for j in 0..<8 { r[j] = a[s + j] }
        var i = 8
        while i < n - n % 8 {
            for j in 0..<8 { r[j] = round(r[j] + a[s + i + j]) }
            i += 8
        }
        var res = round(round(round(r[0] + r[1]) + round(r[2] + r[3])) + round(round(r[4] + r[5]) + round(r[6] + r[7])))
        while i < n { res = round(res + a[s + i]); i += 1 }
        return res
    }
    var n2 = n / 2
    n2 -= n2 % 8
    return round(pairwiseSum(a[s..<(s + n2)], round) + pairwiseSum(a[(s + n2)...], round))
}

/// Which axes a reduction runs over, and the groups of C-ordered values per output element.
struct ReductionPlan {
    let outShape: [Int]       // without keepdims
    let keptShape: [Int]      // with keepdims
    let groups: [[Int]]       // C-order indices of the input, per output element
    /// Whether NumPy reduces these axes with its pairwise inner loop (the reduced axes are
    /// the trailing, contiguous ones).
    let pairwise: Bool

    init(shape: [Int], axes: [Int]) {
        let rset = Set(axes)
        if rset.count == shape.count {
            outShape = []
            keptShape = [Int](repeating: 1, count: shape.count)
            groups = [Array(0..<shape.reduce(1, *))]
            pairwise = true
            return
        }
        var outShape: [Int] = [], kept: [Int] = []
        for (d, n) in shape.enumerated() {
            if rset.contains(d) { kept.append(1) } else { outShape.append(n); kept.append(n) }
        }
        self.outShape = outShape
        keptShape = kept
        let keptAxes = (0..<shape.count).filter { !rset.contains($0) }
        let redAxes = (0..<shape.count).filter { rset.contains($0) }
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) { strides[d] = acc; acc *= shape[d] }
        func offsets(_ axes: [Int]) -> [Int] {
            var out = [0]
            for d in axes {
                var next: [Int] = []
                next.reserveCapacity(out.count * shape[d])
                for o in out { for i in 0..<shape[d] { next.append(o + i * strides[d]) } }
                out = next
            }
            return out
        }
        let inner = offsets(redAxes)
        groups = offsets(keptAxes).map { base in inner.map { base + $0 } }
        pairwise = redAxes.isEmpty || redAxes == Array((shape.count - redAxes.count)..<shape.count)
    }
}

extension NumPyRuntime {
    /// `axis=` as a list of non-negative axes (nil = all).
    func axes(_ interp: Interpreter, _ v: PyValue?, ndim: Int) throws -> [Int]? {
        guard let v, !v.isNone else { return nil }
        var list: [Int] = []
        if let t = v.asTuple { for x in t.items { list.append(try axisIndex(interp, x, ndim)) } }
        else if let l = v.asList { for x in l.items { list.append(try axisIndex(interp, x, ndim)) } }
        else { list.append(try axisIndex(interp, v, ndim)) }
        if Set(list).count != list.count { throw PyError.valueError("duplicate value in 'axis'") }
        return list.sorted()
    }

    func axisIndex(_ interp: Interpreter, _ v: PyValue, _ ndim: Int) throws -> Int {
        guard let i = try interp.index(v) else {
            throw PyError.typeError("'\(interp.typeName(v))' object cannot be interpreted as an integer")
        }
        if i < -ndim || i >= ndim {
            throw PyError(type: "numpy.exceptions.AxisError", message: "axis \(i) is out of bounds for array of dimension \(ndim)")
        }
        return i < 0 ? i + ndim : i
    }

    enum Reduction { case sum, prod, max, min, argmax, argmin, any, all, mean, nansum, nanmax, nanmin, count }

    /// A reduction with NumPy's result dtypes: sums of small ints are int64, means of ints float64.
    func reduce(_ interp: Interpreter, _ a: NDArray, _ kind: Reduction, axes axesIn: [Int]?, keepdims: Bool,
                dtype want: DType? = nil, name: String) throws -> NDArray {
        let axes = axesIn ?? Array(0..<a.ndim)
        let plan = ReductionPlan(shape: a.shape, axes: axes)
        let outShape = keepdims ? plan.keptShape : plan.outShape
        let count = axes.reduce(1) { $0 * a.shape[$1] }
        switch kind {
        case .any, .all:
            let v = a.doubles()
            let r: [Int64] = plan.groups.map { g in
                kind == .any ? (g.contains { v[$0] != 0 } ? 1 : 0) : (g.allSatisfy { v[$0] != 0 } ? 1 : 0)
            }
            return try NDArray.make(int64s: r, shape: outShape, dtype: .bool)
        case .argmax, .argmin:
            if count == 0 { throw PyError.valueError("attempt to get \(name) of an empty sequence") }
            let v = a.doubles()
            let r: [Int64] = plan.groups.map { g in
                var best = 0
                for k in 1..<g.count {
                    let x = v[g[k]], b = v[g[best]]
                    if b.isNaN { break }
                    if x.isNaN || (kind == .argmax ? x > b : x < b) { best = k }
                }
                return Int64(best)
            }
            return try NDArray.make(int64s: r, shape: outShape, dtype: .int64)
        case .max, .min, .nanmax, .nanmin:
            if count == 0 {
                throw PyError.valueError("zero-size array to reduction operation \(kind == .max || kind == .nanmax ? "maximum" : "minimum") which has no identity")
            }
            if a.dtype.isFloatingPoint {
                let v = a.doubles()
                let isMax = kind == .max || kind == .nanmax
                let skipNaN = kind == .nanmax || kind == .nanmin
                let r: [Double] = plan.groups.map { g in
                    var best: Double? = nil
                    for i in g {
                        let x = v[i]
                        if x.isNaN { if skipNaN { continue }; return .nan }
                        if best == nil || (isMax ? x > best! : x < best!) { best = x }
                    }
                    return best ?? .nan
                }
                return try NDArray.make(doubles: r, shape: outShape, dtype: a.dtype)
            }
            let v = a.int64s()
            let r: [Int64] = plan.groups.map { g in
                kind == .max || kind == .nanmax ? g.map { v[$0] }.max()! : g.map { v[$0] }.min()!
            }
            return try NDArray.make(int64s: r, shape: outShape, dtype: a.dtype)
        case .sum, .nansum, .prod, .mean, .count:
            var t = want ?? a.dtype
            if want == nil {
                if kind == .mean { t = a.dtype.isFloatingPoint ? a.dtype : .float64 }
                else if !a.dtype.isFloatingPoint { t = .int64 }
            }
            if t.isFloatingPoint || kind == .mean {
                let v = a.doubles()
                let ct: DType = kind == .mean && !t.isFloatingPoint ? .float64 : t
                let round: (Double) -> Double = ct == .float32 ? { Double(Float($0)) } : (ct == .float16 ? { Double(Float16($0)) } : { $0 })
                let r: [Double] = plan.groups.map { g in
                    var vals = g.map { v[$0] }
                    if kind == .nansum { vals = vals.map { $0.isNaN ? 0 : $0 } }
                    if ct == .float32 || ct == .float16 { vals = vals.map(round) }
                    if kind == .prod {
                        var p = 1.0
                        for x in vals { p = round(p * x) }
                        return p
                    }
                    var s: Double
                    if vals.isEmpty { s = 0 }
                    else if plan.pairwise {
                        s = vals.count == 1 ? vals[0] : pairwiseSum(vals[...], round)
                    } else {
                        s = vals[0]
                        for x in vals.dropFirst() { s = round(s + x) }
                    }
                    if kind == .mean { s = round(s / Double(vals.count)) }
                    return s
                }
                if kind == .mean && count == 0 {
                    runtimeWarning(interp, "Mean of empty slice.", "")
                }
                return try NDArray.make(doubles: r, shape: outShape, dtype: ct)
            }
            let v = a.int64s()
            let r: [Int64] = plan.groups.map { g in
                if kind == .prod { return g.reduce(Int64(1)) { $0 &* v[$1] } }
                return g.reduce(Int64(0)) { $0 &+ v[$1] }
            }
            return try NDArray.make(int64s: r, shape: outShape, dtype: t)
        }
    }

    /// `np.var` (`_var` in numpy/_core/_methods.py): x - mean, squared, summed, / (n - ddof).
    func variance(_ interp: Interpreter, _ a: NDArray, axes axesIn: [Int]?, ddof: Double, keepdims: Bool,
                  dtype want: DType?) throws -> NDArray {
        let axes = axesIn ?? Array(0..<a.ndim)
        let plan = ReductionPlan(shape: a.shape, axes: axes)
        let t: DType = want ?? (a.dtype.isFloatingPoint ? a.dtype : .float64)
        let round: (Double) -> Double = t == .float32 ? { Double(Float($0)) } : (t == .float16 ? { Double(Float16($0)) } : { $0 })
        let v = a.doubles().map(round)
        let n = axes.reduce(1) { $0 * a.shape[$1] }
        let outShape = keepdims ? plan.keptShape : plan.outShape
        if Double(n) - ddof <= 0 {
            runtimeWarning(interp, "Degrees of freedom <= 0 for slice", "")
        }
        let r: [Double] = plan.groups.map { g in
            let vals = g.map { v[$0] }
            if vals.isEmpty { return .nan }
            var s: Double
            if plan.pairwise { s = vals.count == 1 ? vals[0] : pairwiseSum(vals[...], round) }
            else { s = vals[0]; for x in vals.dropFirst() { s = round(s + x) } }
            let mean = round(s / Double(vals.count))
            let sq = vals.map { round(round($0 - mean) * round($0 - mean)) }
            var ss: Double
            if plan.pairwise { ss = sq.count == 1 ? sq[0] : pairwiseSum(sq[...], round) }
            else { ss = sq[0]; for x in sq.dropFirst() { ss = round(ss + x) } }
            return round(ss / max(Double(vals.count) - ddof, 0))
        }
        return try NDArray.make(doubles: r, shape: outShape, dtype: t)
    }
}
