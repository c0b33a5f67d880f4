import Lessons

/// libFuzzer entry point (fuzz/run): any bytes as a lesson file. Parsing either gives a
/// lesson or a located `LessonError`; it must never crash or hang. The lesson's cells are
/// also asked for their options and time limits (the cell-option parser runs in `parse`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let lesson = try? LessonParser.parse(text, path: "fuzz.md") {
        for cell in lesson.cells { _ = lesson.timeout(for: cell) }
    }
    return 0
}
