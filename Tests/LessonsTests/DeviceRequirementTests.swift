import Testing
@testable import Lessons

/// A lesson that asks for CUDA on a machine without it fails at its front matter line.
struct DeviceRequirementTests {
    @Test func cudaLessonFailsWhereCUDAIsMissing() throws {
        let lesson = try LessonParser.parse("---\ntitle: GPU\ndevice: cuda:0\n---\n```python\nprint(1)\n```\n", path: "gpu.md")
        #expect(throws: LessonError.self) { try lesson.checkDeviceAvailable() }
        do {
            try lesson.checkDeviceAvailable()
        } catch {
            #expect(error.report == "gpu.md:3:1: error: front matter asks for device 'cuda:0', but CUDA is not available on this machine (torch.cuda.is_available() is False); use 'device: cpu' or run the lesson where a GPU is")
        }
    }

    @Test func cpuLessonRuns() throws {
        let lesson = try LessonParser.parse("---\ndevice: cpu\n---\n```python\nprint(1)\n```\n", path: "cpu.md")
        try lesson.checkDeviceAvailable()
        let plain = try LessonParser.parse("```python\nprint(1)\n```\n", path: "plain.md")
        try plain.checkDeviceAvailable()
    }
}
