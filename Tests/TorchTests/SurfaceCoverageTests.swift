import Foundation
import Testing

/// The share of PyTorch 2.15's tensor-side names (`docs/api/torch-2.15-surface.txt`) the
/// `torch` module binds, counted by `scripts/surface_coverage.py` as `scripts/surface-coverage.sh`
/// does. The floors are what exists today: a name that disappears fails this test.
@Suite struct SurfaceCoverageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let namespaces: Set<String> = ["torch", "torch.Tensor", "torch.linalg", "torch.fft", "torch.special", "torch.random", "torch.distributions"]

    static func report() throws -> [String: (found: Int, total: Int)] {
        let list = try String(contentsOf: root.appendingPathComponent("docs/api/torch-2.15-surface.txt"), encoding: .utf8)
        let body = try String(contentsOf: root.appendingPathComponent("scripts/surface_coverage.py"), encoding: .utf8)
        var source = "SHOW_MISSING = 0\nNAMES = [\n"
        for line in list.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, namespaces.contains(String(parts[0])) else { continue }
            source += "    (\"\(parts[0])\", \"\(parts[1])\"),\n"
        }
        source += "]\n" + body
        var counts: [String: (found: Int, total: Int)] = [:]
        for line in TorchSession().run(source).split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 3 else { continue }
            let numbers = fields[1].split(separator: "/").compactMap { Int($0) }
            guard numbers.count == 2 else { continue }
            counts[String(fields[0])] = (numbers[0], numbers[1])
        }
        return counts
    }

    @Test func everyNamespaceIsCountedAndNoNameIsLost() throws {
        let counts = try Self.report()
        let floors = ["torch": 491, "torch.Tensor": 518, "torch.linalg": 44, "torch.fft": 23, "torch.special": 57, "torch.random": 6, "torch.distributions": 40, "all": 1179]
        for (namespace, floor) in floors {
            let found = counts[namespace]?.found ?? -1
            #expect(found >= floor, "\(namespace): \(found) names, fewer than the \(floor) bound before")
        }
        #expect(counts["all"]?.total == 1179)
        #expect(counts["torch.random"]?.total == 6)
    }
}
