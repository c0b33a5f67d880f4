/// A module-level name as pickles refer to it (`torch._utils._rebuild_tensor_v2`,
/// `torch.FloatStorage`): what a host's reduce hook puts in a stream for something that is
/// not a Python object here, and what a host's `findClass` may hand back for it.
public final class PickleGlobal: PyObject {
    public let module: String
    public let name: String
    public init(module: String, name: String) {
        self.module = module
        self.name = name
    }
}
