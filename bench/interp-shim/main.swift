// A minimal `gradbook exec` for the interpreter alone: runs FILE.py with
// `Interpreter.runScript`, prints its output (and error, exit status 1). Built by
// bench/interp-shim/build from the Interpreter module of a release build, so the
// interpreter's speed can be measured without building the whole package.
import Interpreter
#if canImport(Glibc)
import Glibc
#endif

// `interp-shim exec FILE.py` (as bench/run calls gradbook) or `interp-shim FILE.py`;
// `interp-shim cell FILE.py` runs it as a lesson cell and shows what the spec tests compare
// (output, the last expression's repr, the exception's last line).
let asCell = CommandLine.arguments.contains("cell")
let args = CommandLine.arguments.filter { $0 != "exec" && $0 != "cell" }
guard args.count == 2, let f = fopen(args[1], "r") else {
    fputs("usage: interp-shim [exec] FILE.py\n", stderr); exit(2)
}
var bytes: [UInt8] = []
var buffer = [UInt8](repeating: 0, count: 65536)
while true {
    let n = fread(&buffer, 1, buffer.count, f)
    if n <= 0 { break }
    bytes += buffer[0..<n]
}
fclose(f)
let source = String(decoding: bytes, as: UTF8.self)
if asCell {
    let r = Interpreter(limits: .init(cellTimeout: 10)).runCell(source, file: "<spec>", firstLine: 1, timeout: nil)
    fputs(r.output + (r.error.map { $0.lastLine + "\n" } ?? ""), stdout)
    exit(0)
}
let interp = Interpreter()
interp.argv = [args[1]]
let result = interp.runScript(source, file: args[1])
fputs(result.output, stdout)
if let e = result.error { fputs(e.traceback, stderr); exit(1) }
