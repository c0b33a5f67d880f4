import Torch

/// A lesson whose front matter asks for a device this machine lacks fails as a whole, at
/// the front matter's `device` line, instead of running its cells somewhere else than
/// its author meant (and printing `device='cpu'` where the lesson says `cuda:0`).
extension Lesson {
    public func checkDeviceAvailable() throws(LessonError) {
        guard let device = frontMatter.device, device.hasPrefix("cuda"), !TorchModule.cudaAvailable else { return }
        throw LessonError(file: path, line: frontMatter.deviceLine ?? 1, column: 1,
                          message: "front matter asks for device '\(device)', but CUDA is not available on this machine "
                              + "(torch.cuda.is_available() is False); use 'device: cpu' or run the lesson where a GPU is")
    }
}
