extension Interpreter {
    /// enum, pprint, decimal and the file-space modules (tempfile, shutil, glob, fnmatch,
    /// zipfile), registered apart so parallel work merges cleanly.
    func registerStdlib2Modules() {
        registerModule(name: "_enum") { i, m in i.buildEnumNative(m) }
        registerSourceModule(name: "enum", source: enumSource, file: "<enum>")
        registerSourceModule(name: "pprint", source: pprintSource, file: "<pprint>")
        registerSourceModule(name: "fnmatch", source: fnmatchSource, file: "<fnmatch>")
        registerSourceModule(name: "glob", source: globSource, file: "<glob>")
        registerSourceModule(name: "shutil", source: shutilSource, file: "<shutil>")
        registerSourceModule(name: "tempfile", source: tempfileSource, file: "<tempfile>")
        registerSourceModule(name: "decimal", source: decimalSource, file: "<decimal>")
        registerModule(name: "_zlib") { i, m in i.buildZlibNative(m) }
        registerSourceModule(name: "zlib", source: zlibSource, file: "<zlib>")
        registerSourceModule(name: "zipfile", source: zipfileSource, file: "<zipfile>")
    }
}
