#if canImport(Glibc)
import Glibc
#endif
import Interpreter
import Tensors

extension NumPyRuntime {
    func build(_ interp: Interpreter, _ m: PyModule) throws {
        try buildArrayClasses(interp, m)
        m.addFunction("_raise") { _, args in throw PyError(type: args[0].asString ?? "Exception", message: "") }

        m.addFunction("array") { interp, args in
            let b = try self.bind(args, "array", ["object", "dtype"], required: 1, kw: ["copy", "order", "subok", "ndmin", "like"])
            var a = try self.makeArray(interp, b[0]!, dtype: try self.dtype(interp, b[1]),
                                       copy: try self.bool(interp, b[2], true))
            if let nd = try self.int(interp, b[5]), nd > a.ndim {
                a = try self.reshape(a, [Int](repeating: 1, count: nd - a.ndim) + a.shape)
            }
            return self.wrap(interp, a)
        }
        m.addFunction("asarray") { interp, args in
            let b = try self.bind(args, "asarray", ["a", "dtype", "order"], required: 1, kw: ["device", "copy", "like"])
            let want = try self.dtype(interp, b[1])
            if let a = NDArray.from(b[0]!), !self.isScalarObject(b[0]!), want == nil || want == a.dtype {
                return b[0]!
            }
            return self.wrap(interp, try self.asArray(interp, b[0]!, dtype: try self.dtype(interp, b[1])))
        }
        for (name, fill) in [("zeros", 0.0), ("ones", 1.0), ("empty", 0.0)] {
            m.addFunction(name) { interp, args in
                let b = try self.bind(args, name, ["shape", "dtype", "order"], required: 1, kw: ["device", "like"])
                let shape = try self.shapeArg(interp, b[0]!)
                try self.checkShape(shape)
                let t = try self.dtype(interp, b[1]) ?? .float64
                let a = try NDArray.empty(shape, t)
                if fill != 0 { for i in 0..<a.size { a.storeDouble(i, fill) } }
                return self.wrap(interp, a)
            }
        }
        m.addFunction("full") { interp, args in
            let b = try self.bind(args, "full", ["shape", "fill_value", "dtype", "order"], required: 2, kw: ["device", "like"])
            let shape = try self.shapeArg(interp, b[0]!)
            try self.checkShape(shape)
            let fv = try self.asArray(interp, b[1]!)
            let t = try self.dtype(interp, b[2]) ?? fv.dtype
            let a = try NDArray.empty(shape, t)
            try self.setItem(interp, a, .ellipsis, self.wrap(interp, fv))
            return self.wrap(interp, a)
        }
        m.addFunction("arange") { interp, args in
            let b = try self.bind(args, "arange", ["start", "stop", "step", "dtype"], required: 0, kw: ["device", "like"])
            var start = b[0] ?? .int(0), stop = b[1] ?? .none
            let step = b[2] ?? .int(1)
            if stop.isNone { stop = start; start = .int(0) }
            let allInt = [start, stop, step].allSatisfy { if case .int = $0 { return true }; if case .bool = $0 { return true }; return NDArray.from($0).map { !$0.dtype.isFloatingPoint } ?? false }
            let want = try self.dtype(interp, b[3])
            let s0 = try interp.doubleArgument(start), s1 = try interp.doubleArgument(stop), st = try interp.doubleArgument(step)
            if st == 0 { throw PyError.zeroDivision("division by zero") }
            let n = max(0, Int(((s1 - s0) / st).rounded(.up)))
            let t = want ?? (allInt ? .int64 : .float64)
            if allInt && !(t.isFloatingPoint) || (allInt && want == nil) {
                let a0 = Int64(try interp.index(start) ?? 0), d = Int64(try interp.index(step) ?? 1)
                let e = Int64(try interp.index(stop) ?? 0)
                var cnt = d > 0 ? (e - a0 + d - 1) / d : (a0 - e - d - 1) / (-d)
                cnt = max(0, cnt)
                let vals = (0..<Int(cnt)).map { a0 + Int64($0) * d }
                if t.isFloatingPoint { return self.wrap(interp, try NDArray.make(doubles: vals.map { Double($0) }, shape: [vals.count], dtype: t)) }
                return self.wrap(interp, try NDArray.make(int64s: vals, shape: [vals.count], dtype: t))
            }
            // NumPy fills start, start+delta, then i*delta + start
            let delta = (s0 + st) - s0
            var vals = [Double](repeating: 0, count: n)
            for i in 0..<n { vals[i] = i == 0 ? s0 : (i == 1 ? s0 + st : s0 + Double(i) * delta) }
            return self.wrap(interp, try NDArray.make(doubles: vals, shape: [n], dtype: t))
        }
        for op in BinaryUfunc.allCases {
            m.addFunction(op.rawValue) { interp, args in
                let b = try self.bind(args, op.rawValue, ["x1", "x2", "out"], required: 2, kw: ["where", "dtype", "casting", "order", "subok"])
                let r = try self.binary(interp, op, b[0]!, b[1]!, dtype: try self.dtype(interp, b[4]))
                if let w = self.foreignResult(r, [b[0]!, b[1]!], out: b[2]) { return w }
                return try self.finish(interp, r, out: b[2])
            }
        }
        for op in UnaryUfunc.allCases {
            m.addFunction(op.rawValue) { interp, args in
                let b = try self.bind(args, op.rawValue, ["x", "out"], required: 1, kw: ["where", "dtype", "casting", "order", "subok"])
                let r = try self.unary(interp, op, b[0]!, dtype: try self.dtype(interp, b[3]))
                if let w = self.foreignResult(r, [b[0]!], out: b[1]) { return w }
                return try self.finish(interp, r, out: b[1])
            }
        }
        let kinds: [String: Reduction] = ["sum": .sum, "prod": .prod, "max": .max, "min": .min, "argmax": .argmax,
                                         "argmin": .argmin, "any": .any, "all": .all, "mean": .mean, "nansum": .nansum,
                                         "nanmax": .nanmax, "nanmin": .nanmin]
        m.addFunction("_reduce") { interp, args in
            // _reduce(kind, a, axis, keepdims, dtype, out)
            let kindName = args[0].asString ?? ""
            guard let kind = kinds[kindName] else { throw PyError.valueError(kindName) }
            let a = try self.asArray(interp, args[1])
            let axes = try self.axes(interp, args[2], ndim: a.ndim)
            let keep = try self.bool(interp, args[3], false)
            let t = try self.dtype(interp, args[4])
            if (kind == .argmax || kind == .argmin), let ax = axes, ax.count > 1 { throw PyError.typeError("'tuple' object cannot be interpreted as an integer") }
            if (kind == .argmax || kind == .argmin) && axes == nil {
                let flat = try self.reshape(a, [-1])
                let r = try self.reduce(interp, flat, kind, axes: [0], keepdims: false, name: kindName)
                if keep { return self.wrap(interp, r.reshapedView([Int](repeating: 1, count: a.ndim))) }
                return self.result(interp, r)
            }
            let r = try self.reduce(interp, a, kind, axes: axes, keepdims: keep, dtype: t, name: kindName)
            return try self.finish(interp, r, out: args.count > 5 ? args[5] : nil)
        }
        m.addFunction("_var") { interp, args in
            // _var(a, axis, ddof, keepdims, dtype)
            let a = try self.asArray(interp, args[0])
            let axes = try self.axes(interp, args[1], ndim: a.ndim)
            let r = try self.variance(interp, a, axes: axes, ddof: try interp.doubleArgument(args[2]),
                                      keepdims: try self.bool(interp, args[3], false), dtype: try self.dtype(interp, args[4]))
            return self.result(interp, r)
        }
        m.addFunction("_cumulative") { interp, args in
            // _cumulative(kind, a, axis, dtype)
            let prod = args[0].asString == "prod"
            var a = try self.asArray(interp, args[1])
            var axis = 0
            if args[2].isNone { a = try self.reshape(a, [-1]) } else { axis = try self.axisIndex(interp, args[2], a.ndim) }
            var t = try self.dtype(interp, args[3]) ?? a.dtype
            if try self.dtype(interp, args[3]) == nil && !t.isFloatingPoint { t = .int64 }
            let shape = a.shape
            let inner = shape[(axis + 1)...].reduce(1, *), n = shape[axis], outer = shape[..<axis].reduce(1, *)
            if t.isFloatingPoint {
                var v = a.doubles()
                let round: (Double) -> Double = t == .float32 ? { Double(Float($0)) } : { $0 }
                for o in 0..<outer { for i in 0..<inner {
                    for k in 1..<max(n, 1) {
                        let p = (o * n + k) * inner + i, q = (o * n + k - 1) * inner + i
                        v[p] = round(prod ? v[q] * v[p] : v[q] + v[p])
                    }
                } }
                return self.wrap(interp, try NDArray.make(doubles: v, shape: shape, dtype: t))
            }
            var v = a.int64s()
            for o in 0..<outer { for i in 0..<inner {
                for k in 1..<max(n, 1) {
                    let p = (o * n + k) * inner + i, q = (o * n + k - 1) * inner + i
                    v[p] = prod ? v[q] &* v[p] : v[q] &+ v[p]
                }
            } }
            return self.wrap(interp, try NDArray.make(int64s: v, shape: shape, dtype: t))
        }
        m.addFunction("reshape") { interp, args in
            let b = try self.bind(args, "reshape", ["a", "shape", "order"], required: 1, kw: ["newshape", "copy"])
            let a = try self.asArray(interp, b[0]!)
            guard let sv = b[1] ?? b[3] else { throw PyError.typeError("reshape() missing 1 required positional argument: 'shape'") }
            return self.wrap(interp, try self.reshape(a, try self.shapeArg(interp, sv), order: b[2]?.asString ?? "C"))
        }
        m.addFunction("transpose") { interp, args in
            let b = try self.bind(args, "transpose", ["a", "axes"], required: 1)
            let a = try self.asArray(interp, b[0]!)
            guard let ax = b[1], !ax.isNone else { return self.wrap(interp, self.transpose(a, nil)) }
            let perm = try self.shapeArg(interp, ax).map { try self.axisIndex(interp, .int($0), a.ndim) }
            if perm.count != a.ndim { throw PyError.valueError("axes don't match array") }
            return self.wrap(interp, self.transpose(a, perm))
        }
        m.addFunction("concatenate") { interp, args in
            let b = try self.bind(args, "concatenate", ["arrays", "axis", "out"], required: 1, kw: ["dtype", "casting"])
            let arrays = try interp.iterate(b[0]!).map { try self.asArray(interp, $0) }
            if arrays.isEmpty { throw PyError.valueError("need at least one array to concatenate") }
            var flatten = false
            var axis = 0
            if let ax = b[1], ax.isNone { flatten = true } else if let ax = b[1] { axis = try self.int(interp, ax)! }
            var parts = arrays
            if flatten { parts = try parts.map { try self.reshape($0, [-1]) } }
            let nd = parts[0].ndim
            if nd == 0 { throw PyError.valueError("zero-dimensional arrays cannot be concatenated") }
            for (i, p) in parts.enumerated() where p.ndim != nd {
                throw PyError.valueError("all the input arrays must have same number of dimensions, but the array at index 0 has \(nd) dimension(s) and the array at index \(i) has \(p.ndim) dimension(s)")
            }
            axis = try self.axisIndex(interp, .int(axis), nd)
            for (i, p) in parts.enumerated() {
                for d in 0..<nd where d != axis && p.shape[d] != parts[0].shape[d] {
                    throw PyError.valueError("all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(d), the array at index 0 has size \(parts[0].shape[d]) and the array at index \(i) has size \(p.shape[d])")
                }
            }
            var t = try self.dtype(interp, b[3]) ?? parts[0].dtype
            if try self.dtype(interp, b[3]) == nil { for p in parts.dropFirst() { t = DType.numpyPromote(t, p.dtype) } }
            var shape = parts[0].shape
            shape[axis] = parts.reduce(0) { $0 + $1.shape[axis] }
            let out = try NDArray.empty(shape, t)
            var pos = 0
            for p in parts {
                var key: [PyValue] = Array(repeating: .object(PySlice(start: .none, stop: .none, step: .none)), count: nd)
                key[axis] = .object(PySlice(start: .int(pos), stop: .int(pos + p.shape[axis]), step: .none))
                try self.setItem(interp, out, .tuple(key), self.wrap(interp, p))
                pos += p.shape[axis]
            }
            return self.wrap(interp, out)
        }
        m.addFunction("where") { interp, args in
            let b = try self.bind(args, "where", ["condition", "x", "y"], required: 1)
            if b[1] == nil && b[2] == nil { return try self.nonzero(interp, try self.asArray(interp, b[0]!)) }
            guard let xv = b[1], let yv = b[2] else { throw PyError.valueError("either both or neither of x and y should be given") }
            let c = try self.asArray(interp, b[0]!)
            let x = try self.operand(interp, xv), y = try self.operand(interp, yv)
            let t = try self.resultType([x, y])
            let shape = try Broadcast.shape([c.shape, x.array.shape, y.array.shape])
            let cv = Broadcast.doubles(c, to: shape)
            if t.isFloatingPoint {
                let xs = Broadcast.doubles(x.array, to: shape), ys = Broadcast.doubles(y.array, to: shape)
                return self.wrap(interp, try NDArray.make(doubles: cv.indices.map { cv[$0] != 0 ? xs[$0] : ys[$0] }, shape: shape, dtype: t))
            }
            let xs = Broadcast.ints(x.array, to: shape), ys = Broadcast.ints(y.array, to: shape)
            return self.wrap(interp, try NDArray.make(int64s: cv.indices.map { cv[$0] != 0 ? xs[$0] : ys[$0] }, shape: shape, dtype: t))
        }
        m.addFunction("nonzero") { interp, args in try self.nonzero(interp, try self.asArray(interp, args[0])) }
        m.addFunction("_sort") { interp, args in
            // _sort(a, axis, arg, kind) -> sorted copy or argsort indices along axis
            var a = try self.asArray(interp, args[0])
            var axis = a.ndim - 1
            if args[1].isNone { a = try self.reshape(a, [-1]); axis = 0 } else { axis = try self.axisIndex(interp, args[1], a.ndim) }
            let wantArg = try interp.truthy(args[2])
            let stable = args.count > 3 && (args[3].asString == "stable" || args[3].asString == "mergesort")
            let shape = a.shape
            let inner = shape[(axis + 1)...].reduce(1, *), n = shape[axis], outer = shape[..<axis].reduce(1, *)
            let v = a.doubles(), iv = a.int64s()
            var outD = v, outI = iv, idx = [Int64](repeating: 0, count: v.count)
            let isF = a.dtype.isFloatingPoint
            for o in 0..<outer { for i in 0..<inner {
                let pos = (0..<n).map { (o * n + $0) * inner + i }
                var order = Array(0..<n)
                func less(_ p: Int, _ q: Int) -> Bool {
                    if isF {
                        let x = v[pos[p]], y = v[pos[q]]
                        if x.isNaN { return false }
                        if y.isNaN { return true }
                        return x < y
                    }
                    return iv[pos[p]] < iv[pos[q]]
                }
                // stable sort (ties keep order; NumPy's quicksort is not stable, but for
                // argsort of distinct values the result is the same)
                _ = stable
                order = mergeSort(order, less)
                for k in 0..<n {
                    outD[pos[k]] = v[pos[order[k]]]; outI[pos[k]] = iv[pos[order[k]]]; idx[pos[k]] = Int64(order[k])
                }
            } }
            if wantArg { return self.wrap(interp, try NDArray.make(int64s: idx, shape: shape, dtype: .int64)) }
            if isF { return self.wrap(interp, try NDArray.make(doubles: outD, shape: shape, dtype: a.dtype)) }
            return self.wrap(interp, try NDArray.make(int64s: outI, shape: shape, dtype: a.dtype))
        }
        m.addFunction("matmul") { interp, args in
            let b = try self.bind(args, "matmul", ["x1", "x2", "out"], required: 2, kw: ["dtype", "casting", "order", "subok", "axes", "axis"])
            return try self.finish(interp, try self.matmul(interp, try self.asArray(interp, b[0]!), try self.asArray(interp, b[1]!)), out: b[2])
        }
        m.addFunction("broadcast_to") { interp, args in
            let b = try self.bind(args, "broadcast_to", ["array", "shape", "subok"], required: 2)
            let a = try self.asArray(interp, b[0]!)
            let shape = try self.shapeArg(interp, b[1]!)
            let r = try self.broadcastView(a, shape)
            r.writeable = false
            return self.wrap(interp, r)
        }
        m.addFunction("promote_types") { interp, args in
            self.dtypeValue(interp, DType.numpyPromote(try self.dtype(interp, args[0])!, try self.dtype(interp, args[1])!))
        }
        m.addFunction("result_type") { interp, args in
            var ops: [Operand] = []
            for v in args.positional {
                if let t = try? self.dtype(interp, v), NDArray.from(v) == nil {
                    ops.append(Operand(array: try NDArray.empty([], t), weak: nil))
                } else { ops.append(try self.operand(interp, v)) }
            }
            return self.dtypeValue(interp, try self.resultType(ops))
        }
        m.addFunction("can_cast") { interp, args in
            let b = try self.bind(args, "can_cast", ["from_", "to", "casting"], required: 2)
            let from: DType
            if let a = NDArray.from(b[0]!) { from = a.dtype } else { from = try self.dtype(interp, b[0]!)! }
            let to = try self.dtype(interp, b[1]!)!
            let casting = b[2]?.asString ?? "safe"
            switch casting {
            case "no", "equiv": return .bool(from == to)
            case "unsafe": return .true
            case "same_kind": return .bool(from.numpyCanCastSafely(to: to) || (from.category <= to.category))
            default: return .bool(from.numpyCanCastSafely(to: to))
            }
        }
        m.addFunction("set_printoptions") { interp, args in
            let b = try self.bind(args, "set_printoptions", ["precision", "threshold", "edgeitems", "linewidth", "suppress", "nanstr", "infstr", "formatter", "sign", "floatmode"], kw: ["legacy", "override_repr"])
            var o = self.options
            if let v = try self.int(interp, b[0]) { o.precision = v }
            if let v = try self.int(interp, b[1]) { o.threshold = v }
            if let v = try self.int(interp, b[2]) { o.edgeitems = v }
            if let v = try self.int(interp, b[3]) { o.linewidth = v }
            if let v = b[4], !v.isNone { o.suppress = try interp.truthy(v) }
            if let v = b[5]?.asString { o.nanstr = v }
            if let v = b[6]?.asString { o.infstr = v }
            if let v = b[8]?.asString {
                guard ["-", "+", " "].contains(v) else { throw PyError.valueError("sign option must be one of ' ', '+', or '-'") }
                o.sign = v
            }
            if let v = b[9]?.asString {
                guard ["fixed", "unique", "maxprec", "maxprec_equal"].contains(v) else {
                    throw PyError.valueError("floatmode option must be one of 'fixed', 'unique', 'maxprec', 'maxprec_equal'")
                }
                o.floatmode = v
            }
            self.options = o
            return .none
        }
        m.addFunction("get_printoptions") { interp, _ in
            let o = self.options
            return .object(PyDict([("edgeitems", .int(o.edgeitems)), ("threshold", .int(o.threshold)), ("floatmode", .str(o.floatmode)),
                                   ("precision", .int(o.precision)), ("suppress", .bool(o.suppress)), ("linewidth", .int(o.linewidth)),
                                   ("nanstr", .str(o.nanstr)), ("infstr", .str(o.infstr)), ("sign", .str(o.sign)),
                                   ("formatter", .none), ("legacy", .false), ("override_repr", .none)]))
        }
        m.addFunction("array_repr") { interp, args in
            let b = try self.bind(args, "array_repr", ["arr", "max_line_width", "precision", "suppress_small"], required: 1)
            var o = self.options
            if let v = try self.int(interp, b[1]) { o.linewidth = v }
            if let v = try self.int(interp, b[2]) { o.precision = v }
            if let v = b[3], !v.isNone { o.suppress = try interp.truthy(v) }
            return .str(ArrayPrinter(options: o).repr(try self.asArray(interp, b[0]!)))
        }
        m.addFunction("array_str") { interp, args in
            let b = try self.bind(args, "array_str", ["a", "max_line_width", "precision", "suppress_small"], required: 1)
            var o = self.options
            if let v = try self.int(interp, b[1]) { o.linewidth = v }
            if let v = try self.int(interp, b[2]) { o.precision = v }
            if let v = b[3], !v.isNone { o.suppress = try interp.truthy(v) }
            return .str(ArrayPrinter(options: o).str(try self.asArray(interp, b[0]!)))
        }
        m.addFunction("array2string") { interp, args in
            let b = try self.bind(args, "array2string", ["a", "max_line_width", "precision", "suppress_small", "separator", "prefix"],
                                  required: 1, kw: ["formatter", "threshold", "edgeitems", "sign", "floatmode", "suffix", "legacy"])
            var o = self.options
            if let v = try self.int(interp, b[1]) { o.linewidth = v }
            if let v = try self.int(interp, b[2]) { o.precision = v }
            if let v = b[3], !v.isNone { o.suppress = try interp.truthy(v) }
            if let v = try self.int(interp, b[7]) { o.threshold = v }
            if let v = try self.int(interp, b[8]) { o.edgeitems = v }
            if let v = b[9]?.asString { o.sign = v }
            if let v = b[10]?.asString { o.floatmode = v }
            let a = try self.asArray(interp, b[0]!)
            return .str(ArrayPrinter(options: o).array2string(a, separator: b[4]?.asString ?? " ", prefix: b[5]?.asString ?? "", suffix: b[11]?.asString ?? ""))
        }
        m.addFunction("format_float_positional") { interp, args in
            let b = try self.bind(args, "format_float_positional", ["x", "precision", "unique", "fractional", "trim", "sign", "pad_left", "pad_right", "min_digits"], required: 1)
            let t = NDArray.from(b[0]!)?.dtype ?? .float64
            return .str(FloatText.positional(try interp.doubleArgument(b[0]!), t, precision: try self.int(interp, b[1]) ?? -1,
                                             unique: try self.bool(interp, b[2], true), trim: Character(b[4]?.asString ?? "k"),
                                             sign: try self.bool(interp, b[5], false), padLeft: try self.int(interp, b[6]) ?? -1,
                                             padRight: try self.int(interp, b[7]) ?? -1, minDigits: try self.int(interp, b[8]) ?? -1))
        }
        m.addFunction("format_float_scientific") { interp, args in
            let b = try self.bind(args, "format_float_scientific", ["x", "precision", "unique", "trim", "sign", "pad_left", "exp_digits", "min_digits"], required: 1)
            let t = NDArray.from(b[0]!)?.dtype ?? .float64
            return .str(FloatText.scientific(try interp.doubleArgument(b[0]!), t, precision: try self.int(interp, b[1]) ?? -1,
                                             unique: try self.bool(interp, b[2], true), trim: Character(b[3]?.asString ?? "k"),
                                             sign: try self.bool(interp, b[4], false), padLeft: try self.int(interp, b[5]) ?? -1,
                                             expDigits: try self.int(interp, b[6]) ?? -1, minDigits: try self.int(interp, b[7]) ?? -1))
        }
        m.addFunction("_set_writeable") { interp, args in
            try self.arr(args[0]).writeable = try interp.truthy(args[1]); return .none
        }
        m.addFunction("_view") { interp, args in
            // _view(a, shape, strides(elements), offset(elements, relative))
            let a = try self.arr(args[0])
            let shape = try self.shapeArg(interp, args[1]), strides = try self.shapeArg(interp, args[2])
            return self.wrap(interp, a.view(shape: shape, strides: strides, offset: a.tensor.offset + (try self.int(interp, args[3]) ?? 0)))
        }
        m.addFunction("_elem_strides") { interp, args in .tuple(try self.arr(args[0]).elementStrides.map { .int($0) }) }
        m.addFunction("shares_memory") { interp, args in
            .bool(try self.arr(args[0]).tensor.storage === (try self.arr(args[1]).tensor.storage))
        }
        m.addFunction("_is_scalar") { interp, args in .bool(self.isScalarObject(args[0])) }
        m.addFunction("_float_info") { interp, args in
            // (eps, max, min(tiny), resolution, precision, bits)
            let t = try self.dtype(interp, args[0]) ?? .float64
            switch t {
            case .float16: return .tuple([.float(Double(Float16.ulpOfOne)), .float(Double(Float16.greatestFiniteMagnitude)), .float(Double(Float16.leastNormalMagnitude)), .float(1e-3), .int(3), .int(16)])
            case .float32: return .tuple([.float(Double(Float.ulpOfOne)), .float(Double(Float.greatestFiniteMagnitude)), .float(Double(Float.leastNormalMagnitude)), .float(1e-6), .int(6), .int(32)])
            default: return .tuple([.float(Double.ulpOfOne), .float(Double.greatestFiniteMagnitude), .float(Double.leastNormalMagnitude), .float(1e-15), .int(15), .int(64)])
            }
        }
        m.addFunction("_int_info") { interp, args in
            let t = try self.dtype(interp, args[0]) ?? .int64
            if t.isFloatingPoint { throw PyError.valueError("Invalid integer data type 'f'.") }
            return .tuple([.int(Int(t.intRange.lowerBound)), .int(Int(t.intRange.upperBound)), .int(t.itemSize * 8)])
        }
        try buildLinalg(interp, m)
        try buildMoreNatives(interp, m)
    }

