import Testing
import Interpreter
import Torch

/// Runs the embedded nn sources in Gradbook's own interpreter — not CPython — over a stub
/// `torch` that has no tensors, on snippets whose expected output came from real PyTorch
/// (NNSourcesSnippets.swift). This is what proves the sources stay inside the interpreter's
/// Python subset; scripts/nn_check compares their numbers with PyTorch's.
struct NNSourcesTests {
    /// Just enough of `torch` for modules without parameters and loaders without tensors.
    static let stubTorch = """
    class Tensor:
        pass

    class dtype:
        pass

    int64 = dtype()
    long = int64

    class _GradMode:
        def __enter__(self):
            return self

        def __exit__(self, *args):
            return False

    def no_grad():
        return _GradMode()

    def enable_grad():
        return _GradMode()

    class _Draw:
        def random_(self, generator=None):
            return self

    def empty(*args, **kwargs):
        return _Draw()
    """

    static let stubNative = """
    import torch

    class Parameter(torch.Tensor):
        pass
    """

    func session() -> Interpreter {
        let interp = Interpreter()
        interp.registerSourceModule(name: "torch", source: Self.stubTorch)
        interp.registerSourceModule(name: "torch._nn", source: Self.stubNative)
        interp.registerSourceModule(name: "torch.utils", source: "")
        NNSources.register(into: interp)
        return interp
    }

    @Test func everySourceIsBundled() {
        for name in NNSources.moduleNames {
            #expect(NNSources.source(of: name)?.isEmpty == false, "\(name)")
        }
        #expect(NNSources.source(of: "torch.nn")?.contains("class Module:") == true)
        #expect(NNSources.source(of: "torch.optim")?.contains("class Adam(Optimizer):") == true)
    }

    @Test func everyModuleImports() {
        let interp = session()
        let r = interp.runCell("""
        import torch.nn as nn
        import torch.nn.functional as F
        import torch.nn.init as init
        from torch import optim
        from torch.optim import lr_scheduler
        from torch.utils.data import DataLoader, TensorDataset, random_split
        print(nn.Linear.__name__, F.cross_entropy.__name__, init.kaiming_uniform_.__name__, optim.Adam.__name__,
              optim.lr_scheduler.StepLR.__name__, lr_scheduler.CosineAnnealingLR.__name__, DataLoader.__name__)
        """, file: "imports", firstLine: 1, timeout: 30)
        #expect(r.error == nil, "\(r.error?.traceback ?? "")")
        #expect(r.output == "Linear cross_entropy kaiming_uniform_ Adam StepLR CosineAnnealingLR DataLoader\n")
    }

    @Test(arguments: nnSourceSnippets.map(\.name))
    func snippetPrintsWhatPyTorchPrints(name: String) throws {
        let snippet = try #require(nnSourceSnippets.first { $0.name == name })
        let r = session().runCell(snippet.code, file: name, firstLine: 1, timeout: 30)
        #expect(r.error == nil, "\(r.error?.traceback ?? "")")
        #expect(r.output == snippet.expected)
    }
}
