import Tensors

/// One generated kernel: its entry point and the complete source (prelude included).
/// The source text is the cache key: two requests with equal text share one compilation.
struct KernelSource: Hashable {
    let name: String
    /// The kernel's own code, after the prelude.
    let body: String
    var text: String { KernelPrelude.text + body }

    init(name: String, body: String) {
        self.name = name
        self.body = body
    }

    /// File-local helpers that bodies define (`GB_DEVICE` functions, typedefs). When many
    /// bodies share one translation unit (HostKernelDevice.precompile) each is renamed per
    /// body; a family that adds a helper adds its name here (a test checks the list).
    static let localNames = ["gb_op", "gb_combine", "gb_finish", "gb_pair", "gb_better", "gb_write",
                             "gb_philox", "gb_unit", "gb_angle"]
}
