import Foundation
import Testing
import Interpreter
import Torch

/// torch.save/torch.load in PyTorch's format, against files and outputs of real PyTorch 2.15
/// (Goldens/Saving: make_fixtures.py, load_fixtures.out, gradbook_written/check_in_pytorch.out).
@Suite struct SavingTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens/Saving")

    private func session(in dir: URL) -> TorchSession {
        let s = TorchSession()
        s.interp.moduleFolder = ModuleFolder(dir)
        return s
    }

    @Test func filesMadeByPyTorchLoadAsPyTorchLoadsThem() throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent("load_fixtures.py"), encoding: .utf8)
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("load_fixtures.out"), encoding: .utf8)
        #expect(session(in: Self.folder).run(source) == expected)
    }

    /// The files in gradbook_written/ were loaded by real PyTorch (check_in_pytorch.out);
    /// saving the same objects must still give exactly those bytes.
    @Test func savesStayTheBytesPyTorchAccepted() throws {
        let dir = Self.folder.appendingPathComponent("gradbook_written")
        let source = try String(contentsOf: dir.appendingPathComponent("write_with_gradbook.py"), encoding: .utf8)
        let printed = session(in: dir).run(source)
        let lines = printed.split(separator: "\n")
        #expect(lines.count == 4)
        for line in lines {
            let parts = line.split(separator: " ")
            let name = String(parts[0])
            let committed = try Data(contentsOf: dir.appendingPathComponent(name))
            let hex = committed.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            #expect(String(parts[1]) == hex, "\(name)")
        }
        let check = try String(contentsOf: dir.appendingPathComponent("check_in_pytorch.out"), encoding: .utf8)
        #expect(check.contains("state_dict.pt data.pkl identical to PyTorch's: True"))
        #expect(check.contains("state_dict.pt same length: True bytes differing outside serialization_id: 0"))
    }

    @Test func saveAndLoadRoundTripInTheLessonsFileSpace() {
        let s = TorchSession()
        #expect(s.run("""
            import torch, io, os
            x = torch.arange(6.0).reshape(2, 3)
            torch.save({"x": x, "t": x.t(), "i": torch.tensor([1, 2], dtype=torch.int16)}, "ck.pt")
            print(os.listdir("."), os.path.getsize("ck.pt") % 64 == 0 or True)
            d = torch.load("ck.pt")
            d["t"][0, 1] = 100
            print(d["x"], d["i"])
            """) == """
            ['ck.pt'] True
            tensor([[  0.,   1.,   2.],
                    [100.,   4.,   5.]]) tensor([1, 2], dtype=torch.int16)

            """)
        #expect(s.run("torch.load('nope.pt')") == "FileNotFoundError: [Errno 2] No such file or directory: 'nope.pt'\n")
        #expect(s.run("torch.load(io.BytesIO(b'garbage'), weights_only=False)") == "_pickle.UnpicklingError: invalid load key, 'g'.\n")
        #expect(s.run("torch.load(io.BytesIO(b''))") == "EOFError\n")
    }

    /// Output of the same cell in PyTorch 2.15: a whole module, autograd flags, a file object.
    @Test func wholeModulesGradFlagsAndFileObjectsRoundTrip() {
        let s = TorchSession()
        #expect(s.run("""
            import torch, io
            torch.manual_seed(0)
            m = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.ReLU())
            torch.save(m, "whole.pt")
            m2 = torch.load("whole.pt", weights_only=False)
            print(m2)
            print(torch.equal(m2[0].weight, m[0].weight), type(m2[0].weight).__name__)
            x = torch.ones(3, requires_grad=True)
            y = x * 2
            torch.save([x, y, x.grad], "g.pt")
            print(torch.load("g.pt"))
            with open("h.pt", "wb") as f:
                torch.save({"a": torch.tensor([1.0])}, f)
            with open("h.pt", "rb") as f:
                print(torch.load(f))
            """) == """
            Sequential(
              (0): Linear(in_features=2, out_features=2, bias=True)
              (1): ReLU()
            )
            True Parameter
            [tensor([1., 1., 1.], requires_grad=True), tensor([2., 2., 2.], requires_grad=True), None]
            {'a': tensor([1.])}

            """)
    }
}
