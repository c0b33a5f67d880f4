/// Reductions on complex elements: sums and products accumulate in the element type, as
/// ATen's complex reductions do; order-dependent ones PyTorch has no complex kernel for raise.
func complexReduce<C: ComplexTensorElement>(_ op: ReduceOp, _ t: C.Type, _ sizes: [Int], _ a: Operand, _ o: Operand,
                                            reduced: [Bool], count: Int) throws(TensorError) {
    switch op {
    case .sum:
        reduceLoop(sizes, a, o, reduced: reduced, initial: C.zero, { (acc: inout C, x: C) in acc = complexAdd(acc, x) }, { $0 })
    case .mean:
        let n = C(re: C.Part(count), im: 0)
        reduceLoop(sizes, a, o, reduced: reduced, initial: C.zero, { (acc: inout C, x: C) in acc = complexAdd(acc, x) },
                   { complexDiv($0, n) })
    case .prod:
        if C.self == Complex128.self, ComplexProd.run(sizes, a, o, reduced: reduced) { return }
        reduceLoop(sizes, a, o, reduced: reduced, initial: C.one, { (acc: inout C, x: C) in acc = complexMul(acc, x) }, { $0 })
    case .all:
        reduceLoop(sizes, a, o, reduced: reduced, initial: true, { (acc: inout Bool, x: C) in acc = acc && x.boolValue }, { $0 })
    case .any:
        reduceLoop(sizes, a, o, reduced: reduced, initial: false, { (acc: inout Bool, x: C) in acc = acc || x.boolValue }, { $0 })
    case .countNonzero:
        reduceLoop(sizes, a, o, reduced: reduced, initial: Int64(0), { (acc: inout Int64, x: C) in acc += x.boolValue ? 1 : 0 }, { $0 })
    case .max: throw .notImplemented("\"max_all\" not implemented for '\(C.dtype.scalarTypeName)'")
    case .min: throw .notImplemented("\"min_all\" not implemented for '\(C.dtype.scalarTypeName)'")
    case .normPower, .absMax, .absMin:
        throw .notImplemented("\"norm_cpu\" not implemented for '\(C.dtype.scalarTypeName)'")
    }
}
