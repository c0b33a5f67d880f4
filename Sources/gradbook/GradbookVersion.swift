import BuildInfo
import Torch

/// What `gradbook --version` prints: this release, the commit it was built from (baked in by
/// `make build`, "unknown" for a plain `swift build`) and the PyTorch release it matches.
enum GradbookVersion {
    static let release = "0.1.0"
    static var commit: String { String(cString: gradbook_build_commit()) }
    static var description: String { "gradbook \(release) (commit \(commit)), matches PyTorch \(TorchVersion.matched)" }
}
