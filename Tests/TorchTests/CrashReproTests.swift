import Testing

/// Inputs that once crashed a worker (issue 18). Each now raises the error real PyTorch 2.15
/// raises for it (texts copied from PyTorch's own output), or the Python error CPython raises.
@Suite struct CrashReproTests {
    static let cases: [(source: String, expected: String)] = [
        ("torch.arange(3) == [2, 3, 4]", "False\n"),
        ("torch.tensor([1, 2]) == (1, 2)", "False\n"),
        ("torch.zeros(0, 2**62, 2**62)", "RuntimeError: Stride calculation overflowed\n"),
        ("torch.zeros(2**62, 2**62)",
         "RuntimeError: Storage size calculation overflowed with sizes=[4611686018427387904, 4611686018427387904]\n"),
        ("torch.zeros(14).view(2**62, 7)",
         "RuntimeError: shape '[4611686018427387904, 7]' is invalid for input of size 14\n"),
        ("torch.zeros(1).repeat(2**62)",
         "RuntimeError: Storage size calculation overflowed with sizes=[4611686018427387904]\n"),
        ("torch.empty(2**40, dtype=torch.int8)",
         "RuntimeError: [enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate 1099511627776 bytes. Error code 12 (Cannot allocate memory)\n"),
        ("torch.randperm(2**31)",
         "RuntimeError: [enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate 17179869184 bytes. Error code 12 (Cannot allocate memory)\n"),
        ("F.conv2d(torch.zeros(1,1,4,4), torch.zeros(1,1,2,2), stride=0)", "RuntimeError: non-positive stride is not supported\n"),
        ("F.conv2d(torch.zeros(1,1,4,4), torch.zeros(1,1,2,2), padding=-1)", "RuntimeError: negative padding is not supported\n"),
        ("F.conv2d(torch.zeros(1,1,4,4), torch.zeros(1,1,2,2), dilation=0)",
         "RuntimeError: dilation should be greater than zero, but got [0, 0]\n"),
        ("F.conv2d(torch.zeros(1,2,4,4), torch.zeros(2,1,2,2), groups=0)", "RuntimeError: non-positive groups is not supported\n"),
        ("F.conv1d(torch.zeros(1,1,4), torch.zeros(1,1,0))",
         "RuntimeError: kernel size should be greater than zero, but got kernel_height: 1 kernel_width: 0\n"),
        ("F.max_pool2d(torch.zeros(1,1,4,4), 0)", "RuntimeError: stride should not be zero\n"),
        ("F.max_pool2d(torch.zeros(1,1,4,4), 0, stride=1)",
         "RuntimeError: kernel size should be greater than zero, but got kH: 0 kW: 0\n"),
        ("F.max_pool2d(torch.zeros(1,1,4,4), 2, stride=-1)",
         "RuntimeError: stride should be greater than zero, but got dH: -1 dW: -1\n"),
        ("F.max_pool2d(torch.zeros(1,1,4,4), 2, dilation=0)",
         "RuntimeError: dilation should be greater than zero, but got dilationH: 0 dilationW: 0\n"),
        ("F.avg_pool2d(torch.zeros(1,1,4,4), 0)", "RuntimeError: stride should not be zero\n"),
        // CPython allocates a 10 GB string here; a lesson gets MemoryError instead of the host dying.
        ("'%*d' % (10**10, 1)", "MemoryError\n"),
        ("'{:99999999999}'.format(1)", "MemoryError\n"),
    ]

    @Test(arguments: cases.indices)
    func raisesInsteadOfCrashing(_ index: Int) {
        let (source, expected) = Self.cases[index]
        let session = TorchSession()
        session.run("import torch\nimport torch.nn.functional as F")
        #expect(session.run(source) == expected, "\(source)")
    }

    /// A negative `edgeitems` is accepted by set_printoptions; vectors are then sliced as
    /// Python slices them (`self[:-3]`, `self[3:]`), as PyTorch prints them.
    @Test func negativeEdgeItems() {
        let session = TorchSession()
        session.run("import torch\ntorch.set_printoptions(edgeitems=-3)")
        let text = session.run("print(torch.arange(2000))")
        #expect(text.hasPrefix("tensor([   0,    1,    2,"))
        #expect(text.contains(" ...,    3,    4,    5,"))
        #expect(text.hasSuffix(" 1997, 1998, 1999])\n"))
    }
}
