import Foundation
import Testing

/// `gradbook --version` names the release, the commit (baked in by `make build`; "unknown" in
/// a plain `swift build`, which keeps test builds reproducible) and the PyTorch it matches.
@Suite struct VersionTests {
    @Test func versionNamesReleaseCommitAndPyTorch() throws {
        let scratch = try Scratch([:])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["--version"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let pattern = #/gradbook [0-9]+\.[0-9]+\.[0-9]+ \(commit (unknown|[0-9a-f]{7,40}(-dirty)?)\), matches PyTorch 2\.15\.0\n/#
        #expect(result.stdout.wholeMatch(of: pattern) != nil, "\(result.stdout)")
    }
}
