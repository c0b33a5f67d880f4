/// Reduces `a` over the dims flagged in `reduced` into `out`, which has `a`'s rank with
/// size 1 in reduced dims. Each output element folds its own block, so the outer loop may
/// run on several threads.
@inline(__always)
func reduceLoop<T, Acc, R>(_ sizes: [Int], _ a: Operand, _ out: Operand, reduced: [Bool],
                           initial: Acc, _ combine: @escaping (inout Acc, T) -> Void, _ finish: @escaping (Acc) -> R) {
    reduceLoop(sizes, a, out, reduced: reduced, ClosureReduceFn(initial: initial, combineFn: combine, finishFn: finish))
}

/// A reduction as a type, so its combine step inlines into the loop (see `BinaryFn`).
protocol ReduceFn {
    associatedtype T
    associatedtype Acc
    associatedtype R
    var initial: Acc { get }
    func combine(_ acc: inout Acc, _ x: T)
    func finish(_ acc: Acc) -> R
}

struct ClosureReduceFn<T, Acc, R>: ReduceFn {
    let initial: Acc
    let combineFn: (inout Acc, T) -> Void
    let finishFn: (Acc) -> R
    @inline(__always) func combine(_ acc: inout Acc, _ x: T) { combineFn(&acc, x) }
    @inline(__always) func finish(_ acc: Acc) -> R { finishFn(acc) }
}

struct MaxReduce<T: TensorElement & Comparable>: ReduceFn {
    let initial: T
    @inline(__always) func combine(_ acc: inout T, _ x: T) {
        if T.dtype.isFloatingPoint {
            if x != x || acc != acc { if acc == acc { acc = x } } else if x > acc { acc = x }
        } else if x > acc { acc = x }
    }
    @inline(__always) func finish(_ acc: T) -> T { acc }
}

struct MinReduce<T: TensorElement & Comparable>: ReduceFn {
    let initial: T
    @inline(__always) func combine(_ acc: inout T, _ x: T) {
        if T.dtype.isFloatingPoint {
            if x != x || acc != acc { if acc == acc { acc = x } } else if x < acc { acc = x }
        } else if x < acc { acc = x }
    }
    @inline(__always) func finish(_ acc: T) -> T { acc }
}

struct DoubleSumReduce<T: TensorElement>: ReduceFn {
    let initial: Double = 0
    let scale: Double
    @inline(__always) func combine(_ acc: inout Double, _ x: T) { acc += x.doubleValue }
    @inline(__always) func finish(_ acc: Double) -> T { T(double: acc) }
}

struct AnyReduce<T: TensorElement & Equatable>: ReduceFn {
    let initial = false
    @inline(__always) func combine(_ acc: inout Bool, _ x: T) { if x != T.zero { acc = true } }
    @inline(__always) func finish(_ acc: Bool) -> Bool { acc }
}

struct AllReduce<T: TensorElement & Equatable>: ReduceFn {
    let initial = true
    @inline(__always) func combine(_ acc: inout Bool, _ x: T) { if x == T.zero { acc = false } }
    @inline(__always) func finish(_ acc: Bool) -> Bool { acc }
}

/// Reduces with a `ReduceFn`; see the closure form above for the layout.
@inline(__always)
func reduceLoop<F: ReduceFn>(_ sizes: [Int], _ a: Operand, _ out: Operand, reduced: [Bool], _ fn: F) {
    var kept = sizes, inner = sizes
    for d in 0..<sizes.count {
        if reduced[d] { kept[d] = 1 } else { inner[d] = 1 }
    }
    let pa = a.typed(F.T.self), po = out.typed(F.R.self)
    let outer = StridedLoop(shape: kept, out.strides, a.strides)
    let block = StridedLoop(shape: inner, a.strides)
    let blockSize = block.numel
    let parallelOK = outer.numel > 1 && outer.numel * blockSize >= StridedLoop.parallelThreshold
    let body = { (oo: Int, oa: Int, _: Int, n: Int, io: Int, ia: Int, _: Int) in
        for i in 0..<n {
            var acc = fn.initial
            let base = pa + (oa + i * ia)
            block.forEachRow { ob, _, _, m, ib, _, _ in
                let x = base + ob
                if ib == 1 {
                    for j in 0..<m { fn.combine(&acc, x[j]) }
                } else {
                    for j in 0..<m { fn.combine(&acc, x[j * ib]) }
                }
            }
            po[oo + i * io] = fn.finish(acc)
        }
    }
    if parallelOK { outer.forEachRowParallel(body) } else { outer.forEachRow(body) }
}

