// Prints programs from seeds: gen SEED COUNT DIR
import Glibc
let seed = UInt64(CommandLine.arguments[1])!, count = Int(CommandLine.arguments[2])!
let dir = CommandLine.arguments[3]
var state = seed
func next() -> UInt8 { state = state &* 6364136223846793005 &+ 1442695040888963407; return UInt8(truncatingIfNeeded: state >> 56) }
for i in 0..<count {
    var g = ProgramGenerator((0..<256).map { _ in next() })
    let text = g.program()
    let f = fopen("\(dir)/p\(i).py", "w"); fputs(text, f); fclose(f)
}
