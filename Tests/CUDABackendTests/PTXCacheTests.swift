import Testing
@testable import CUDABackend
import Tensors

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

    @Test func precompiledSourcesShareOneCompilerRun() throws {
        let device = HostKernelDevice(directory: temporaryDirectory("batch"))
        try device.precompile([ElementwiseSource.unary(.exp, input: .float32, output: .float32),
                               ElementwiseSource.unary(.neg, input: .float32, output: .float32),
                               ReduceSource.source(.sum, input: .float32, output: .float32).source])
        #expect(device.compileCount == 1)
        let backend = GeneratedKernelBackend(device: .cpu, kernels: device)
        let a = try sample(.float32), out = try Tensor(empty: [3, 4])
        try backend.unary(.neg, a, into: out)
        #expect(try out.elementsAsDouble() == a.elementsAsDouble().map { -$0 })
        let total = try Tensor(empty: [1, 1])
        try backend.reduce(.sum, a, dims: [0, 1], into: total)
        #expect(try total.elementsAsDouble() == [a.elementsAsDouble().reduce(0, +)])
        #expect(device.compileCount == 1)
    }
}
