#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Parallel work on libgomp's thread team — the OpenMP threads MKL itself runs on — when
/// MKL is loaded with its GNU threading layer, as PyTorch's `at::parallel_for` runs on
/// them; `DispatchQueue.concurrentPerform` otherwise.
///
/// One team for everything matters on a machine with few cores: with Dispatch's workers
/// for Gradbook's loops and MKL's OpenMP threads for VML beside them, the two pools took
/// turns on two cores, and MKL splitting each long VML call between its own threads cost
/// ~120 sleeps and wake-ups per call under `OMP_WAIT_POLICY=PASSIVE` (bench/RESULTS.md,
/// `elemspeed`). MKL called inside a region runs on the calling thread only, as it does
/// inside PyTorch's regions.
enum OpenMPTeam {
    private typealias Body = @convention(c) (UnsafeMutableRawPointer?) -> Void
    private typealias Parallel = @convention(c) (Body, UnsafeMutableRawPointer?, UInt32, UInt32) -> Void
    private typealias Query = @convention(c) () -> Int32

    private struct Functions {
        let parallel: Parallel
        let threadNumber: Query
        let teamSize: Query
    }

    /// libgomp's entry points, when MKL loaded it for its GNU threading layer.
    /// `GRADBOOK_OPENMP_TEAM=0` keeps Gradbook's loops on Dispatch.
    private static let functions: Functions? = {
        #if os(Linux)
        guard let mkl = MKLLibrary.shared, mkl.threadingLayer == "GNU OpenMP",
              getenv("GRADBOOK_OPENMP_TEAM").map({ String(cString: $0) }) != "0",
              let handle = dlopen("libgomp.so.1", RTLD_NOW | RTLD_NOLOAD),
              let parallel = dlsym(handle, "GOMP_parallel"),
              let number = dlsym(handle, "omp_get_thread_num"),
              let size = dlsym(handle, "omp_get_num_threads")
        else { return nil }
        return Functions(parallel: unsafeBitCast(parallel, to: Parallel.self),
                         threadNumber: unsafeBitCast(number, to: Query.self),
                         teamSize: unsafeBitCast(size, to: Query.self))
        #else
        return nil
        #endif
    }()

    /// Whether work runs on libgomp's team (for `gradbook info` and the docs).
    static var isOpenMP: Bool { functions != nil }

    private struct Context {
        let chunks: Int
        let body: (Int) -> Void
        let threadNumber: Query
        let teamSize: Query
    }

    /// Calls `body(c)` for every chunk `c` in `0..<chunks`, one chunk per thread of a team
    /// of `chunks` threads (the caller is one of them), and returns when all are done.
    /// Chunks must write disjoint memory.
    static func run(chunks: Int, _ body: (Int) -> Void) {
        if chunks <= 1 { if chunks == 1 { body(0) }; return }
        guard let f = functions else {
            withoutActuallyEscaping(body) { body in
                let box = UncheckedBox(body)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in box.value(c) }
            }
            return
        }
        withoutActuallyEscaping(body) { body in
            var context = Context(chunks: chunks, body: body, threadNumber: f.threadNumber, teamSize: f.teamSize)
            withUnsafeMutablePointer(to: &context) { pointer in
                f.parallel({ raw in
                    let context = raw!.assumingMemoryBound(to: Context.self).pointee
                    // A nested region (or a smaller team than asked for) gets every chunk
                    // done all the same: thread t takes chunks t, t + size, ...
                    let size = max(1, Int(context.teamSize()))
                    var c = Int(context.threadNumber())
                    while c < context.chunks {
                        context.body(c)
                        c += size
                    }
                }, UnsafeMutableRawPointer(pointer), UInt32(chunks), 0)
            }
        }
    }
}
