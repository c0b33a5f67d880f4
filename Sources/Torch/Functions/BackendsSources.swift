import Interpreter

/// `torch.backends.*` and `torch.accelerator`: what course notebooks query before picking a
/// device (`torch.backends.mps.is_available()`, `torch.accelerator.is_available()`) or set
/// out of habit (`torch.backends.cudnn.benchmark = True`). Answers are Gradbook's own: the
/// CPU capability its kernels run at (`ATEN_CPU_CAPABILITY`, as in PyTorch), MKL when it is
/// loaded, CUDA as `torch.cuda` answers; cuDNN and MPS are never there. The cuDNN switches are
/// plain attributes: Gradbook's GPU path does not use cuDNN, so setting them changes nothing.
enum BackendsSources {
    static let modules: [(name: String, source: String)] = [
        ("torch.backends", """
        import torch.backends.cpu
        import torch.backends.cuda
        import torch.backends.cudnn
        import torch.backends.mkl
        import torch.backends.mkldnn
        import torch.backends.mps
        import torch.backends.openmp
        """),
        ("torch.backends.cpu", """
        import torch

        def get_cpu_capability():
            return torch._get_cpu_capability()
        """),
        ("torch.backends.cuda", """
        import torch

        def is_built():
            return True

        class cuBLASModule:
            allow_tf32 = False
            allow_fp16_reduced_precision_reduction = True
            allow_bf16_reduced_precision_reduction = True

        matmul = cuBLASModule()
        """),
        ("torch.backends.cudnn", """
        enabled = True
        benchmark = False
        deterministic = False
        allow_tf32 = True
        benchmark_limit = 10

        def is_available():
            return False

        def version():
            return None
        """),
        ("torch.backends.mkl", """
        import torch

        def is_available():
            return torch._mkl_is_available()
        """),
        ("torch.backends.mkldnn", """
        enabled = True

        def is_available():
            return True
        """),
        ("torch.backends.mps", """
        def is_available():
            return False

        def is_built():
            return False
        """),
        ("torch.backends.openmp", """
        def is_available():
            return True
        """),
        ("torch.accelerator", """
        import torch

        def is_available():
            return torch.cuda.is_available()

        def device_count():
            return torch.cuda.device_count()

        def current_accelerator(check_available=False):
            if check_available and not torch.cuda.is_available():
                return None
            return torch.device("cuda")

        def current_device_index():
            return torch.cuda.current_device()

        current_device_idx = current_device_index

        def synchronize(device=None):
            torch.cuda.synchronize(device)

        def memory_allocated(device_index=None):
            return torch.cuda.memory_allocated(device_index)
        """),
    ]

    static func register(into interp: Interpreter) {
        for (name, source) in modules {
            interp.registerSourceModule(name: name, source: source + "\n", file: "<\(name.replacing(".", with: "/")).py>")
        }
    }
}
