import Foundation
import Testing
import Tensors
@testable import Torch

/// `torch.cuda` and `device=` against the backend registry: with the guarded stand-in
/// device registered as cuda:0 for the test's task, programs run on "cuda" and print what
/// they print on the CPU; without it, PyTorch's behaviour on a machine without a GPU.
@Suite struct CudaDeviceTests {
    func withDevice<R>(_ body: () throws -> R) rethrows -> R {
        try Backends.withRegistered([GuardedHostBackend(name: "Gradbook Test Device")], body)
    }

    /// A small conv net, a GRU step, losses and an optimizer step, printing host values.
    /// (A GRU: a float32 LSTM on the CPU takes oneDNN's order, as in PyTorch, which no
    /// other device shares.)
    static func training(_ device: String) -> String {
        """
        import torch
        import torch.nn as nn
        import torch.nn.functional as F
        device = "\(device)"
        torch.manual_seed(0)
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv = nn.Conv2d(1, 3, 3, padding=1)
                self.bn = nn.BatchNorm2d(3)
                self.fc = nn.Linear(3 * 2 * 2, 4)
            def forward(self, x):
                x = F.max_pool2d(F.relu(self.bn(self.conv(x))), 2)
                return self.fc(x.flatten(1))
        net = Net().to(device)
        lstm = nn.GRU(4, 5, batch_first=True).to(device)
        emb = nn.Embedding(6, 4).to(device)
        opt = torch.optim.Adam(list(net.parameters()) + list(lstm.parameters()) + list(emb.parameters()), lr=0.01)
        x = torch.randn(2, 1, 4, 4).to(device)
        y = torch.tensor([1, 3]).to(device)
        tokens = torch.tensor([[1, 2, 5], [0, 4, 4]], device=device)
        for step in range(2):
            opt.zero_grad()
            logits = net(x)
            out, h = lstm(emb(tokens))
            loss = F.cross_entropy(logits, y) + F.mse_loss(out[:, -1, :4], logits) + F.smooth_l1_loss(h.sum(), torch.tensor(1.0, device=device))
            loss.backward()
            opt.step()
            print(step, loss.item())
        print(net.conv.weight.grad.cpu())
        print(lstm.weight_hh_l0.cpu()[:2])
        print(net.bn.running_mean.cpu(), net.fc.bias.device.type)
        print(logits.argmax(1).tolist(), torch.where(logits > 0, logits, 0).sum().item())
        """
    }

    @Test func trainingOnTheDeviceMatchesTheCPU() {
        let cpu = TorchSession().run(Self.training("cpu"))
        let cuda = withDevice { TorchSession().run(Self.training("cuda")) }
        #expect(!cpu.contains("Error"), "\(cpu)")
        #expect(cuda.replacingOccurrences(of: "cuda", with: "cpu") == cpu)
    }

