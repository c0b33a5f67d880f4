import Interpreter
import Tensors

/// Natives the Python layer builds on: axis normalisation, searchsorted, interp,
/// correlate, einsum, buffers and the in-memory `.npy` store.
extension NumPyRuntime {
    func buildMoreNatives(_ interp: Interpreter, _ m: PyModule) throws {
        m.addFunction("_norm_axis") { interp, args in
            do { return .int(try self.axisIndex(interp, args[0], try self.int(interp, args[1])!)) } catch let e as PyError {
                if args.count > 2, let prefix = args[2].asString, e.typeName.hasSuffix("AxisError") {
                    throw PyError(type: "numpy.exceptions.AxisError", message: prefix + ": " + (e.description.split(separator: ":", maxSplits: 1).last.map { String($0.drop(while: { $0 == " " })) } ?? ""))
                }
                throw e
            }
        }
        m.addFunction("_round_impl") { interp, args in
            self.result(interp, try self.roundArray(try self.asArray(interp, args[0]), try self.int(interp, args[1]) ?? 0))
        }
        m.addFunction("_broadcast_shape") { interp, args in
            let shapes = try interp.iterate(args[0]).map { try self.shapeArg(interp, $0) }
            return .tuple(try Broadcast.shape(shapes).map { .int($0) })
        }
        m.addFunction("_searchsorted") { interp, args in
            let a = try self.asArray(interp, args[0])
            if a.ndim != 1 { throw PyError.valueError("object too deep for desired array") }
            let vOp = try self.operand(interp, args[1])
            let right = args[2].asString == "right"
            var av = a.doubles()
            if !args[3].isNone {
                let sorter = try self.asArray(interp, args[3]).int64s()
                av = sorter.map { av[Int($0)] }
            }
            let v = vOp.array.doubles()
            func less(_ x: Double, _ y: Double) -> Bool { y.isNaN ? !x.isNaN : x < y }
            let r: [Int64] = v.map { x in
                var lo = 0, hi = av.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if right ? !less(x, av[mid]) : less(av[mid], x) { lo = mid + 1 } else { hi = mid }
                }
                return Int64(lo)
            }
            return self.result(interp, try NDArray.make(int64s: r, shape: vOp.array.shape))
        }
        m.addFunction("_interp") { interp, args in
            let xo = try self.operand(interp, args[0])
            let xp = try self.asArray(interp, args[1]).doubles(), fp = try self.asArray(interp, args[2]).doubles()
            if xp.count != fp.count { throw PyError.valueError("fp and xp are not of the same length.") }
            if xp.isEmpty { throw PyError.valueError("array of sample points is empty") }
            let left = args[3].isNone ? fp[0] : try interp.doubleArgument(args[3])
            let right = args[4].isNone ? fp[fp.count - 1] : try interp.doubleArgument(args[4])
            let r: [Double] = xo.array.doubles().map { x in
                if x.isNaN { return x }
                if x < xp[0] { return left }
                if x > xp[xp.count - 1] { return right }
                if x == xp[xp.count - 1] { return fp[fp.count - 1] }
                var lo = 0, hi = xp.count
                while lo < hi { let mid = (lo + hi) / 2; if xp[mid] <= x { lo = mid + 1 } else { hi = mid } }
                let j = max(lo - 1, 0)
                if j >= xp.count - 1 { return fp[fp.count - 1] }
                let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j])
                var y = slope * (x - xp[j]) + fp[j]
                if y.isNaN {
                    y = slope * (x - xp[j + 1]) + fp[j + 1]
                    if y.isNaN && fp[j] == fp[j + 1] { y = fp[j] }
                }
                return y
            }
            return self.result(interp, try NDArray.make(doubles: r, shape: xo.array.shape))
        }
        m.addFunction("_correlate") { interp, args in
            let a = try self.asArray(interp, args[0]), v = try self.asArray(interp, args[1])
            let mode = args[2].asString ?? "valid"
            let t = DType.numpyPromote(a.dtype, v.dtype)
            let x = a.doubles(), y = v.doubles()
            let n = x.count, k = y.count
            let (lo, hi): (Int, Int)
            switch mode {
            case "full": (lo, hi) = (-(k - 1), n - 1)
            case "same": (lo, hi) = (-(k / 2), -(k / 2) + n - 1)
            case "valid": (lo, hi) = (0, n - k)
            default: throw PyError.valueError("mode must be one of 'valid', 'same', or 'full' (got '\(mode)')")
            }
            var r: [Double] = []
            if hi >= lo {
                for s in lo...hi {
                    var acc = 0.0
                    for j in 0..<k where s + j >= 0 && s + j < n { acc += x[s + j] * y[j] }
                    r.append(acc)
                }
            }
            if t.isFloatingPoint { return self.wrap(interp, try NDArray.make(doubles: r, shape: [r.count], dtype: t)) }
            return self.wrap(interp, try NDArray.make(int64s: r.map { Int64($0) }, shape: [r.count], dtype: t))
        }
        m.addFunction("_einsum") { interp, args in
            guard let spec = args[0].asString else { throw PyError.typeError("einsum subscripts must be a string") }
            let ops = try interp.iterate(args[1]).map { try self.asArray(interp, $0) }
            return self.result(interp, try self.einsum(spec, ops))
        }
        m.addFunction("_frombuffer") { interp, args in
            let bytes = try interp.iterate(args[0]).map { UInt8(truncatingIfNeeded: try interp.index($0) ?? 0) }
            let t = try self.dtype(interp, args[1]) ?? .float64
            let offset = try self.int(interp, args[3]) ?? 0
            var count = try self.int(interp, args[2]) ?? -1
            let avail = (bytes.count - offset) / t.itemSize
            if count < 0 {
                if (bytes.count - offset) % t.itemSize != 0 { throw PyError.valueError("buffer size must be a multiple of element size") }
                count = avail
            }
            let a = try NDArray.empty([count], t)
            let p = a.tensor.storage.data.assumingMemoryBound(to: UInt8.self)
            for i in 0..<(count * t.itemSize) { p[i] = bytes[offset + i] }
            a.writeable = false
            return self.wrap(interp, a)
        }
        m.addFunction("_save") { interp, args in
            var name = try interp.str(args[0])
            if !name.hasSuffix(".npy") { name += ".npy" }
            self.savedArrays[name] = try self.arr(args[1]).copy()
            return .none
        }
        m.addFunction("_savez") { interp, args in
            var name = try interp.str(args[0])
            if !name.hasSuffix(".npz") { name += ".npz" }
            var d: [(String, NDArray)] = []
            for (k, v) in try interp.iterate(.object(args[1].asDict!)).map({ ($0, try interp.getItem(args[1], $0)) }) {
                d.append((k.asString ?? "", try self.asArray(interp, v).copy()))
            }
            self.savedArchives[name] = d
            return .none
        }
        m.addFunction("_write_text") { interp, args in
            self.savedFiles[try interp.str(args[0])] = .str(try interp.str(args[1])); return .none
        }
        m.addFunction("_write_bytes") { interp, args in
            self.savedFiles[try interp.str(args[0])] = args[1]; return .none
        }
        m.addFunction("_read_text") { interp, args in
            let name = try interp.str(args[0])
            if let v = self.savedFiles[name] { return v }
            let f = try interp.call(try self.builtin(interp, "open"), [args[0]])
            defer { _ = try? interp.callMethod(f, "close") }
            return try interp.callMethod(f, "read")
        }
        m.addFunction("_read_bytes") { interp, args in
            let name = try interp.str(args[0])
            if let v = self.savedFiles[name] { return v }
            let f = try interp.call(try self.builtin(interp, "open"), [args[0], .str("rb")])
            defer { _ = try? interp.callMethod(f, "close") }
            return try interp.callMethod(f, "read")
        }
        m.addFunction("_load") { interp, args in
            let name = try interp.str(args[0])
            if let a = self.savedArrays[name] { return self.wrap(interp, try a.copy()) }
            if let z = self.savedArchives[name] {
                return .object(PyDict(try z.map { ($0.0, self.wrap(interp, try $0.1.copy())) }))
            }
            throw PyError(type: "FileNotFoundError", message: "[Errno 2] No such file or directory: '\(name)'")
        }
    }

    /// `np.einsum` for explicit or implicit subscripts without ellipses: a direct sum over
    /// the contracted letters.
    func einsum(_ specIn: String, _ ops: [NDArray]) throws -> NDArray {
        let spec = specIn.filter { $0 != " " }
        var lhs = spec, rhs: String? = nil
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].hasPrefix(">") { lhs = String(parts[0]); rhs = String(parts[1].dropFirst()) }
        let inputs = lhs.split(separator: ",", omittingEmptySubsequences: false).map { Array($0) }
        if inputs.count != ops.count { throw PyError.valueError("more operands provided to einstein sum function than specified in the subscripts string") }
        var counts: [Character: Int] = [:], sizes: [Character: Int] = [:]
        for (k, letters) in inputs.enumerated() {
            if letters.count != ops[k].ndim {
                throw PyError.valueError("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.")
            }
            for (d, c) in letters.enumerated() {
                counts[c, default: 0] += 1
                let n = ops[k].shape[d]
                if let s = sizes[c], s != n, s != 1, n != 1 {
                    throw PyError.valueError("operands could not be broadcast together with remapped shapes [original->remapped]")
                }
                sizes[c] = max(sizes[c] ?? n, n)
            }
        }
        let out: [Character] = rhs.map(Array.init) ?? counts.filter { $0.value == 1 }.map(\.key).sorted()
        let summed = sizes.keys.filter { !out.contains($0) }.sorted()
        let all = out + summed
        let outShape = out.map { sizes[$0]! }
        let t = ops.map(\.dtype).reduce(ops[0].dtype) { DType.numpyPromote($0, $1) }
        let vals = ops.map { $0.doubles() }
        let opStrides: [[Int]] = ops.map { a in
            var s = [Int](repeating: 1, count: a.ndim)
            for d in stride(from: a.ndim - 2, through: 0, by: -1) { s[d] = s[d + 1] * a.shape[d + 1] }
            return s
        }
        let nOut = outShape.reduce(1, *), nSum = summed.map { sizes[$0]! }.reduce(1, *)
        var result = [Double](repeating: 0, count: nOut)
        var idx = [Character: Int]()
        for o in 0..<nOut {
            var rem = o
            for c in out.reversed() { idx[c] = rem % sizes[c]!; rem /= sizes[c]! }
            var acc = 0.0
            for s in 0..<nSum {
                var r2 = s
                for c in summed.reversed() { idx[c] = r2 % sizes[c]!; r2 /= sizes[c]! }
                var prod = 1.0
                for (k, letters) in inputs.enumerated() {
                    var pos = 0
                    for (d, c) in letters.enumerated() where ops[k].shape[d] != 1 { pos += idx[c]! * opStrides[k][d] }
                    prod *= vals[k][pos]
                }
                acc += prod
            }
            result[o] = acc
        }
        _ = all
        if t.isFloatingPoint { return try NDArray.make(doubles: result, shape: outShape, dtype: t) }
        return try NDArray.make(int64s: result.map { Int64($0) }, shape: outShape, dtype: t == .bool ? .bool : .int64)
    }
}
