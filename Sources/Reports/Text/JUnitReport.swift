import Lessons

/// JUnit XML for CI dashboards: a `testsuite` per lesson, a `testcase` per checked cell.
public enum JUnitReport {
    public static func render(_ results: [LessonResult]) -> String {
        let tests = results.reduce(0) { $0 + $1.checkedCount }
        let failures = results.reduce(0) { $0 + $1.failedCount }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"gradbook\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
        for result in results {
            let path = result.lesson.path
            xml += "  <testsuite name=\"\(path.xmlEscaped)\" tests=\"\(result.checkedCount)\" failures=\"\(result.failedCount)\" errors=\"0\" skipped=\"0\" time=\"\(time(result.seconds))\">\n"
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
