#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-core level-2 cache oneDNN's `platform::get_per_core_cache_size(2)` reports: the
/// cache's size over the logical CPUs that share it (Xbyak reads both from `cpuid`; Linux
/// shows the same in sysfs), or oneDNN's own guess of 512 KiB where none is found. Its
/// heuristics size their blockings by it, so it decides sums' orders: `gemm:jit`'s forward
/// input-channel block (`OneDNNGemmConvolution.forwardBlocking`). On this project's AMD EPYC
/// (1 MiB of L2 per core) a 16-channel 3×3 layer of 900 outputs is summed in one block
/// over all 16 channels; with 512 KiB it would take two of 8 (conv-dilated-groups d7p12).
enum OneDNNCacheSize {
    static let guessL2 = 512 * 1024

    static let l2PerCore: Int = {
        let base = "/sys/devices/system/cpu/cpu0/cache/"
        for index in 0..<8 {
            let dir = base + "index\(index)/"
            guard read(dir + "level") == "2", let size = read(dir + "size").flatMap(parseSize) else { continue }
            let sharing = read(dir + "shared_cpu_list").map(countCPUs) ?? 1
            return size / max(1, sharing)
        }
        return guessL2
    }()

    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 256)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        return String(cString: buffer).trimmedOfSpaces()
    }

    /// "1024K", "2M" or bytes.
    static func parseSize(_ text: String) -> Int? {
        let unit = text.last.map { "KM".contains($0) ? $0 : nil } ?? nil
        guard let value = Int(unit == nil ? text : String(text.dropLast())) else { return nil }
        return unit == "K" ? value * 1024 : unit == "M" ? value * 1024 * 1024 : value
    }

    /// The CPUs in a list such as "0-1,4,6-7".
    static func countCPUs(_ list: String) -> Int {
        list.split(separator: ",").reduce(0) { total, part in
            let ends = part.split(separator: "-").compactMap { Int($0) }
            return total + (ends.count == 2 ? ends[1] - ends[0] + 1 : 1)
        }
    }
}
