import Foundation
import Testing
@testable import Torch

/// The binary carries the torch Python sources as string literals (EmbeddedPython.swift);
/// the files in Sources/Torch/Python are what people edit. This fails when the two differ.
@Suite struct EmbeddedPythonTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Torch/Python")

    /// Module NAME is `NAME.py`, or the `.py` parts in folder `NAME/` joined in file-name
    /// order with a blank line between them (Sources/Torch/Python/README.md).
    static func text(of name: String) throws -> String {
        let file = folder.appendingPathComponent(name + ".py")
        if FileManager.default.fileExists(atPath: file.path) { return try String(contentsOf: file, encoding: .utf8) }
        let parts = folder.appendingPathComponent(name)
        let names = try FileManager.default.contentsOfDirectory(atPath: parts.path).filter { $0.hasSuffix(".py") }.sorted()
        return try names.map { try String(contentsOf: parts.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n\n")
    }

    /// Every module the Torch target registers from embedded sources.
    static let registered = Set(NNSources.moduleNames + TensorSideSources.moduleNames + PyplotModule.moduleNames
                                + DistributionSources.moduleNames)

    @Test func embeddedSourcesMatchTheFiles() throws {
        #expect(Set(NNSources.embedded.keys) == Self.registered)
        for name in Self.registered.sorted() {
            let embedded = NNSources.source(of: name)
            #expect(embedded == (try Self.text(of: name)), "EmbeddedPython.swift is stale for \(name): run `make embed`")
        }
    }

    @Test func everyPythonFileIsEmbedded() throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        let modules = Set(entries.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }
            .map { $0.hasSuffix(".py") ? String($0.dropLast(3)) : $0 })
        #expect(modules == Self.registered)
    }
}
