import Interpreter
import Tensors

/// Registers `numpy` with an interpreter: the native core (`numpy._native`), the Python
/// layer written in the cell language (`numpy`), and `numpy.linalg`.
public enum NumPyModule {
    /// `configure` runs when a cell first imports numpy (the torch bridge sets its hooks
    /// there, so sessions that never import numpy pay nothing).
    public static func install(into interp: Interpreter, configure: ((NumPyRuntime) -> Void)? = nil) {
        interp.registerModule(name: "numpy._native") { interp, m in
            let rt = NumPyRuntime(interp)
            rt.module = m
            configure?(rt)
            let holder = interp.makeClass("_Runtime", module: "numpy")
            m.add("_runtime", interp.makeInstance(holder, payload: rt))
            try rt.build(interp, m)
        }
        interp.registerSourceModule(name: "numpy", source: NumPyPython.source, file: "<numpy/__init__.py>")
        interp.registerSourceModule(name: "numpy.linalg", source: NumPyPython.linalg, file: "<numpy/linalg.py>")
        NumPyRandomModule.install(into: interp)
        interp.registerSourceModule(name: "numpy.exceptions", source: NumPyPython.exceptions, file: "<numpy/exceptions.py>")
    }
}