    /// A ufunc result handed back as the foreign type when an input was one (np.exp(tensor)).
    func foreignResult(_ r: NDArray, _ inputs: [PyValue], out: PyValue?) -> PyValue? {
        guard let wrapForeign = foreignWrap, let convert = foreignArray, out == nil || out!.isNone else { return nil }
        for v in inputs where NDArray.from(v) == nil {
            if case .object = v, (try? convert(v)) != nil { return wrapForeign(r) }
        }
        return nil
    }

    /// Writes into `out=` when given; otherwise returns the result (a scalar when 0-d).
    func finish(_ interp: Interpreter, _ r: NDArray, out: PyValue?) throws -> PyValue {
        if let out, !out.isNone {
            let target = out.asTuple?.items.first ?? out
            let o = try arr(target)
            try setItem(interp, o, .ellipsis, wrap(interp, r))
            return target
        }
        return result(interp, r)
    }

    func nonzero(_ interp: Interpreter, _ a: NDArray) throws -> PyValue {
        if a.ndim == 0 { throw PyError.valueError("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. If the context of this error is of the form `arr.nonzero()`, then the proper change is to use `arr[np.newaxis].nonzero()`.") }
        let v = a.doubles()
        var coords = [[Int64]](repeating: [], count: a.ndim)
        var strides = [Int](repeating: 1, count: a.ndim)
        for d in stride(from: a.ndim - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * a.shape[d + 1] }
        for (i, x) in v.enumerated() where x != 0 {
            for d in 0..<a.ndim { coords[d].append(Int64((i / strides[d]) % a.shape[d])) }
        }
        return .tuple(try coords.map { wrap(interp, try NDArray.make(int64s: $0, shape: [$0.count])) })
    }

