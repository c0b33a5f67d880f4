import Interpreter

/// libFuzzer entry point (fuzz/run): any bytes as Python source, through the lexer and
/// parser (`SyntaxCheck`) and the syntax colouring the handouts use. Either compiles or
/// gives a `SyntaxError`; never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPython(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = SyntaxCheck.error(in: text)
    _ = SyntaxColoring.pieces(text)
    return 0
}
