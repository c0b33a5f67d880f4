import Testing
@testable import Tensors

/// `Conv3d`'s weight and bias gradients next to depth padding, where oneDNN runs
/// `x64:gemm:jit` (`OneDNNConvolution3D.gradWeightGemm`): bit for bit with the
/// `weight_gemm` cases of PyTorchGoldens/OneDNNConv3dGoldens.json (AVX2 profile).
struct OneDNNConvolution3DWeightGemmGoldenTests {
    struct Case: Decodable { let shape: [Int]; let seed: Int; let gw: String; let gb: String }
    struct File: Decodable { let weight_gemm: [Case] }

    static let file: File = PyTorchGoldenFile.decode("OneDNNConv3dGoldens.json")
    typealias T = OneDNNConvolution3DGoldenTests

    @Test func everyCaseRunsTheGemmPass() {
        #expect(Self.file.weight_gemm.count >= 8)
        for c in Self.file.weight_gemm {
            let s = c.shape
            #expect(OneDNNConvolution3D.weightPass(weight: [s[5], s[1], s[6], s[7], s[8]], padding: [s[10], s[10], s[10]]) == .gemm)
        }
    }

    @Test(arguments: file.weight_gemm.indices)
    func matchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.weight_gemm[index], s = c.shape
        let x = try T.tensor(Array(s[0..<5]), c.seed, -1, 1)
        let w = try T.tensor([s[5], s[1], s[6], s[7], s[8]], c.seed + 1, -0.5, 0.5)
        let b = try T.tensor([s[5]], c.seed + 2, -1, 1)
        let stride = [s[9], s[9], s[9]], padding = [s[10], s[10], s[10]]
        let y = try OneDNNConvolution3D.forward(input: x, weight: w, bias: b, stride: stride, padding: padding)
        let gy = try T.tensor(y.sizes, c.seed + 3, -1, 1)
        let gw = try #require(try OneDNNConvolution3D.gradWeight(gradOutput: gy, input: x, weight: w.sizes, stride: stride, padding: padding))
        let gb = try #require(try OneDNNConvolution3D.gradBias(gradOutput: gy, weight: w.sizes, padding: padding))
        for (name, t, expected) in [("gw", gw, c.gw), ("gb", gb, c.gb)] {
            let (bad, first) = T.G.compare(try T.G.hex(t), expected, width: 8)
            #expect(bad == 0, "\(s)/\(name): \(bad) elements differ, first \(first)")
        }
    }
}
