import Foundation
import Testing

/// The handouts of `Lessons/` opened in headless Chromium at 390 and 1280 px and printed:
/// no console error, no failed load, no page wider than a phone, no output scrolling
/// sideways. Screenshots and PDFs go to `.build/browser-check/` (never committed) for a
/// person to look at. Without Chromium the test is skipped, saying so, unless `CI` is set:
/// CI must run it (`scripts/install-deps` installs Debian's `chromium`).
@Suite(.serialized) struct BrowserCheckTests {
    private static let enabled = BrowserCheck.installed != nil || BrowserCheck.inCI
    private static let reason: Comment = "Chromium is not installed (apt-get install chromium, or scripts/install-deps); set CI=1 to make this a failure"

    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func browser() throws -> BrowserCheck {
        let chromium = try #require(BrowserCheck.installed, "Chromium is not installed: scripts/install-deps installs Debian's chromium")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("gradbook-chromium-\(UUID().uuidString)")
        return BrowserCheck(chromium: chromium, profile: profile)
    }

    @Test(.enabled(if: enabled, reason)) func lessonHandoutsReadWellOnPhonesDesktopsAndPaper() throws {
        let browser = try browser()
        defer { try? FileManager.default.removeItem(at: browser.profile) }
        let out = Self.root.appendingPathComponent(".build/browser-check")
        try? FileManager.default.removeItem(at: out)
        let site = out.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let run = try GradbookProcess.run(["run", "Lessons", "--out", site.path], in: Self.root)
        #expect(run.status == 0, "gradbook run Lessons: \(run.stderr)")
        #expect(!run.stderr.contains("warning:"), "\(run.stderr)")

        let pages = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.contains("index.html"))
        #expect(pages.count > 5)
        for name in pages {
            let page = site.appendingPathComponent(name)
            let (narrow, wide, console) = try browser.check(page)
            #expect(narrow.width == 390 && wide.width == 1280, "\(name): checked at \(narrow.width) and \(wide.width) px")
            for report in [narrow, wide] {
                #expect(report.problems.isEmpty, "\(name) at \(report.width) px: \(report.problems)")
                #expect(report.scrollWidth <= report.width, "\(name) is \(report.scrollWidth) px wide at \(report.width) px: \(report.overflowing)")
                #expect(report.scrolling.isEmpty, "\(name) at \(report.width) px: \(report.scrolling)")
            }
            #expect(console.isEmpty, "\(name): \(console)")
            let stem = String(name.dropLast(5))
            try browser.screenshot(page, width: 390, height: narrow.height, to: out.appendingPathComponent("\(stem)-390.png"))
            try browser.screenshot(page, width: 1280, height: wide.height, to: out.appendingPathComponent("\(stem)-1280.png"))
            try browser.printToPDF(page, to: out.appendingPathComponent("\(stem).pdf"))
        }
    }

    /// The check itself: a page with each fault must be reported for each.
    @Test(.enabled(if: enabled, reason)) func checkCatchesConsoleErrorsMissingFilesAndWidePages() throws {
        let browser = try browser()
        defer { try? FileManager.default.removeItem(at: browser.profile) }
        let scratch = try Scratch(["bad.html": """
            <!DOCTYPE html><html><head><meta charset="utf-8"></head><body><main>
            <img src="missing.png" alt="gone">
            <script>console.error("boom")</script>
            <pre class="output">\(String(repeating: "x", count: 3000))</pre>
            <div>\(String(repeating: "y", count: 3000))</div>
            </main></body></html>
            """])
        defer { scratch.remove() }
        let (narrow, wide, _) = try browser.check(scratch.url.appendingPathComponent("bad.html"))
        for report in [narrow, wide] {
            #expect(report.problems.contains { $0.hasPrefix("failed to load <img>") && $0.hasSuffix("missing.png") }, "\(report.problems)")
            #expect(report.problems.contains("console.error: boom"), "\(report.problems)")
            #expect(report.scrollWidth > report.width)
            #expect(report.overflowing.contains { $0.hasPrefix("div reaches") }, "\(report.overflowing)")
            #expect(report.scrolling.contains { $0.hasPrefix("pre.output scrolls") }, "\(report.scrolling)")
        }
    }
}
