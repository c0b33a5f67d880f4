import Foundation

/// Opens pages in headless Chromium as a reader would: at 390 px (a phone) and 1280 px, and
/// reports console errors, failed loads, a page body wider than the window, and outputs
/// that scroll sideways instead of wrapping. Also takes screenshots and prints to PDF.
struct BrowserCheck {
    /// What one page showed at one width.
    struct Report: Codable, Equatable {
        var width: Int
        var scrollWidth: Int
        var height: Int
        /// Console errors and warnings, script errors, resources that failed to load.
        var problems: [String]
        /// Elements reaching past the window, when the page scrolls sideways.
        var overflowing: [String]
        /// Output boxes (and, below 600 px, code boxes) that scroll instead of wrapping.
        var scrolling: [String]
    }

    let chromium: String
    /// A private profile, so runs beside other Chromium processes never share one.
    let profile: URL

    /// Chromium on the PATH (Debian's `chromium` package), if any.
    static var installed: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    static var inCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// Reports for `page` at 390 and 1280 px, and what Chromium itself logged from the page's console.
    func check(_ page: URL) throws -> (narrow: Report, wide: Report, console: [String]) {
        let folder = page.deletingLastPathComponent()
        let name = page.lastPathComponent
        let probe = folder.appendingPathComponent(".probe-\(name)")
        let frame = folder.appendingPathComponent(".check-\(name)")
        defer {
            try? FileManager.default.removeItem(at: probe)
            try? FileManager.default.removeItem(at: frame)
        }
        let html = try String(contentsOf: page, encoding: .utf8)
        guard let head = html.range(of: "<head>") else { throw Failure("\(name) has no <head>") }
        var probed = html
        probed.insert(contentsOf: "\n<script>\(Self.probeScript)</script>", at: head.upperBound)
        try Data(probed.utf8).write(to: probe)
        try Data(Self.frames(probe.lastPathComponent).utf8).write(to: frame)
        let run = try launch(["--virtual-time-budget=15000", "--enable-logging=stderr", "--v=0", "--dump-dom", frame.absoluteString])
        guard let start = run.stdout.range(of: "<script type=\"application/json\" id=\"browser-check\">"),
              let end = run.stdout.range(of: "</script>", range: start.upperBound..<run.stdout.endIndex) else {
            throw Failure("\(name): Chromium gave no report (status \(run.status)): \(run.stderr.suffix(2000))")
        }
        let reports = try JSONDecoder().decode([String: Report].self, from: Data(run.stdout[start.upperBound..<end.lowerBound].utf8))
        guard let narrow = reports["390"], let wide = reports["1280"] else { throw Failure("\(name): a width is missing") }
        let console = run.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") && $0.contains(name) }.map(String.init)
        return (narrow, wide, console)
    }

    /// A PNG of the whole page at `width` (its height as the check measured it).
    func screenshot(_ page: URL, width: Int, height: Int, to file: URL) throws {
        let run = try launch(["--hide-scrollbars", "--window-size=\(width),\(min(max(height, 200), 16000))",
                              "--screenshot=\(file.path)", page.absoluteString])
        guard FileManager.default.fileExists(atPath: file.path) else { throw Failure("no screenshot of \(page.lastPathComponent): \(run.stderr.suffix(1000))") }
    }

    /// The page printed as the print stylesheet lays it out (A4).
    func printToPDF(_ page: URL, to file: URL) throws {
        let run = try launch(["--no-pdf-header-footer", "--print-to-pdf=\(file.path)", page.absoluteString])
        guard FileManager.default.fileExists(atPath: file.path) else { throw Failure("no PDF of \(page.lastPathComponent): \(run.stderr.suffix(1000))") }
    }

    private func launch(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: timer)
        let errorText = PipeText(errors.fileHandleForReading)
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        timer.cancel()
        return (process.terminationStatus, stdout, errorText.value)
    }

    /// A page holding the probed page twice, 390 and 1280 px wide (taller than any page, so
    /// no scrollbar takes width); each frame posts its report, and the pair is written into
    /// this page's DOM, which `--dump-dom` prints.
    private static func frames(_ probe: String) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
        <script>
        var reports = {};
        window.addEventListener('message', function (event) {
          ['390', '1280'].forEach(function (width) {
            if (event.source === document.getElementById('w' + width).contentWindow) reports[width] = JSON.parse(event.data);
          });
          if (reports['390'] && reports['1280'] && !document.getElementById('browser-check')) {
            var out = document.createElement('script'); out.type = 'application/json'; out.id = 'browser-check';
            out.textContent = JSON.stringify(reports); document.body.appendChild(out);
          }
        });
        </script>
        <iframe id="w390" src="\(probe)" style="width:390px;height:16000px;border:0"></iframe>
        <iframe id="w1280" src="\(probe)" style="width:1280px;height:16000px;border:0"></iframe>
        </body></html>
        """
    }

    /// Runs first in the page: records console errors and warnings, script errors and failed
    /// loads, then measures the page once it has loaded and posts the report to the frame page.
    static let probeScript = #"""
(function () {
  var problems = [];
  function note(text) { problems.push(String(text)); }
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () { note('console.' + level + ': ' + Array.prototype.join.call(arguments, ' ')); return original.apply(console, arguments); };
  });
  window.addEventListener('error', function (event) {
    var target = event.target;
    if (target && target !== window) note('failed to load <' + target.tagName.toLowerCase() + '> ' + (target.currentSrc || target.src || target.href || ''));
    else note('script error: ' + event.message);
  }, true);
  window.addEventListener('unhandledrejection', function (event) { note('unhandled rejection: ' + event.reason); });
  function describe(element) {
    var text = element.tagName.toLowerCase();
    if (element.id) text += '#' + element.id;
    if (typeof element.className === 'string' && element.className.trim()) text += '.' + element.className.trim().split(/\s+/).join('.');
    var cell = element.closest ? element.closest('.cell') : null;
    if (cell && cell !== element) text += ' in #' + cell.id;
    return text;
  }
  window.addEventListener('load', function () {
    setTimeout(function () {
      var root = document.documentElement, width = root.clientWidth;
      var report = { width: width, scrollWidth: root.scrollWidth, height: Math.ceil(document.body.getBoundingClientRect().height), problems: problems, overflowing: [], scrolling: [] };
      if (root.scrollWidth > width) {
        document.querySelectorAll('body *').forEach(function (element) {
          var box = element.getBoundingClientRect(), right = Math.max(box.right, box.left + element.scrollWidth);
          if (right > width + 1 && report.overflowing.length < 10) report.overflowing.push(describe(element) + ' reaches ' + Math.round(right) + ' px');
        });
      }
      var wrapped = 'pre.output, pre.error, pre.warnings, pre.diff' + (width < 600 ? ', main pre' : '');
      document.querySelectorAll(wrapped).forEach(function (element) {
        if (element.scrollWidth > element.clientWidth + 1) report.scrolling.push(describe(element) + ' scrolls ' + element.scrollWidth + ' px wide in ' + element.clientWidth + ' px');
      });
      parent.postMessage(JSON.stringify(report), '*');
    }, 100);
  });
})();
"""#

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// A pipe read to its end on another thread, so a full pipe never blocks the process.
private final class PipeText: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    var value: String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
