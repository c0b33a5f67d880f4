#if canImport(Glibc)
import Glibc
#endif

// SwiftPM links an executable's entry point as its `main`, so libFuzzer's own `main` is
// not used: hand the command line to libFuzzer's driver (found at run time: it is linked
// in only under -sanitize=fuzzer).
typealias FuzzerDriver = @convention(c) (
    UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32
guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "LLVMFuzzerRunDriver") else {
    let message = "build with -sanitize=fuzzer (fuzz/run)\n"
    _ = write(2, message, message.utf8.count)
    exit(2)
}
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(unsafeBitCast(symbol, to: FuzzerDriver.self)(&argc, &argv) { data, size in fuzzPython(data, size) })
