/// Which elements a printed tensor shows and where the brackets, `...` and line breaks go
/// (`get_summarized_data`, `_tensor_str_with_formatter` and `_vector_str`).
///
/// Works on flat row-major indices so it is independent of element type.
struct SummarizedLayout {
    let sizes: [Int]
    let strides: [Int]
    let summarize: Bool
    let edgeitems: Int

    init(sizes: [Int], summarize: Bool, edgeitems: Int) {
        self.sizes = sizes
        var strides = [Int](repeating: 1, count: sizes.count)
        var running = 1
        for dim in sizes.indices.reversed() {
            strides[dim] = running
            running *= sizes[dim]
        }
        self.strides = strides
        self.summarize = summarize
        self.edgeitems = edgeitems
    }

    /// The flat indices `_Formatter` sees: all of them, or `get_summarized_data`'s selection.
    func formatterIndices() -> [Int] {
        guard summarize else { return Array(0..<sizes.reduce(1, *)) }
        if sizes.isEmpty { return [0] }
        if sizes.count == 1 {
            // `cat(self[:e], self[-e:])`; with e == 0, `self[-0:]` is the whole vector.
            if sizes[0] > 2 * edgeitems, edgeitems != 0 {
                return sliceHead(sizes[0]) + sliceTail(sizes[0])
            }
            return Array(0..<sizes[0])
        }
        if edgeitems == 0 { return [] }
        var result: [Int] = []
        collect(dim: 0, offset: 0, into: &result)
        return result
    }

    private func collect(dim: Int, offset: Int, into result: inout [Int]) {
        for index in shownIndices(of: dim) {
            let position = offset + index * strides[dim]
            if dim == sizes.count - 1 {
                result.append(position)
            } else {
                collect(dim: dim + 1, offset: position, into: &result)
            }
        }
    }

    /// Indices of `dim` that are shown (edge items at both ends when summarising).
    private func shownIndices(of dim: Int) -> [Int] {
        let size = sizes[dim]
        if summarize && size > 2 * edgeitems {
            return rangeHead(size) + rangeTail(size)
        }
        return Array(0..<size)
    }

    // PyTorch picks edge items two ways, and a negative `edgeitems` (which set_printoptions
    // accepts) shows the difference: vectors are sliced (`self[:e]`, `self[-e:]`), rows are
    // counted (`range(0, e)`, `range(len - e, len)`).

    /// Python's `self[:e]` of a dimension of `size`.
    private func sliceHead(_ size: Int) -> [Int] {
        Array(0..<min(max(edgeitems < 0 ? size + edgeitems : edgeitems, 0), size))
    }

    /// Python's `self[-e:]` of a dimension of `size`.
    private func sliceTail(_ size: Int) -> [Int] {
        let start = -edgeitems
        return Array(min(max(start < 0 ? size + start : start, 0), size)..<size)
    }

    /// `range(0, e)`.
    private func rangeHead(_ size: Int) -> [Int] { Array(stride(from: 0, to: min(edgeitems, size), by: 1)) }

    /// `range(size - e, size)`.
    private func rangeTail(_ size: Int) -> [Int] { Array(stride(from: max(size - edgeitems, 0), to: size, by: 1)) }

    /// The bracketed text of the elements, each rendered by `element(flatIndex)`.
    func render(indent: Int, linewidth: Int, elementWidth: Int, element: (Int) -> String) -> String {
        if sizes.isEmpty { return element(0) }
        return render(dim: 0, offset: 0, indent: indent, linewidth: linewidth, elementWidth: elementWidth, element: element)
    }

    private func render(dim: Int, offset: Int, indent: Int, linewidth: Int, elementWidth: Int,
                        element: (Int) -> String) -> String {
        let size = sizes[dim]
        let elided = summarize && size > 2 * edgeitems
        if dim == sizes.count - 1 {
            var data: [String]
            if summarize && edgeitems == 0 {
                data = ["..."]
            } else if elided {
                data = sliceHead(size).map { element(offset + $0 * strides[dim]) }
                data.append(" ...")
                data += sliceTail(size).map { element(offset + $0 * strides[dim]) }
            } else {
                data = (0..<size).map { element(offset + $0 * strides[dim]) }
            }
            // `math.floor((linewidth - indent) / (width + 2))`, at least one per line.
            let elementLength = elementWidth + 2
            // In Double: any int linewidth is accepted (`set_printoptions(linewidth=-2**63)`).
            let fit = ((Double(linewidth) - Double(indent)) / Double(elementLength)).rounded(.down)
            let perLine = fit >= 1 ? Int(min(fit, 1e15)) : 1
            var lines: [String] = []
            var start = 0
            while start < data.count {
                lines.append(data[start..<min(start + perLine, data.count)].joined(separator: ", "))
                start += perLine
            }
            return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
        }
        var slices: [String] = []
        let rowStride = strides[dim]
        func slice(_ index: Int) -> String {
            render(dim: dim + 1, offset: offset + index * rowStride, indent: indent + 1,
                   linewidth: linewidth, elementWidth: elementWidth, element: element)
        }
        if elided {
            slices = rangeHead(size).map(slice)
            slices.append("...")
            slices += rangeTail(size).map(slice)
        } else {
            slices = (0..<size).map(slice)
        }
        let separator = "," + String(repeating: "\n", count: sizes.count - dim - 1)
            + String(repeating: " ", count: indent + 1)
        return "[" + slices.joined(separator: separator) + "]"
    }
}