    @Test func torchCudaReadsTheRegistry() {
        let program = """
        import torch
        print(torch.cuda.is_available(), torch.cuda.device_count(), torch.cuda.current_device())
        print(torch.cuda.get_device_name(0), torch.cuda.get_device_name())
        torch.cuda.synchronize()
        torch.cuda.manual_seed(1); torch.cuda.manual_seed_all(1)
        torch.cuda.reset_peak_memory_stats()
        a = torch.zeros(3, device="cuda")
        print(torch.cuda.memory_allocated(), torch.cuda.max_memory_allocated() >= 512)
        del a
        print(torch.cuda.memory_allocated())
        torch.cuda.empty_cache()
        print(torch.device("cuda"), repr(torch.device("cuda:0")))
        t = torch.tensor([1., 2.], device="cuda", requires_grad=True)
        print(t)
        print(t * 2)
        print(torch.arange(3, device="cuda"), torch.ones(2, dtype=torch.float64).cuda())
        print(t.device, t.cpu().device, t.to("cpu").is_cuda, t.is_cuda)
        print(t.sum().item(), t.tolist())
        """
        let out = withDevice { TorchSession().run(program) }
        #expect(out == """
        True 1 0
        Gradbook Test Device Gradbook Test Device
        512 True
        0
        cuda device(type='cuda', index=0)
        tensor([1., 2.], device='cuda:0', requires_grad=True)
        tensor([2., 4.], device='cuda:0', grad_fn=<MulBackward0>)
        tensor([0, 1, 2], device='cuda:0') tensor([1., 1.], device='cuda:0', dtype=torch.float64)
        cuda:0 cpu False True
        3.0 [1.0, 2.0]

        """)
    }

    @Test func mixingDevicesRaises() {
        let out = withDevice {
            TorchSession().run("""
            import torch
            a = torch.ones(2, device="cuda")
            try:
                a + torch.ones(2)
            except RuntimeError as e:
                print(e)
            print(a + torch.tensor(2.0))
            conv = torch.nn.Conv2d(1, 1, 1).cuda()
            try:
                conv(torch.ones(1, 1, 2, 2))
            except RuntimeError as e:
                print(e)
            try:
                torch.nn.functional.conv2d(torch.ones(1, 1, 2, 2, device="cuda"), conv.weight.cpu())
            except RuntimeError as e:
                print(e)
            try:
                torch.nn.functional.embedding(torch.tensor([0]), torch.ones(2, 2, device="cuda"))
            except RuntimeError as e:
                print(e)
            torch.ones(2, 2, device="cuda") @ torch.ones(2, 2)
            """)
        }
        #expect(out == """
        Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!
        tensor([3., 3.], device='cuda:0')
        Input type (torch.FloatTensor) and weight type (torch.cuda.FloatTensor) should be the same or input should be a MKLDNN tensor and weight is a dense tensor
        Input type (torch.cuda.FloatTensor) and weight type (torch.FloatTensor) should be the same
        Expected all tensors to be on the same device, but got index is on cpu, different from other tensors on cuda:0 (when checking argument in method wrapper_CUDA__index_select)
        RuntimeError: Expected all tensors to be on the same device, but got mat2 is on cpu, different from other tensors on cuda:0 (when checking argument in method wrapper_CUDA_mm)

        """)
    }

    @Test func withoutCUDAItBehavesAsAMachineWithoutAGPU() {
        let out = TorchSession().run("""
        import torch
        print(torch.cuda.is_available(), torch.cuda.device_count(), torch.cuda.memory_allocated())
        torch.cuda.manual_seed_all(0)
        device = "cuda" if torch.cuda.is_available() else "cpu"
        print(torch.ones(1, device=device))
        torch.zeros(1, device="cuda")
        """)
        #expect(out == """
        False 0 0
        tensor([1.])
        RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx

        """)
    }
}

extension CudaDeviceTests {
    @Test func creationFunctionsTakeDevice() {
        let out = withDevice {
            TorchSession().run("""
            import torch
            import torch.nn as nn
            d = torch.device("cuda", 0)
            x = torch.ones(2, device=d)
            made = [torch.tensor([1, 2], device="cuda"), torch.zeros(2, device="cuda"), torch.ones(2, device="cuda:0"),
                    torch.full((2,), 3.0, device=d), torch.arange(3, device="cuda"), torch.linspace(0, 1, 3, device="cuda"),
                    torch.eye(2, device="cuda"), torch.rand(2, device="cuda"), torch.randn(2, device="cuda"),
                    torch.randint(0, 5, (2,), device="cuda"), torch.empty(2, device="cuda"), torch.zeros_like(x),
                    torch.ones_like(x), torch.randn_like(x), x.new_zeros(3), x.new_full((2,), 1.0)]
            print([str(t.device) for t in made])
            m = nn.Linear(2, 2).cuda()
            print(m.weight.device, m.cpu().weight.device, m.to("cuda").bias.device)
            print(torch.linspace(0, 1, 3, device="cuda"), torch.eye(2, device="cuda").sum().item())
            """)
        }
        let cudas = Array(repeating: "'cuda:0'", count: 16).joined(separator: ", ")
        #expect(out == """
        [\(cudas)]
        cuda:0 cpu cuda:0
        tensor([0.0000, 0.5000, 1.0000], device='cuda:0') 2.0

        """)
    }
}

extension CudaDeviceTests {
    /// Forward and backward of the functional nn surface, printed from the host.
    static func functional(_ device: String) -> String {
        """
        import torch
        import torch.nn.functional as F
        torch.manual_seed(1)
        dev = "\(device)"
        x = torch.randn(2, 3, 5, 5).to(dev).requires_grad_()
        w = torch.randn(4, 3, 3, 3).to(dev).requires_grad_()
        s = torch.randn(4, 6).to(dev).requires_grad_()
        t = torch.tensor([1, 0, 5, 2]).to(dev)
        outs = [
            F.conv2d(x, w, padding=1, stride=2).sum(),
            F.conv1d(x[:, :, 0], w[:, :, 0], groups=1).pow(2).mean(),
            F.avg_pool2d(x, 2).sum(), F.adaptive_avg_pool2d(x, (2, 3)).sum(), F.max_pool2d(x, 3, stride=2, padding=1).sum(),
            F.layer_norm(x, (5,)).pow(2).sum(), F.batch_norm(x, None, None, training=True).pow(3).sum(),
            F.pad(x, (1, 2), mode="reflect").sum(), F.pad(x, (1, 1, 1, 1), mode="replicate").pow(2).sum(),
            F.cross_entropy(s, t), F.nll_loss(F.log_softmax(s, 1), t), F.multi_margin_loss(s, t),
            F.huber_loss(s, s.detach() * 0.5), F.soft_margin_loss(s, torch.ones_like(s)), F.smooth_l1_loss(s, s.detach().flip(0)),
            F.binary_cross_entropy(torch.sigmoid(s), torch.rand(4, 6).to(dev)), F.mse_loss(torch.tanh(s), s.detach()),
            F.embedding(t.clamp(max=3), s).sum(), F.elu(s).sum(), F.gelu(s).sum(), F.softplus(s).sum(), F.hardswish(s).sum(),
            torch.cumsum(s, 1).sum(), torch.sort(s, 1)[0][:, 0].sum(), s.topk(2)[0].sum(), s[s > 0].sum(),
            s.gather(1, t.clamp(max=5).unsqueeze(1)).sum(), torch.where(s > 0, s, s * 0.1).sum(), s.index_select(0, t.clamp(max=3)).sum(),
        ]
        total = sum(outs)
        total.backward()
        print([round(o.item(), 5) for o in outs])
        print(x.grad.cpu().flatten()[:6], w.grad.cpu().flatten()[:6])
        print(s.grad.cpu())
        """
    }

    @Test func functionalForwardAndBackwardOnTheDeviceMatchTheCPU() {
        let cpu = TorchSession().run(Self.functional("cpu"))
        let cuda = withDevice { TorchSession().run(Self.functional("cuda")) }
        #expect(!cpu.contains("Error") && cpu.count > 100, "\(cpu)")
        #expect(cuda == cpu)
    }
}