    func broadcastView(_ a: NDArray, _ shape: [Int]) throws -> NDArray {
        let b: [Int]
        do { b = try Broadcast.shape([a.shape, shape]) } catch {
            throw PyError.valueError("operands could not be broadcast together with remapped shapes [original->remapped]: \(ArrayPrinter.shapeText(a.shape).replacingSpaces())  and requested shape \(ArrayPrinter.shapeText(shape).replacingSpaces())")
        }
        if b != shape || a.ndim > shape.count {
            throw PyError.valueError("operands could not be broadcast together with remapped shapes [original->remapped]: \(ArrayPrinter.shapeText(a.shape).replacingSpaces())  and requested shape \(ArrayPrinter.shapeText(shape).replacingSpaces())")
        }
        let pad = shape.count - a.ndim
        var strides = [Int](repeating: 0, count: shape.count)
        for d in 0..<a.ndim { strides[pad + d] = a.shape[d] == 1 && shape[pad + d] != 1 ? 0 : a.elementStrides[d] }
        return a.view(shape: shape, strides: strides, offset: a.tensor.offset)
    }
}

/// A stable merge sort of indices.
func mergeSort(_ a: [Int], _ less: (Int, Int) -> Bool) -> [Int] {
    if a.count <= 1 { return a }
    let mid = a.count / 2
    let l = mergeSort(Array(a[..<mid]), less), r = mergeSort(Array(a[mid...]), less)
    var out: [Int] = []
    out.reserveCapacity(a.count)
    var i = 0, j = 0
    while i < l.count && j < r.count {
        if less(r[j], l[i]) { out.append(r[j]); j += 1 } else { out.append(l[i]); i += 1 }
    }
    out += l[i...]; out += r[j...]
    return out
}
