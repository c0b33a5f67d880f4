import Tensors

/// Sources of the elementwise families. Every kernel walks a grid-stride loop over the
/// output's elements and finds each operand's element through its own strides (zero
/// strides are broadcast dims), so one kernel serves every layout.
/// Operand slots: 0 is the output, 1 and 2 the inputs.
enum ElementwiseSource {
    static func binary(_ op: BinaryOp, input: DType, output: DType, scalar: ScalarSide?) -> KernelSource {
        let t = CType(input), o = CType(output)
        let resultType = op.isComparison || input == .bool ? "int" : t.compute
        let side = scalar.map { $0 == .left ? "_sl" : "_sr" } ?? ""
        let name = "gb_binary_\(BinaryExpression.name(op))_\(t.tag)_\(o.tag)\(side)"
        let x: String, y: String
        switch scalar {
        case nil:
            x = t.load("((const \(t.storage)*)a.ptr[1])[o[1]]")
            y = t.load("((const \(t.storage)*)a.ptr[2])[o[2]]")
        case .right?:
            x = t.load("((const \(t.storage)*)a.ptr[1])[o[1]]")
            y = t.scalarSlot(0)
        case .left?:
            x = t.scalarSlot(0)
            y = t.load("((const \(t.storage)*)a.ptr[1])[o[1]]")
        }
        let body = """
        GB_DEVICE \(resultType) gb_op(\(t.compute) x, \(t.compute) y, const GBArgs *ap) {
          (void)ap;
          \(BinaryExpression.body(op, t))
        }
        GB_KERNEL(\(name)) {
          GB_GRID_LOOP(i, a.n) {
            GB_OFFSETS(i, o)
            ((\(o.storage)*)a.ptr[0])[o[0]] = \(o.store("gb_op(\(x), \(y), &a)"));
          }
        }

        """
        return KernelSource(name: name, body: body)
    }

    enum ScalarSide { case left, right }

    static func unary(_ op: UnaryOp, input: DType, output: DType) -> KernelSource {
        let t = CType(input), o = CType(output)
        let resultType = op.producesBool || input == .bool ? "int" : t.compute
        let name = "gb_unary_\(UnaryExpression.name(op))_\(t.tag)_\(o.tag)"
        // The op's code reads parameters as `a.s[i]`; give it a local `a` pointing at them.
        let body = """
        GB_DEVICE \(resultType) gb_op(\(t.compute) x, const GBArgs *ap) {
          const GBArgs a = *ap; (void)a;
          \(UnaryExpression.body(op, t))
        }
        GB_KERNEL(\(name)) {
          GB_GRID_LOOP(i, a.n) {
            GB_OFFSETS(i, o)
            ((\(o.storage)*)a.ptr[0])[o[0]] = \(o.store("gb_op(\(t.load("((const \(t.storage)*)a.ptr[1])[o[1]]")), &a)"));
          }
        }

        """
        return KernelSource(name: name, body: body)
    }

    /// Copies with conversion between any two dtypes (also plain strided copies).
    static func cast(from source: DType, to destination: DType) -> KernelSource {
        let s = CType(source), d = CType(destination)
        let name = "gb_cast_\(s.tag)_\(d.tag)"
        let value = d.convert(s.load("((const \(s.storage)*)a.ptr[1])[o[1]]"), from: s)
        let body = """
        GB_KERNEL(\(name)) {
          GB_GRID_LOOP(i, a.n) {
            GB_OFFSETS(i, o)
            ((\(d.storage)*)a.ptr[0])[o[0]] = \(d.store(value));
          }
        }

        """
        return KernelSource(name: name, body: body)
    }

    /// Writes the scalar in slot 0 (already in the storage type's compute type) everywhere.
    static func fill(_ dtype: DType) -> KernelSource {
        let t = CType(dtype)
        let name = "gb_fill_\(t.tag)"
        let body = """
        GB_KERNEL(\(name)) {
          GB_GRID_LOOP(i, a.n) {
            GB_OFFSETS(i, o)
            ((\(t.storage)*)a.ptr[0])[o[0]] = \(t.store(t.scalarSlot(0)));
          }
        }

        """
        return KernelSource(name: name, body: body)
    }
}
