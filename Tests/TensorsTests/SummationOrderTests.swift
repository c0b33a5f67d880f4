import Testing
@testable import Tensors

/// Float sums must match PyTorch's cascade order bit for bit (values from PyTorch 2.15,
/// AVX2 build) because `item()` prints all 17 significant digits.
@Suite struct SummationOrderTests {
    @Test func smallAndMediumFullSums() throws {
        let x = try Tensor.arange(start: .int(1), end: .int(20), dtype: .float32).div(.int(7))
        #expect(try x.sum().item() == .float(27.142858505249023))
        #expect(try x.mean().item() == .float(1.4285714626312256))
    }

    @Test func innerOuterAndMiddleReductions() throws {
        let y = try Tensor.randn([1000], generator: CPUGenerator(seed: 0))
        #expect(try y.sum().item() == .float(28.918319702148438))
        #expect(try Array(y.view([100, 10]).sum(dims: [0]).elementsAsFloat().prefix(3)) == [1.5091218948364258, -21.66981315612793, 2.530374765396118])
        #expect(try Array(y.view([10, 100]).sum(dims: [1]).elementsAsFloat().prefix(3)) == [8.802840232849121, -3.954108238220215, 0.3044734001159668])
        #expect(try Array(y.view([10, 100]).sum(dims: [0]).elementsAsFloat().prefix(3)) == [-4.740918159484863, -5.64381742477417, 1.6510614156723022])
        #expect(try y.view([250, 4]).sum(dims: [0]).elementsAsFloat() == [-16.349403381347656, 41.61497497558594, 17.268585205078125, -13.615839004516602])
        #expect(try Array(y.view([10, 10, 10]).sum(dims: [1]).getItem([.int(0)]).elementsAsFloat().prefix(3)) == [-2.2570126056671143, -2.5339715480804443, -3.2985780239105225])
    }
}
