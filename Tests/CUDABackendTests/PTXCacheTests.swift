import Testing
@testable import CUDABackend

@Suite struct PTXCacheTests {
    @Test func keysDependOnSourceArchitectureAndCompiler() {
        let k = PTXCache.key(source: "a", architecture: "compute_90", compilerVersion: "nvrtc 12.4")
        #expect(k.count == 16)
        #expect(k == PTXCache.key(source: "a", architecture: "compute_90", compilerVersion: "nvrtc 12.4"))
        #expect(k != PTXCache.key(source: "b", architecture: "compute_90", compilerVersion: "nvrtc 12.4"))
        #expect(k != PTXCache.key(source: "a", architecture: "compute_80", compilerVersion: "nvrtc 12.4"))
        #expect(k != PTXCache.key(source: "a", architecture: "compute_90", compilerVersion: "nvrtc 12.6"))
    }

    @Test func writtenPTXReadsBackNulTerminatedInNestedFolders() {
        let cache = PTXCache(directory: temporaryDirectory("ptx") + "/nested/cuda")
        #expect(cache.read("0123456789abcdef") == nil)
        let ptx: [CChar] = Array(".version 8.0\n".utf8CString)
        cache.write("0123456789abcdef", ptx)
        #expect(cache.read("0123456789abcdef") == ptx)
    }

    @Test func eachSourceCompilesOnceOnTheHostDevice() throws {
        let device = HostKernelDevice(directory: temporaryDirectory("once"))
        let backend = GeneratedKernelBackend(device: .cpu, kernels: device)
        let a = try sample(.float32), out = try sample(.float32)
        try backend.unary(.exp, a, into: out)
        try backend.unary(.exp, a, into: out)
        try backend.unary(.clamp(min: 0, max: 1), a, into: out)
        try backend.unary(.clamp(min: -1, max: 2), a, into: out)
        #expect(device.compileCount == 2)
    }
}
