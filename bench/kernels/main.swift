// Times the Tensors layer alone, below the interpreter and autograd, for the ops the
// workloads lean on: how much of a bench/run row is kernel time. Built by
// bench/kernels/run against the release build's Tensors objects.
import Foundation
import Tensors

func seconds(_ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

func filled(_ n: Int, _ shape: [Int]) throws -> Tensor {
    try Tensor(values: (0..<n).map { Double(($0 * 7919) % 2000) / 1000.0 - 1.0 }, shape: shape)
}

let small = try Tensor.ones([3])
let perOp = try seconds {
    var x = small
    for _ in 0..<100_000 { x = try x.binary(.mul, .float(1.0001)).binary(.add, .float(0.0001)) }
}
print(String(format: "per-op (3 elements, mul+add scalar): %.3f us/op", perOp / 200_000 * 1e6))

let big = try filled(1_000_000, [1_000_000])
let chain = try seconds {
    for _ in 0..<10 {
        var y = try big.binary(.mul, .float(1.5)).binary(.add, .float(0.5)).relu()
        y = try y.unary(.sin).binary(.mul, y.neg().exp()).binary(.add, y.binary(.add, .float(1.0)).sqrt())
        y = try y.binary(.sub, big.abs().binary(.div, .float(2.0))).tanh()
        _ = try y.sum()
    }
}
print(String(format: "elementwise chain, 1M x 10: %.3f s", chain))
for op in [UnaryOp.sin, .exp, .tanh, .sqrt, .relu] {
    let t = try seconds { for _ in 0..<10 { _ = try big.unary(op) } }
    print(String(format: "  %@ 1M: %.3f ms", "\(op)", t / 10 * 1e3))
}
let t = try seconds { for _ in 0..<10 { _ = try big.binary(.mul, .float(1.5)) } }
print(String(format: "  mul scalar 1M: %.3f ms", t / 10 * 1e3))

let a = try filled(1024 * 1024, [1024, 1024]), b = try filled(1024 * 1024, [1024, 1024])
let mm = try seconds { for _ in 0..<5 { _ = try a.matmul(b) } }
print(String(format: "matmul 1024: %.1f GFLOP/s", 5 * 2 * pow(1024.0, 3) / mm / 1e9))
