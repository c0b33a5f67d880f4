import Interpreter
import Tensors

/// NumPy indexing: basic indices (ints, slices, None, Ellipsis) give views; integer and
/// boolean arrays give copies (or, for assignment, the element positions to write).
enum IndexResult {
    case view(NDArray)
    case gather(positions: [Int], shape: [Int])
}

extension NumPyRuntime {
    private enum Item { case int(Int), slice(PySlice), newaxis, ellipsis, array(NDArray) }

    func resolveIndex(_ interp: Interpreter, _ a: NDArray, _ key: PyValue) throws -> IndexResult {
        var raw: [PyValue]
        if let t = key.asTuple { raw = t.items } else { raw = [key] }
        var items: [Item] = []
        for k in raw {
            switch k {
            case .none: items.append(.newaxis)
            case .int(let i): items.append(.int(i))
            case .bool(let b): items.append(.array(try NDArray.make(int64s: [b ? 1 : 0], shape: [], dtype: .bool)))
            default:
                if k.isEllipsis { items.append(.ellipsis) }
                else if let s = k.asSlice { items.append(.slice(s)) }
                else if let arr = NDArray.from(k), !(isScalarObject(k) && arr.dtype != .bool) { items.append(.array(arr)) }
                else if try k.asList != nil || foreignArray?(k) != nil { items.append(.array(try makeArray(interp, k, dtype: nil))) }
                else if case .object(let o) = k, o is PyRange { items.append(.array(try makeArray(interp, k, dtype: nil))) }
                else if let i = (try? interp.index(k)) ?? nil { items.append(.int(i)) }
                else {
                    throw PyError.indexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
                }
            }
        }
        // expand booleans into integer arrays (nonzero), noting how many dims each consumes
        var expanded: [Item] = []
        for it in items {
            if case .array(let m) = it, m.dtype == .bool {
                if m.ndim == 0 {
                    expanded.append(.newaxis)
                    // a[True] adds an axis of length 1, a[False] of length 0
                    if m.loadInt(m.tensor.offset) == 0 { expanded.append(.array(try NDArray.make(int64s: [], shape: [0]))) ; expanded.removeLast(); }
                    continue
                }
                let v = m.int64s()
                var coords = [[Int64]](repeating: [], count: m.ndim)
                var strides = [Int](repeating: 1, count: m.ndim)
                for d in stride(from: m.ndim - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * m.shape[d + 1] }
                for (i, x) in v.enumerated() where x != 0 {
                    for d in 0..<m.ndim { coords[d].append(Int64((i / strides[d]) % m.shape[d])) }
                }
                for d in 0..<m.ndim { expanded.append(.array(try NDArray.make(int64s: coords[d], shape: [coords[d].count]))) }
                // shape check
                continue
            }
            expanded.append(it)
        }
        items = expanded
        // with any array index, integers are advanced indices too (they broadcast with them)
        if items.contains(where: { if case .array = $0 { return true }; return false }) {
            items = try items.map { it in
                if case .int(let i) = it { return .array(try NDArray.make(int64s: [Int64(i)], shape: [])) }
                return it
            }
        }
        let consumed = items.reduce(0) { n, it in
            switch it { case .newaxis, .ellipsis: return n; default: return n + 1 }
        }
        if consumed > a.ndim {
            throw PyError.indexError("too many indices for array: array is \(a.ndim)-dimensional, but \(consumed) were indexed")
        }
        if items.filter({ if case .ellipsis = $0 { return true }; return false }).count > 1 {
            throw PyError.indexError("an index can only have a single ellipsis ('...')")
        }
        // basic pass: build the view, keeping advanced axes whole
        var shape: [Int] = [], strides: [Int] = []
        var offset = a.tensor.offset
        var dim = 0
        var advanced: [(pos: Int, arr: NDArray)] = []
        for it in items {
            switch it {
            case .newaxis: shape.append(1); strides.append(0)
            case .ellipsis:
                let rest = a.ndim - consumed
                for _ in 0..<rest { shape.append(a.shape[dim]); strides.append(a.elementStrides[dim]); dim += 1 }
            case .int(let i):
                let n = a.shape[dim]
                if i < -n || i >= n {
                    throw PyError.indexError("index \(i) is out of bounds for axis \(dim) with size \(n)")
                }
                offset += (i < 0 ? i + n : i) * a.elementStrides[dim]
                dim += 1
            case .slice(let s):
                let (start, stop, step) = try interp.sliceIndices(s, length: a.shape[dim])
                let len = step > 0 ? max(0, (stop - start + step - 1) / step) : max(0, (start - stop - step - 1) / (-step))
                offset += start * a.elementStrides[dim]
                shape.append(len); strides.append(a.elementStrides[dim] * step)
                dim += 1
            case .array(let arr):
                if arr.dtype.isFloatingPoint {
                    throw PyError.indexError("arrays used as indices must be of integer (or boolean) type")
                }
                advanced.append((shape.count, arr))
                shape.append(a.shape[dim]); strides.append(a.elementStrides[dim])
                dim += 1
            }
        }
        while dim < a.ndim { shape.append(a.shape[dim]); strides.append(a.elementStrides[dim]); dim += 1 }
        let v = a.view(shape: shape, strides: strides, offset: offset)
        if advanced.isEmpty { return .view(v) }
        // advanced pass
        let bshape: [Int]
        do { bshape = try Broadcast.shape(advanced.map { $0.arr.shape }) } catch {
            throw PyError.indexError("shape mismatch: indexing arrays could not be broadcast together with shapes " + advanced.map { ArrayPrinter.shapeText($0.arr.shape).replacingSpaces() }.joined(separator: " ") + " ")
        }
        var idx: [[Int64]] = []
        for (p, arr) in advanced {
            let n = v.shape[p]
            var vals = Broadcast.ints(arr, to: bshape)
            for k in vals.indices {
                if vals[k] < -Int64(n) || vals[k] >= Int64(n) {
                    throw PyError.indexError("index \(vals[k]) is out of bounds for axis \(p) with size \(n)")
                }
                if vals[k] < 0 { vals[k] += Int64(n) }
            }
            idx.append(vals)
        }
        let positions = advanced.map(\.pos)
        let adjacent = positions == Array(positions[0]..<(positions[0] + positions.count))
        let others = (0..<v.ndim).filter { !positions.contains($0) }
        var outShape: [Int]
        var insertAt: Int
        if adjacent {
            insertAt = others.filter { $0 < positions[0] }.count
        } else { insertAt = 0 }
        outShape = others.map { v.shape[$0] }
        outShape.insert(contentsOf: bshape, at: insertAt)
        let bcount = bshape.reduce(1, *)
        let otherShape = others.map { v.shape[$0] }
        let otherCount = otherShape.reduce(1, *)
        // offsets of the non-advanced dims, C order
        var otherOffsets = [0]
        for d in others {
            var next: [Int] = []
            for o in otherOffsets { for i in 0..<v.shape[d] { next.append(o + i * v.elementStrides[d]) } }
            otherOffsets = next
        }
        let before = others.prefix(insertAt).reduce(1) { $0 * v.shape[$1] }
        let after = otherCount / max(before, 1)
        var out: [Int] = []
        out.reserveCapacity(bcount * otherCount)
        if otherCount == 0 { return .gather(positions: [], shape: outShape) }
        for ob in 0..<before {
            for b in 0..<bcount {
                var base = v.tensor.offset
                for (k, p) in positions.enumerated() { base += Int(idx[k][b]) * v.elementStrides[p] }
                for oa in 0..<after { out.append(base + otherOffsets[ob * after + oa]) }
            }
        }
        return .gather(positions: out, shape: outShape)
    }

