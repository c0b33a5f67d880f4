// A minimal `gradbook exec` for the interpreter alone: runs FILE.py with
// `Interpreter.runScript`, prints its output (and error, exit status 1). Built by
// bench/interp-shim/build from the Interpreter module of a release build, so the
// interpreter's speed can be measured without building the whole package.
import Interpreter
#if canImport(Glibc)
import Glibc
#endif

// `interp-shim exec FILE.py` (as bench/run calls gradbook) or `interp-shim FILE.py`.
let args = CommandLine.arguments.filter { $0 != "exec" }
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
let interp = Interpreter()
interp.argv = [args[1]]
let result = interp.runScript(String(decoding: bytes, as: UTF8.self), file: args[1])
fputs(result.output, stdout)
if let e = result.error { fputs(e.traceback, stderr); exit(1) }
