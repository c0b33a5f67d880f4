extension Interpreter {
    /// enum, pprint, decimal and the file-space modules (tempfile, shutil, glob, fnmatch,
    /// zipfile), registered apart so parallel work merges cleanly.
    func registerStdlib2Modules() {
        registerModule(name: "_enum") { i, m in i.buildEnumNative(m) }
        registerSourceModule(name: "enum", source: enumSource, file: "<enum>")
        registerSourceModule(name: "pprint", source: pprintSource, file: "<pprint>")
    }
}
