#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import CUDABackend
import Tensors

/// NVRTC compiles the kernels as CUDA C++, the host tests as C. Without a GPU, the CUDA
/// branch of every family's source is checked with the host C++ compiler under a shim that
/// declares what NVRTC provides built in (the `__device__` qualifiers, bit casts,
/// `__sincosf`, the math library), so C++-only errors (narrowing, conversions, C-isms)
/// surface here rather than on the first GPU run.
@Suite struct NVRTCDialectTests {
    static let shim = """
    #include <math.h>
    #include <string.h>
    #define __CUDACC_RTC__ 1
    #define __device__
    #define __global__
    #define __forceinline__ inline
    struct gb_uint3 { unsigned int x, y, z; };
    extern gb_uint3 threadIdx, blockIdx, blockDim, gridDim;
    inline float __uint_as_float(unsigned int b) { float f; memcpy(&f, &b, 4); return f; }
    inline unsigned int __float_as_uint(float f) { unsigned int b; memcpy(&b, &f, 4); return b; }
    inline double __longlong_as_double(long long b) { double d; memcpy(&d, &b, 8); return d; }
    inline void __sincosf(float v, float *s, float *c) { *s = sinf(v); *c = cosf(v); }

    """

    static func sources() -> [KernelSource] { catalogSources() }

    @Test func everyBodyHelperIsRenamedWhenBodiesShareAUnit() {
        // Names a body defines at file scope: `GB_DEVICE type name(` and `} name;` of a typedef.
        var defined = Set<String>()
        for s in catalogSources() {
            for line in s.body.split(separator: "\n") {
                let text = String(line)
                if text.hasPrefix("GB_DEVICE "), let paren = text.firstIndex(of: "(") {
                    if let name = text[..<paren].split(separator: " ").last { defined.insert(String(name)) }
                }
                if text.hasPrefix("typedef "), text.hasSuffix(";"), let name = text.dropLast().split(separator: " ").last {
                    defined.insert(String(name))
                }
            }
        }
        #expect(defined.isSubset(of: Set(KernelSource.localNames)), "not renamed: \(defined.subtracting(KernelSource.localNames))")
        #expect(defined.contains("gb_op") && defined.contains("gb_pair"))
    }

    @Test func everyFamilysCUDABranchIsValidCPlusPlus() {
        let dir = temporaryDirectory("nvrtc")
        writeFile(dir + "/shim.h", Self.shim)
        // All sources in one translation unit, each in its own namespace (the prelude's
        // macros repeat identically, which C++ allows), so one compiler run checks them all.
        let sources = Self.sources()
        let unit = sources.enumerated().map { i, s in "namespace k\(i) {\n\(s.text)\n}\n" }.joined()
        writeFile(dir + "/all.cpp", unit)
        let status = system("c++ -std=c++14 -fsyntax-only -Werror=narrowing -include '\(dir)/shim.h' '\(dir)/all.cpp' 2>'\(dir)/log'")
        #expect(status == 0, "\(HostKernelDevice.read(dir + "/log").prefix(3000))")
        #expect(sources.count > 300)
        // The check can fail: a narrowing brace initialiser (an error in C++, not in C) is caught.
        writeFile(dir + "/bad.cpp", "namespace bad { unsigned long long p = 1; unsigned int w[1] = {p}; }\n")
        #expect(system("c++ -std=c++14 -fsyntax-only -Werror=narrowing '\(dir)/bad.cpp' 2>/dev/null") != 0)
    }
}
