import Foundation
import Testing

/// `gradbook info` and `check`'s notice about PyTorch's math libraries (docs/mkl.md).
@Suite struct MathBackendTests {
    private let good = "# Good\n\n```python\nprint(1 + 1)\n```\n\n```output\n2\n```\n"

    @Test func checkSaysResultsMayDifferWithoutMKL() throws {
        let scratch = try Scratch(["l/good.md": good])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "l"], in: scratch.url,
                                             environment: ["GRADBOOK_MKL": "off"], keepNotice: true)
        #expect(result.status == 0)
        #expect(result.stderr == GradbookProcess.withoutMKLNotice)
        #expect(result.stdout.hasSuffix("\n1 passed, 0 failed\n"))
    }

    @Test func infoNamesTheBackendAndThreads() throws {
        let scratch = try Scratch([:])
        defer { scratch.remove() }
        let off = try GradbookProcess.run(["info"], in: scratch.url, environment: ["GRADBOOK_MKL": "off", "GRADBOOK_SLEEF": "off"])
        #expect(off.status == 0)
        let lines = off.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("math backend:     OpenBLAS and libm (MKL not loaded") == true, "\(off.stdout)")
        #expect(lines.contains { $0.hasPrefix("BLAS:             OpenBLAS") }, "\(off.stdout)")
        #expect(lines.contains("SLEEF:            not loaded: sigmoid, softmax, log_softmax and pow round as libm does"))
        #expect(lines.contains { $0.hasPrefix("intra-op threads: ") && $0.hasSuffix(" (torch.get_num_threads)") })
        #expect(lines.contains { $0.hasPrefix("CPU features:     ") })
    }

    /// ATEN_CPU_CAPABILITY picks the vector width as in PyTorch; a value Gradbook cannot
    /// honour gets PyTorch's warning and the CPU's own width.
    @Test func infoNamesTheCPUCapabilityAsPyTorchPicksIt() throws {
        let scratch = try Scratch([:])
        defer { scratch.remove() }
        let avx2 = try GradbookProcess.run(["info"], in: scratch.url, environment: ["ATEN_CPU_CAPABILITY": "avx2"])
        #expect(avx2.stdout.contains("\nCPU capability:   AVX2 ("), "\(avx2.stdout)")
        #expect(avx2.stderr.isEmpty, "\(avx2.stderr)")
        let bogus = try GradbookProcess.run(["info"], in: scratch.url, environment: ["ATEN_CPU_CAPABILITY": "avx9"])
        #expect(bogus.stderr.contains("UserWarning: ignoring invalid value for ATEN_CPU_CAPABILITY: avx9\n"), "\(bogus.stderr)")
        #expect(bogus.stdout.contains("(detected), as torch.backends.cpu.get_cpu_capability()"), "\(bogus.stdout)")
        let capped = try GradbookProcess.run(["info"], in: scratch.url, environment: ["ONEDNN_MAX_CPU_ISA": "AVX2"])
        #expect(capped.stdout.contains("\noneDNN kernels:   AVX2 orders, as PyTorch's oneDNN runs them here\n"), "\(capped.stdout)")
    }

    @Test func setNumThreadsChangesGetNumThreads() throws {
        let scratch = try Scratch(["t.py": "import torch\ntorch.set_num_threads(1)\nprint(torch.get_num_threads())\ntry:\n    torch.set_num_threads(0)\nexcept RuntimeError as e:\n    print(e)\n"])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["exec", "t.py"], in: scratch.url)
        #expect(result.stdout == "1\nset_num_threads expects a positive integer\n", "\(result.stderr)")
    }
}
