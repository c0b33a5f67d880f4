import ArgumentParser
import Tensors

/// `gradbook info`: which math library, BLAS, thread counts and CPU features computations
/// use here — what decides whether results match PyTorch's to the last digit.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the math backend, BLAS, thread counts and CPU features in use.")

    func run() throws {
        let lines = MathBackend.report()
        let width = lines.map(\.0.count).max() ?? 0
        for (name, value) in lines {
            print(name + ":" + String(repeating: " ", count: width - name.count + 1) + value)
        }
    }
}
