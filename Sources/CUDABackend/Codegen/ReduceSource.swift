import Tensors

/// Sources of reductions over arbitrary dims, in two kernels that need no shared memory:
///
/// - `partial`: thread t works for output element t / P on part t % P, folding the reduced
///   elements j = part, part + P, ... (neighbouring threads read neighbouring elements) into
///   an accumulator; with P = 1 it writes the finished output directly;
/// - `final`: one thread per output element folds its P partials in order and finishes.
///
/// Accumulators follow PyTorch's CUDA `acc_type`: float for float32 and the half types,
/// double for float64, the output's integer type for integer sums and products (wrapping).
/// Operand slots: 0 output, 1 input, 2 partials buffer. Kept dims use `sizes`/`strides`,
/// reduced dims `rsizes`/`rstrides`.
enum ReduceSource {
    struct Plan {
        let accType: String
        let initial: String
        /// Folds one mapped element or partial `v` into `acc`.
        let combine: String
        /// Maps an input element `x` (compute type) to the accumulator domain.
        let map: String
        /// The output value from `acc` (`count` is the number of reduced elements).
        let finish: String
    }

    static func plan(_ op: ReduceOp, input: DType, output: DType) -> Plan {
        let t = CType(input), o = CType(output)
        let floatAcc = t.isDouble ? "double" : "float"
        let nanMaxCombine = "if (v != v || acc != acc) { if (acc == acc) acc = v; } else if (v > acc) acc = v;"
        let nanMinCombine = "if (v != v || acc != acc) { if (acc == acc) acc = v; } else if (v < acc) acc = v;"
        if input == .bool {
            switch op {
            case .all, .min, .prod: return Plan(accType: "int", initial: "1", combine: "acc = acc && v;", map: "x", finish: "acc")
            case .countNonzero: return Plan(accType: "long long", initial: "0", combine: "acc += v;", map: "(long long)(x != 0)", finish: "acc")
            default: return Plan(accType: "int", initial: "0", combine: "acc = acc || v;", map: "x", finish: "acc")
            }
        }
        switch op {
        case .all: return Plan(accType: "int", initial: "1", combine: "acc = acc && v;", map: "(x != 0)", finish: "acc")
        case .any: return Plan(accType: "int", initial: "0", combine: "acc = acc || v;", map: "(x != 0)", finish: "acc")
        case .countNonzero: return Plan(accType: "long long", initial: "0", combine: "acc += v;", map: "(long long)(x != 0)", finish: "acc")
        default: break
        }
        if t.isFloat {
            let T = floatAcc
            func m(_ f: String) -> String { t.isDouble ? f : f + "f" }
            switch op {
            case .sum: return Plan(accType: T, initial: "0", combine: "acc += v;", map: "(\(T))x", finish: "acc")
            case .mean: return Plan(accType: T, initial: "0", combine: "acc += v;", map: "(\(T))x", finish: "acc / (\(T))count")
            case .prod: return Plan(accType: T, initial: "1", combine: "acc *= v;", map: "(\(T))x", finish: "acc")
            case .max: return Plan(accType: T, initial: "-\(t.infinity)", combine: nanMaxCombine, map: "x", finish: "acc")
            case .min: return Plan(accType: T, initial: t.infinity, combine: nanMinCombine, map: "x", finish: "acc")
            case .absMax:
                return Plan(accType: T, initial: "0", combine: "if (v != v || acc != acc) acc = \(t.nan); else if (v > acc) acc = v;",
                            map: "\(m("fabs"))(x)", finish: "acc")
            case .absMin:
                return Plan(accType: T, initial: t.infinity, combine: "if (v != v || acc != acc) acc = \(t.nan); else if (v < acc) acc = v;",
                            map: "\(m("fabs"))(x)", finish: "acc")
            case let .normPower(p):
                let map = switch p {
                case 2: "x * x"
                case 1: "\(m("fabs"))(x)"
                case 0: "(\(T))(x != 0)"
                default: "\(m("pow"))(\(m("fabs"))(x), (\(T))gb_bits_d(a.s[0]))"
                }
                return Plan(accType: T, initial: "0", combine: "acc += v;", map: map, finish: "acc")
            default: break
            }
        }
        // Integers: wrap through unsigned arithmetic in the output type.
        let A = o.compute, U = "unsigned long long"
        switch op {
        case .sum: return Plan(accType: A, initial: "0", combine: "acc = (\(A))((\(U))acc + (\(U))v);", map: "(\(A))x", finish: "acc")
        case .prod: return Plan(accType: A, initial: "1", combine: "acc = (\(A))((\(U))acc * (\(U))v);", map: "(\(A))x", finish: "acc")
        case .max: return Plan(accType: t.compute, initial: minimum(input), combine: "if (v > acc) acc = v;", map: "x", finish: "acc")
        case .min: return Plan(accType: t.compute, initial: maximum(input), combine: "if (v < acc) acc = v;", map: "x", finish: "acc")
        case .absMax:
            return Plan(accType: t.compute, initial: "0", combine: "if (v > acc) acc = v;",
                        map: "(x < 0 ? (\(t.compute))(0ULL - (\(U))x) : x)", finish: "acc")
        case .absMin:
            return Plan(accType: t.compute, initial: maximum(input), combine: "if (v < acc) acc = v;",
                        map: "(x < 0 ? (\(t.compute))(0ULL - (\(U))x) : x)", finish: "acc")
        default:
            return Plan(accType: A, initial: "0", combine: "acc += v; /* \(op) has no integer kernel */", map: "x", finish: "acc")
        }
    }

