import Foundation
import Interpreter

/// The embedded Python sources of `torch.nn`, `torch.nn.functional`, `torch.nn.init`,
/// `torch.optim`, `torch.optim.lr_scheduler` and `torch.utils.data` (folder `Python/`,
/// described in its README): `NAME.py` is module NAME; a folder `NAME/` holds its parts,
/// joined in file-name order.
public enum NNSources {
    /// Module names, in no particular order: each is loaded lazily at its first import.
    public static let moduleNames = ["torch.nn", "torch.nn.functional", "torch.nn.init", "torch.optim",
                                     "torch.optim.lr_scheduler", "torch.utils.data", "torch.linalg"]

    /// Where the sources live in the Torch target's resource bundle.
    static var folder: URL? { Bundle.module.url(forResource: "Python", withExtension: nil) }

    /// Every module's text, read from the bundle once per process (sessions start often).
    static let texts: [String: String] = {
        var texts: [String: String] = [:]
        for name in moduleNames { texts[name] = read(name) }
        return texts
    }()

    /// The text registered for `name`, or nil when the bundle lacks it.
    public static func source(of name: String) -> String? { texts[name] }

    static func read(_ name: String) -> String? {
        guard let folder else { return nil }
        let file = folder.appendingPathComponent(name + ".py")
        if let text = try? String(contentsOf: file, encoding: .utf8) { return text }
        let parts = folder.appendingPathComponent(name)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parts.path) else { return nil }
        let texts = names.filter { $0.hasSuffix(".py") }.sorted().compactMap {
            try? String(contentsOf: parts.appendingPathComponent($0), encoding: .utf8)
        }
        return texts.joined(separator: "\n\n")
    }

    /// Registers every module with `interp` (they load on first import). `torch.utils` is an
    /// empty package module when the host has not registered one.
    public static func register(into interp: Interpreter) {
        for name in moduleNames {
            guard let text = source(of: name) else {
                preconditionFailure("Torch resource bundle lacks the Python source of \(name)")
            }
            interp.registerSourceModule(name: name, source: text, file: "<\(name.replacingOccurrences(of: ".", with: "/")).py>")
        }
    }
}
