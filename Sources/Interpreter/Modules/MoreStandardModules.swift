extension Interpreter {
    /// The standard modules added for issue 14's language part (`re` and friends),
    /// kept apart from `registerStandardModules` so parallel work merges cleanly.
    func registerMoreStandardModules() {
        registerModule(name: "_sre") { i, m in i.buildSre(m) }
        registerSourceModule(name: "re", source: reSource, file: "<re>")
    }
}
