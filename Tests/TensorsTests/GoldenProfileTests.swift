import GoldenProfile
import Testing
@testable import Tensors

/// The goldens were made with ATen's AVX2 kernels; the GoldenProfile constructor pins the
/// test process to them through ATEN_CPU_CAPABILITY, which Gradbook reads as PyTorch does.
/// On an AVX-512 machine, without the pin, 580 golden comparisons fail (measured): this
/// test says why at once instead.
@Suite struct GoldenProfileTests {
    @Test func theTestProcessRunsTheGoldensCapability() {
        let requested = String(cString: gradbook_golden_profile())
        #expect(["avx2", "avx512"].contains(requested))
        if requested == "avx2" {
            #expect(CPUCapability.vectorBytes == 32)
            #expect(CPUCapability.name == "AVX2")
        }
    }

    @Test func theDetectedWidthIsTheCPUsOwn() {
        #expect([16, 32, 64].contains(CPUCapability.detectedVectorBytes))
        #expect(CPUCapability.vectorBytes <= CPUCapability.detectedVectorBytes)
    }
}
