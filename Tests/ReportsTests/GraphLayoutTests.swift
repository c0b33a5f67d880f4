@testable import Reports
import Testing

/// The Sugiyama passes behind autograd graph drawings.
@Suite struct GraphLayoutTests {
    private func sizes(_ count: Int) -> [(width: Double, height: Double)] {
        Array(repeating: (60.0, 30.0), count: count)
    }

    @Test func diamondHasNoCrossingsAndOneNodePerEndLayer() {
        // a feeds b and c, both feed d: the shape of x * x + x.
        let layout = GraphLayout(sizes: sizes(4), edges: [(0, 1), (0, 2), (1, 3), (2, 3)])
        #expect(layout.crossings == 0)
        #expect(layout.layers == [[0], [1, 2], [3]])
        #expect(layout.boxes[0].y < layout.boxes[1].y && layout.boxes[1].y < layout.boxes[3].y)
        // The top and bottom nodes sit centred over the two in the middle.
        #expect(layout.boxes[0].centre == layout.boxes[3].centre)
        #expect(layout.boxes[0].centre == (layout.boxes[1].centre + layout.boxes[2].centre) / 2)
    }

    @Test func crossedInputOrderIsUntangledByTheMedianSweeps() {
        // Two inputs each feeding the other's consumer first would cross; 0 -> 3 and 1 -> 2,
        // with 2 and 3 feeding a common output in the order 3, 2.
        let edges = [(0, 3), (1, 2), (3, 4), (2, 4), (0, 5), (5, 4)]
        let layout = GraphLayout(sizes: sizes(6), edges: edges)
        #expect(layout.crossings == 0)
    }

    @Test func longEdgesGetDummyVerticesOneLayerApart() {
        let graph = LayeredGraph(count: 3, edges: [(0, 1), (1, 2), (0, 2)])
        #expect(graph.layer.prefix(3) == [0, 1, 2])
        #expect(graph.chains[2].count == 3)
        #expect(graph.segments.allSatisfy { graph.layer[$0.to] == graph.layer[$0.from] + 1 })
    }

    @Test func inputsSitRightAboveTheirFirstConsumer() {
        // A leaf used only by the last operation is not pulled up to the top layer.
        let graph = LayeredGraph(count: 4, edges: [(0, 1), (1, 2), (3, 2)])
        #expect(Array(graph.layer) == [0, 1, 2, 1])
    }

    @Test func boxesOfALayerNeverOverlapAndTheLayoutIsDeterministic() {
        let edges = [(0, 4), (1, 4), (2, 5), (3, 5), (4, 6), (5, 6), (1, 5), (2, 4)]
        let first = GraphLayout(sizes: [(80, 30), (40, 30), (120, 30), (50, 30), (90, 30), (70, 30), (60, 30)], edges: edges)
        let second = GraphLayout(sizes: [(80, 30), (40, 30), (120, 30), (50, 30), (90, 30), (70, 30), (60, 30)], edges: edges)
        #expect(first.boxes == second.boxes && first.routes == second.routes)
        for layer in first.layers {
            let boxes = layer.filter { $0 < 7 }.map { first.boxes[$0] }.sorted { $0.x < $1.x }
            for (a, b) in zip(boxes, boxes.dropFirst()) { #expect(a.x + a.width + GraphLayout.gap <= b.x + 0.05) }
        }
        #expect(first.boxes.allSatisfy { $0.x >= GraphLayout.margin - 0.05 && $0.x + $0.width <= first.width })
    }

    @Test func packKeepsOrderAndGap() {
        let packed = GraphLayout.pack([10, 10, 10], widths: [20, 20, 20])
        #expect(packed == [-24, 10, 44])
    }

    @Test func fontMetricsAreHelveticaWidths() {
        #expect(GraphFontMetrics.width("MulBackward0", size: 10) == 65.57) // 833+556+222+667+556+500+500+722+556+333+556+556
        #expect(GraphFontMetrics.width("ii", size: 1000) == 444)
    }

    @Test func svgNumbersHaveOneDecimalAndNoNegativeZero() {
        #expect(AutogradGraphSVG.number(12.04) == "12")
        #expect(AutogradGraphSVG.number(-0.01) == "0")
        #expect(AutogradGraphSVG.number(3.25) == "3.3" || AutogradGraphSVG.number(3.25) == "3.2")
        #expect(AutogradGraphSVG.number(-7.5) == "-7.5")
    }
}
