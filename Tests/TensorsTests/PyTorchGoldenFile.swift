import Foundation

/// The JSON goldens beside these tests (`PyTorchGoldens/`, written by the generator
/// scripts there with real PyTorch 2.15), decoded once per suite.
enum PyTorchGoldenFile {
    static func decode<T: Decodable>(_ name: String) -> T {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("PyTorchGoldens/" + name)
        return try! JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }
}
