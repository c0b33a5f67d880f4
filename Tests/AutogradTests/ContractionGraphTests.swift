import Autograd
import Tensors
import Testing

/// `einsum`, `tensordot` and `inner` record ATen's composites (Linear.cpp) node for node;
/// the expected chains are PyTorch 2.15's `grad_fn` / `next_functions`, printed by
/// `Tests/CLITests/CapabilityScripts/double-backward.py` (cases 400 to 411).
@Suite struct ContractionGraphTests {
    /// `name(next, ...)` to the given depth, "None" for a missing edge.
    static func chain(_ node: Node?, _ depth: Int) -> String {
        guard let node else { return "None" }
        if depth == 0 { return node.name }
        return node.name + "(" + node.nextFunctions.map { chain($0.node, depth - 1) }.joined(separator: ",") + ")"
    }

    static func leaf(_ shape: [Int]) throws -> Tensor {
        let n = shape.reduce(1, *)
        return try tensor((0..<n).map { Double($0 % 5) * 0.25 - 0.5 }, shape, dtype: .float64, requiresGrad: true)
    }

    @Test func einsumPairIsPermuteViewBmmViewPermuteView() throws {
        let a = try Self.leaf([2, 4]), b = try Self.leaf([4, 1])
        let y = try D.einsum("ij,jk->ik", [a, b])
        #expect(Self.chain(y.gradFn, 6) == "ViewBackward0(PermuteBackward0(ViewBackward0(BmmBackward0(ViewBackward0(PermuteBackward0(PermuteBackward0)),ViewBackward0(PermuteBackward0(PermuteBackward0))))))")
        #expect(y.sizes == [2, 1])
    }

    @Test func einsumSwapsThePairWhenThatKeepsTheOrder() throws {
        // bij,bkj->bki: PyTorch 2.15 multiplies the second operand first (bmm [2,5,4] x [2,4,3]).
        let a = try Self.leaf([2, 3, 4]), b = try Self.leaf([2, 5, 4])
        let y = try D.einsum("bij,bkj->bki", [a, b])
        let bmm = y.gradFn?.nextFunctions[0].node?.nextFunctions[0].node?.nextFunctions[0].node
        #expect(bmm?.name == "BmmBackward0")
        // The bmm's first operand comes from b (its permute chain starts at b's unsqueeze).
        let left = bmm?.nextFunctions[0].node?.nextFunctions[0].node?.nextFunctions[0].node?.nextFunctions[0].node
        #expect(left?.name == "UnsqueezeBackward0")
        #expect(left?.nextFunctions[0].node?.variable === b)
        #expect(y.sizes == [2, 5, 3])
    }

    @Test func tensordotOfOneElementProductsIsDot() throws {
        let a = try Self.leaf([1, 4]), b = try Self.leaf([4, 1])
        let y = try D.tensordot(a, b, [1], [0])
        #expect(Self.chain(y.gradFn, 3) == "ViewBackward0(DotBackward0(ViewBackward0(PermuteBackward0),ViewBackward0(PermuteBackward0)))")
        let v = try Self.leaf([4]), w = try Self.leaf([4])
        #expect(Self.chain(try D.inner(v, w).gradFn, 2) == "ViewBackward0(DotBackward0(PermuteBackward0,PermuteBackward0))")
        let m = try Self.leaf([2, 4])
        #expect(Self.chain(try D.inner(m, v).gradFn, 2) == "ViewBackward0(MmBackward0(ViewBackward0,ViewBackward0))")
    }
}
