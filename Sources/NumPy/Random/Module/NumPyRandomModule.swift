import Interpreter

/// Registers `numpy.random` (its native primitives and its Python layer) with an interpreter.
/// `NumPyModule.install` calls this, so `import numpy as np; np.random.seed(0)` works.
public enum NumPyRandomModule {
    public static func install(into interp: Interpreter) {
        interp.registerModule(name: "numpy.random._native") { interp, m in
            try RandomNative.install(interp, m)
        }
        interp.registerSourceModule(name: "numpy.random", source: RandomPython.source, file: "<numpy/random/__init__.py>")
    }
}
