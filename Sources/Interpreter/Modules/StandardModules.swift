extension Interpreter {
    /// Modules every session can import (besides those the host registers).
    func registerStandardModules() {
        registerModule(name: "math") { i, m in i.buildMath(m) }
        registerModule(name: "random") { i, m in i.buildRandom(m) }
    }
}
