/// Where a gradient goes next: input `inputNr` of `node`, or nowhere (`(None, 0)` in
/// `next_functions`) when the forward input did not require grad.
public struct Edge {
    public let node: Node?
    public let inputNr: Int

    @inline(__always)
    public init(_ node: Node?, _ inputNr: Int) {
        self.node = node
        self.inputNr = inputNr
    }

    static var none: Edge { Edge(nil, 0) }
}