    func getItem(_ interp: Interpreter, _ a: NDArray, _ key: PyValue) throws -> PyValue {
        switch try resolveIndex(interp, a, key) {
        case .view(let v):
            return v.ndim == 0 ? scalar(interp, v) : wrap(interp, v)
        case .gather(let pos, let shape):
            let r = try NDArray.empty(shape, a.dtype)
            if a.dtype.isFloatingPoint { for (k, p) in pos.enumerated() { r.storeDouble(k, a.loadDouble(p)) } }
            else { for (k, p) in pos.enumerated() { r.storeInt(k, a.loadInt(p)) } }
            return wrap(interp, r)
        }
    }

    func setItem(_ interp: Interpreter, _ a: NDArray, _ key: PyValue, _ value: PyValue) throws {
        if !a.writeable { throw PyError.valueError("assignment destination is read-only") }
        let positions: [Int], shape: [Int]
        switch try resolveIndex(interp, a, key) {
        case .view(let v): positions = v.storageIndices(); shape = v.shape
        case .gather(let p, let s): positions = p; shape = s
        }
        let src = try operand(interp, value)
        if let w = src.weak, w == .int, !a.dtype.isFloatingPoint, a.dtype != .bool, let i = src.pyInt, !a.dtype.intRange.contains(Int64(i)) {
            throw PyError.overflow("Python integer \(i) out of bounds for \(a.dtype.numpyName)")
        }
        var vshape = src.array.shape
        while vshape.count > shape.count && vshape.first == 1 { vshape.removeFirst() }
        let s2 = src.array.ndim == vshape.count ? src.array : src.array.view(shape: vshape, strides: Array(src.array.elementStrides.suffix(vshape.count)), offset: src.array.tensor.offset)
        do { _ = try Broadcast.shape([shape, vshape]) } catch {
            throw PyError.valueError("could not broadcast input array from shape \(ArrayPrinter.shapeText(src.array.shape).replacingSpaces()) into shape \(ArrayPrinter.shapeText(shape).replacingSpaces())")
        }
        if try Broadcast.shape([shape, vshape]) != shape {
            throw PyError.valueError("could not broadcast input array from shape \(ArrayPrinter.shapeText(src.array.shape).replacingSpaces()) into shape \(ArrayPrinter.shapeText(shape).replacingSpaces())")
        }
        if a.dtype.isFloatingPoint || src.array.dtype.isFloatingPoint {
            let vals = Broadcast.doubles(s2, to: shape)
            for (k, p) in positions.enumerated() { a.storeDouble(p, vals[k]) }
        } else {
            let vals = Broadcast.ints(s2, to: shape)
            for (k, p) in positions.enumerated() { a.storeInt(p, vals[k]) }
        }
        a.tensor.bumpVersion()
    }
}
