extension Interpreter {
    /// Modules that training scripts and teaching notebooks start with (`argparse`,
    /// `timeit`, `datetime`, `hashlib`), registered apart from the other groups so parallel work merges cleanly.
    func registerStdlib3Modules() {
        registerSourceModule(name: "argparse", source: argparseSource, file: "<argparse>")
        registerSourceModule(name: "timeit", source: timeitSource, file: "<timeit>")
        registerSourceModule(name: "datetime", source: datetimeSource, file: "<datetime>")
        registerModule(name: "_hashlib_native") { i, m in i.buildHashlibNative(m) }
        registerSourceModule(name: "hashlib", source: hashlibSource, file: "<hashlib>")
        registerSourceModule(name: "_dynamic_code", source: dynamicCodeSource, file: "<code>")
    }
}
