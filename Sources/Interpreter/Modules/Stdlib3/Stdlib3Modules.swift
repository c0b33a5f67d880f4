extension Interpreter {
    /// Modules that training scripts start with (`argparse`), registered apart from the
    /// other groups so parallel work merges cleanly.
    func registerStdlib3Modules() {
        registerSourceModule(name: "argparse", source: argparseSource, file: "<argparse>")
    }
}
