import Foundation
import Testing

/// PyTorch's last bits depend on the CPU capability its kernels were picked for (AVX2: 8
/// float lanes, oneDNN's AVX2 kernels; AVX512: 16 lanes, `avx512_core`). Each script in
/// `CapabilityScripts/` has what real PyTorch 2.15 printed at each capability
/// (`NAME.avx2.expected`, `NAME.avx512.expected`, written by `regen.sh` with
/// ATEN_CPU_CAPABILITY and ONEDNN_MAX_CPU_ISA set). `gradbook exec NAME.py` must print the
/// same under the same variables, line for line. A capability the CPU lacks is not run
/// (PyTorch could not run it either). Lines listed in `NAME.CAP.known` (one key, the text
/// before the first space, per line, with the reason after `#`) are recorded as known
/// issues, never passed silently.
@Suite struct CapabilityScriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CapabilityScripts")

    static let cpuFlags: Set<String> = {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = info.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        return Set(line.split(separator: " ").map(String.init))
    }()

    static func supported(_ capability: String) -> Bool {
        switch capability {
        case "avx2": cpuFlags.isSuperset(of: ["avx2", "fma"])
        case "avx512": cpuFlags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq", "fma"])
        default: false
        }
    }

    /// "NAME CAP" for every expected file whose capability this CPU supports.
    static var cases: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".expected") }.compactMap { file in
            let parts = file.dropLast(".expected".count).split(separator: ".")
            guard parts.count == 2, supported(String(parts[1])) else { return nil }
            return "\(parts[0]) \(parts[1])"
        }.sorted()
    }

    static func knownKeys(_ name: String, _ capability: String) -> Set<String> {
        let url = folder.appendingPathComponent("\(name).\(capability).known")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").compactMap { line in
            let key = line.split(separator: "#").first?.trimmingCharacters(in: .whitespaces) ?? ""
            return key.isEmpty ? nil : key
        })
    }

    @Test(arguments: CapabilityScriptTests.cases)
    func printsWhatPyTorchPrintsAtThisCapability(_ testCase: String) throws {
        let parts = testCase.split(separator: " ").map(String.init)
        let (name, capability) = (parts[0], parts[1])
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("\(name).\(capability).expected"), encoding: .utf8)
        let result = try GradbookProcess.run(["exec", "\(name).py"], in: Self.folder, environment: [
            "ATEN_CPU_CAPABILITY": capability,
            "ONEDNN_MAX_CPU_ISA": capability == "avx512" ? "AVX512_CORE" : "AVX2",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let got = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(got.count == want.count, "\(name) at \(capability): \(got.count) lines, PyTorch printed \(want.count)")
        let known = Self.knownKeys(name, capability)
        for (index, (g, w)) in zip(got, want).enumerated() where g != w {
            let key = String(w.split(separator: " ").first ?? "")
            let message = "\(name) at \(capability), line \(index + 1):\nPyTorch:  \(w.prefix(300))\nGradbook: \(g.prefix(300))"
            if known.contains(key) {
                withKnownIssue(Comment(rawValue: message)) { Issue.record(Comment(rawValue: message)) }
            } else {
                Issue.record(Comment(rawValue: message))
            }
        }
    }
}