    private static func minimum(_ d: DType) -> String {
        switch d {
        case .uint8: "0"
        case .int8: "(-128)"
        case .int16: "(-32768)"
        case .int32: "(-2147483647 - 1)"
        default: "(-9223372036854775807LL - 1)"
        }
    }

    private static func maximum(_ d: DType) -> String {
        switch d {
        case .uint8: "255"
        case .int8: "127"
        case .int16: "32767"
        case .int32: "2147483647"
        default: "9223372036854775807LL"
        }
    }

    static func opName(_ op: ReduceOp) -> String {
        switch op {
        case .normPower(let p): p == 2 ? "norm2" : (p == 1 ? "norm1" : (p == 0 ? "norm0" : "normp"))
        default: "\(op)"
        }
    }

    /// The kernel pair for one op and dtype pair: names `<base>_partial` and `<base>_final`.
    static func source(_ op: ReduceOp, input: DType, output: DType) -> (source: KernelSource, partial: String, final: String) {
        let t = CType(input), o = CType(output)
        let p = plan(op, input: input, output: output)
        let base = "gb_reduce_\(opName(op))_\(t.tag)_\(o.tag)"
        let body = """
        GB_DEVICE void gb_combine(\(p.accType) *accp, \(p.accType) v) { \(p.accType) acc = *accp; \(p.combine) *accp = acc; }
        GB_DEVICE \(o.compute) gb_finish(\(p.accType) acc, long long count) { (void)count; return (\(o.compute))(\(p.finish)); }
        GB_KERNEL(\(base)_partial) {
          GB_GRID_LOOP(t, a.n * a.parts) {
            long long out_ = t / a.parts, part_ = t % a.parts;
            GB_OFFSETS(out_, o)
            const \(t.storage) *in_ = (const \(t.storage)*)a.ptr[1] + o[1];
            \(p.accType) acc = \(p.initial);
            for (long long j = part_; j < a.rn; j += a.parts) {
              long long r_ = j, off_ = 0;
              for (int d_ = (int)a.rrank - 1; d_ >= 0; d_--) { off_ += (r_ % a.rsizes[d_]) * a.rstrides[d_]; r_ /= a.rsizes[d_]; }
              \(t.compute) x = \(t.load("in_[off_]"));
              gb_combine(&acc, \(p.map));
            }
            if (a.parts == 1) ((\(o.storage)*)a.ptr[0])[o[0]] = \(o.store("gb_finish(acc, a.rn)"));
            else ((\(p.accType)*)a.ptr[2])[t] = acc;
          }
        }
        GB_KERNEL(\(base)_final) {
          GB_GRID_LOOP(i, a.n) {
            GB_OFFSETS(i, o)
            const \(p.accType) *parts_ = (const \(p.accType)*)a.ptr[2] + i * a.parts;
            \(p.accType) acc = \(p.initial);
            for (long long k = 0; k < a.parts; k++) gb_combine(&acc, parts_[k]);
            ((\(o.storage)*)a.ptr[0])[o[0]] = \(o.store("gb_finish(acc, a.rn)"));
          }
        }

        """
        return (KernelSource(name: base, body: body), base + "_partial", base + "_final")
    }

    static func accByteSize(_ op: ReduceOp, input: DType, output: DType) -> Int {
        switch plan(op, input: input, output: output).accType {
        case "double", "long long": 8
        case "int", "float": 4
        case "short": 2
        default: 1
        }
    }
}
