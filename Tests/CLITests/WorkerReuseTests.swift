import Foundation
import Testing

/// A worker runs lesson after lesson: each in a fresh interpreter, and a crash or hang still
/// fails only its own lesson, the worker being replaced for the next one. `--jobs 1` puts
/// every lesson in the same worker (while it lives).
@Suite struct WorkerReuseTests {
    static let clean = "# Clean\n\n```python\nimport torch\nprint('x' in globals())\nprint(torch.rand(1))\n```\n\n```output\nFalse\ntensor([0.4963])\n```\n"

    @Test func lessonsInOneWorkerStartFromAFreshSession() throws {
        let scratch = try Scratch([
            "l/a.md": "# Dirty\n\n```python\nimport torch\nimport torch.nn as nn\ntorch.manual_seed(5)\ntorch.set_printoptions(precision=1)\ntorch.set_grad_enabled(False)\nx = 41\n```\n",
            "l/b.md": Self.clean,
            "l/c.md": "# Grad\n\n```python\nimport torch\nw = torch.ones(1, requires_grad=True)\nprint((w * 2).requires_grad)\n```\n\n```output\nTrue\n```\n",
        ])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "--jobs", "1", "l"], in: scratch.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("\n2 passed, 0 failed\n"), "\(result.stdout)")
    }

    @Test func aCrashedWorkerIsReplacedForTheNextLesson() throws {
        let scratch = try Scratch(["l/a.md": Self.clean, "l/b.md": Self.clean, "l/c.md": Self.clean, "l/d.md": Self.clean])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "--jobs", "1", "l"], in: scratch.url,
                                             environment: ["GRADBOOK_TEST_WORKER_FAULT": "crash:b"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("PASS  l/a.md  (1/1 cells, "))
        #expect(lines[1].hasPrefix("FAIL  l/b.md  (0/1 cells, "))
        #expect(lines[1].hasSuffix(", crashed: signal 4 (Fatal error: injected crash))"))
        #expect(lines[2] == "l/b.md:9: not run")
        #expect(lines[3].hasPrefix("PASS  l/c.md  (1/1 cells, "))
        #expect(lines[4].hasPrefix("PASS  l/d.md  (1/1 cells, "))
        #expect(lines[5] == "3 passed, 1 failed")
    }

    @Test func aHungWorkerIsKilledAndReplacedForTheNextLesson() throws {
        let scratch = try Scratch(["l/a.md": Self.clean, "l/b.md": "---\ntimeout: 0.5\n---\n\n```python\nx = 1\n```\n", "l/c.md": Self.clean])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "--jobs", "1", "l"], in: scratch.url,
                                             environment: ["GRADBOOK_TEST_WORKER_FAULT": "hang:b", "GRADBOOK_TEST_WORKER_MARGIN": "1"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("PASS  l/a.md  "))
        #expect(lines[1].hasPrefix("FAIL  l/b.md  (0/0 cells, "))
        #expect(lines[1].hasSuffix(", killed after 2s time limit)"))
        #expect(lines[2].hasPrefix("PASS  l/c.md  "))
        #expect(lines[3] == "2 passed, 1 failed")
    }
}

/// A lesson that leaves generators suspended (nested, as `model.parameters()` nests one per
/// submodule) must not hang its worker when the worker closes that lesson's session.
@Suite struct SuspendedGeneratorTests {
    @Test func aLessonLeavingNestedGeneratorsSuspendedDoesNotHangTheWorker() throws {
        let scratch = try Scratch([
            "l/a.md": "# A\n\n```python\nimport torch.nn as nn\nmodel = nn.Sequential(nn.Linear(1, 1), nn.Sequential(nn.Linear(1, 1)))\nit = model.parameters()\nprint(next(it).shape)\n```\n\n```output\ntorch.Size([1, 1])\n```\n",
            "l/b.md": WorkerReuseTests.clean,
        ])
        defer { scratch.remove() }
        let start = Date()
        let result = try GradbookProcess.run(["check", "--jobs", "1", "l"], in: scratch.url,
                                             environment: ["GRADBOOK_TEST_WORKER_MARGIN": "1"])
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix("\n2 passed, 0 failed\n"), "\(result.stdout)")
    }
}