/// Reduction on Float or Double. Sums accumulate in Double and round once, like PyTorch's
/// cascade summation does closely; max/min propagate NaN.
func floatReduce<T: RealElement>(_ op: ReduceOp, _ t: T.Type, _ sizes: [Int], _ a: Operand, _ o: Operand,
                                 reduced: [Bool], count: Int) {
    switch op {
    case .sum:
        reduceLoop(sizes, a, o, reduced: reduced, initial: 0.0, { (acc: inout Double, x: T) in acc += Double(x) }, { T($0) })
    case .mean:
        let n = T(count)
        reduceLoop(sizes, a, o, reduced: reduced, initial: 0.0, { (acc: inout Double, x: T) in acc += Double(x) }, { T($0) / n })
    case .prod:
        reduceLoop(sizes, a, o, reduced: reduced, initial: T(1), { (acc: inout T, x: T) in acc *= x }, { $0 })
    case .max:
        reduceLoop(sizes, a, o, reduced: reduced, MaxReduce<T>(initial: -T.infinity))
    case .min:
        reduceLoop(sizes, a, o, reduced: reduced, MinReduce<T>(initial: T.infinity))
    case .absMax:
        reduceLoop(sizes, a, o, reduced: reduced, initial: T(0), { (acc: inout T, x: T) in
            let v = Swift.abs(x)
            if v.isNaN || acc.isNaN { acc = .nan } else if v > acc { acc = v }
        }, { $0 })
    case .absMin:
        reduceLoop(sizes, a, o, reduced: reduced, initial: T.infinity, { (acc: inout T, x: T) in
            let v = Swift.abs(x)
            if v.isNaN || acc.isNaN { acc = .nan } else if v < acc { acc = v }
        }, { $0 })
    case let .normPower(p):
        if p == 2 {
            reduceLoop(sizes, a, o, reduced: reduced, initial: 0.0, { (acc: inout Double, x: T) in acc += Double(x * x) }, { T($0) })
        } else if p == 1 {
            reduceLoop(sizes, a, o, reduced: reduced, initial: 0.0, { (acc: inout Double, x: T) in acc += Double(Swift.abs(x)) }, { T($0) })
        } else if p == 0 {
            reduceLoop(sizes, a, o, reduced: reduced, initial: 0.0, { (acc: inout Double, x: T) in acc += x != 0 ? 1 : 0 }, { T($0) })
        } else {
            let tp = T(p)
            reduceLoop(sizes, a, o, reduced: reduced, initial: 0.0, { (acc: inout Double, x: T) in acc += Double(T.m_pow(Swift.abs(x), tp)) }, { T($0) })
        }
    case .all:
        reduceLoop(sizes, a, o, reduced: reduced, initial: true, { (acc: inout Bool, x: T) in acc = acc && x != 0 }, { $0 })
    case .any:
        reduceLoop(sizes, a, o, reduced: reduced, initial: false, { (acc: inout Bool, x: T) in acc = acc || x != 0 }, { $0 })
    case .countNonzero:
        reduceLoop(sizes, a, o, reduced: reduced, initial: Int64(0), { (acc: inout Int64, x: T) in acc += x != 0 ? 1 : 0 }, { $0 })
    }
}

/// Reduction on integers: sums and products wrap like C++ int64 arithmetic.
func intReduce<T: IntegerTensorElement>(_ op: ReduceOp, _ t: T.Type, _ sizes: [Int], _ a: Operand, _ o: Operand,
                                        reduced: [Bool], count: Int) {
    switch op {
    case .sum:
        reduceLoop(sizes, a, o, reduced: reduced, ClosureReduceFn<T, T, T>(initial: T.zero, combineFn: { $0 = $0 &+ $1 }, finishFn: { $0 }))
    case .prod:
        reduceLoop(sizes, a, o, reduced: reduced, initial: T.one, { (acc: inout T, x: T) in acc = acc &* x }, { $0 })
    case .max:
        reduceLoop(sizes, a, o, reduced: reduced, MaxReduce<T>(initial: T.min))
    case .min:
        reduceLoop(sizes, a, o, reduced: reduced, MinReduce<T>(initial: T.max))
    case .absMax:
        reduceLoop(sizes, a, o, reduced: reduced, initial: T.zero, { (acc: inout T, x: T) in
            let v = x < 0 ? 0 &- x : x
            if v > acc { acc = v }
        }, { $0 })
    case .absMin:
        reduceLoop(sizes, a, o, reduced: reduced, initial: T.max, { (acc: inout T, x: T) in
            let v = x < 0 ? 0 &- x : x
            if v < acc { acc = v }
        }, { $0 })
    case .all:
        reduceLoop(sizes, a, o, reduced: reduced, initial: true, { (acc: inout Bool, x: T) in acc = acc && x != 0 }, { $0 })
    case .any:
        reduceLoop(sizes, a, o, reduced: reduced, initial: false, { (acc: inout Bool, x: T) in acc = acc || x != 0 }, { $0 })
    case .countNonzero:
        reduceLoop(sizes, a, o, reduced: reduced, initial: Int64(0), { (acc: inout Int64, x: T) in acc += x != 0 ? 1 : 0 }, { $0 })
    case .mean, .normPower:
        preconditionFailure("\(op) on integers reached the kernel")
    }
}

/// Reduction on bool: sum/count give int64 (the op converts first), logic ops stay bool.
func boolReduce(_ op: ReduceOp, _ sizes: [Int], _ a: Operand, _ o: Operand, reduced: [Bool]) {
    switch op {
    case .all, .min, .prod:
        reduceLoop(sizes, a, o, reduced: reduced, initial: true, { (acc: inout Bool, x: Bool) in acc = acc && x }, { $0 })
    case .any, .max, .absMax:
        reduceLoop(sizes, a, o, reduced: reduced, initial: false, { (acc: inout Bool, x: Bool) in acc = acc || x }, { $0 })
    case .countNonzero:
        reduceLoop(sizes, a, o, reduced: reduced, initial: Int64(0), { (acc: inout Int64, x: Bool) in acc += x ? 1 : 0 }, { $0 })
    default:
        preconditionFailure("\(op) on bool reached the kernel")
    }
}
