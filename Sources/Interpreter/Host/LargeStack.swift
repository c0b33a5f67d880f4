import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    /// Stack size of the threads cells run on: deep Python recursion (up to the recursion
    /// limit) must hit `RecursionError` long before the native stack runs out.
    public static let cellStackSize = 512 << 20

    /// Runs a non-throwing `body` on a fresh thread with a large stack and waits for it.
    public static func runOnLargeStack<T>(_ body: () -> T) -> T {
        let r: Result<T, Never> = try! runOnLargeStack { () throws -> Result<T, Never> in .success(body()) }
        switch r { case .success(let v): return v }
    }

    /// Runs `body` on a fresh thread with a large stack and waits for it.
    public static func runOnLargeStack<T>(_ body: () throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { escapable in
            let box = ResultBox<T>()
            box.work = escapable
            let done = DispatchSemaphore(value: 0)
            startThread(stackSize: cellStackSize) {
                do { box.value = .success(try box.work!()) } catch { box.value = .failure(error) }
                box.work = nil
                done.signal()
            }
            done.wait()
            switch box.value! {
            case .success(let v): return v
            case .failure(let e): throw e
            }
        }
    }
}


private final class ResultBox<T>: @unchecked Sendable {
    var value: Result<T, Error>?
    var work: (() throws -> T)?
}

/// Moves a value to another thread that runs while this one waits.
struct UnsafeTransfer<T>: @unchecked Sendable {
    let value: T
    init(_ v: T) { value = v }
}
