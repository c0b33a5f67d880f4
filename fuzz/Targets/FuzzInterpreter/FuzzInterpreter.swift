#if canImport(Glibc)
import Glibc
#endif
import Interpreter
import Tensors
import Torch

/// libFuzzer entry point (fuzz/run): bytes → a generated Python program
/// (`ProgramGenerator`) run as one lesson cell, under a 1 s cell time limit, a 64 MiB limit
/// per Python object and a 256 MiB tensor budget. Any Python or PyTorch exception is fine;
/// a crash, a hang past the limit or a sanitizer report is a finding.
/// `FUZZ_PRINT=1` prints each program to standard error (to turn a crasher into a test).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterpreter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var generator = ProgramGenerator(Array(UnsafeBufferPointer(start: data, count: size)))
    let program = generator.program()
    if getenv("FUZZ_PRINT") != nil {
        let text = program + "----\n"
        _ = write(2, text, text.utf8.count)
    }
    FuzzSession.shared.run(program)
    return 0
}

/// One interpreter, replaced every 64 programs: starting one (and installing torch) costs
/// more than most programs take, and what a program leaves behind is fair input to the next.
final class FuzzSession {
    nonisolated(unsafe) static let shared = FuzzSession()
    private var interpreter: Interpreter?
    private var runs = 0

    func run(_ program: String) {
        if interpreter == nil || runs % 64 == 0 {
            interpreter?.shutdown()
            MemoryBudget.shared.limit = 256 << 20
            let interp = Interpreter(limits: .init(objectByteLimit: 64 << 20))
            _ = TorchModule.install(into: interp, seed: 0)
            interp.output = { _ in }
            interpreter = interp
        }
        runs += 1
        _ = interpreter!.runCell(program, file: "fuzz.py", firstLine: 1, timeout: 1)
    }
}
