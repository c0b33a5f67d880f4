import Lessons

/// JUnit XML for CI dashboards: a `testsuite` per lesson, a `testcase` per checked cell, and
/// a testcase `lesson` with an `<error>` for a lesson that broke down (malformed, crashed,
/// killed), so a dashboard never shows such a lesson as zero tests.
public enum JUnitReport {
    public static func render(_ results: [LessonResult]) -> String {
        let errors = results.filter { $0.breakdown != nil }.count
        let tests = results.reduce(0) { $0 + $1.checkedCount } + errors
        let failures = results.reduce(0) { $0 + $1.failedCount }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"gradbook\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for result in results {
            let path = result.lesson.path
            let broke = result.breakdown != nil ? 1 : 0
            xml += "  <testsuite name=\"\(path.xmlEscaped)\" tests=\"\(result.checkedCount + broke)\" failures=\"\(result.failedCount)\" errors=\"\(broke)\" skipped=\"0\" time=\"\(time(result.seconds))\">\n"
            if let breakdown = result.breakdown {
                xml += "    <testcase classname=\"\(path.xmlEscaped)\" name=\"lesson\" file=\"\(path.xmlEscaped)\" time=\"\(time(result.seconds))\">\n"
                xml += "      <error message=\"\(breakdown.xmlEscaped)\"/>\n    </testcase>\n"
            }
            for cell in result.cells where cell.isCounted {
                let name = cell.cell.options.id ?? "line \(cell.cell.reportLine)"
                let seconds = cell.outcome?.seconds ?? 0
                xml += "    <testcase classname=\"\(path.xmlEscaped)\" name=\"\(name.xmlEscaped)\" file=\"\(path.xmlEscaped)\" line=\"\(cell.cell.reportLine)\" time=\"\(time(seconds))\""
                guard cell.countsAsFailed else { xml += "/>\n"; continue }
                var reason = cell.reason ?? "failed"
                if cell.status == .notRun, let breakdown = result.breakdown { reason += " (\(breakdown))" }
                var detail = cell.diff.map { "--- expected\n+++ actual\n" + $0 } ?? ""
                if let exception = cell.outcome?.exception, !exception.isExpected(by: cell.cell.options.raises) {
                    detail += exception.traceback
                }
                xml += ">\n      <failure message=\"\(reason.xmlEscaped)\">\(detail.xmlEscaped)</failure>\n    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private static func time(_ seconds: Double) -> String {
        String(CheckReport.seconds(seconds).dropLast())
    }
}

extension String {
    /// Escaped for XML text and attributes; characters XML 1.0 forbids become U+FFFD.
    var xmlEscaped: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
