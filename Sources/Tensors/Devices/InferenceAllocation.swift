#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether storage allocated on this thread now belongs to inference tensors
/// (`torch.inference_mode()`). Autograd turns it on and off with inference mode; it lives
/// here because every allocation reads it and this layer cannot see Autograd. PyTorch's
/// rule follows: a tensor is an inference tensor when its memory was allocated in
/// inference mode, so views of normal tensors made inside stay normal and views,
/// `detach()` and `.data` of an inference tensor stay inference tensors.
public enum InferenceAllocation {
    private final class Flag { var isActive = false }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let rc = pthread_key_create(&key) { pointer in
            #if canImport(Darwin)
            Unmanaged<Flag>.fromOpaque(pointer).release()
            #else
            if let pointer { Unmanaged<Flag>.fromOpaque(pointer).release() }
            #endif
        }
        precondition(rc == 0, "pthread_key_create failed")
        return key
    }()

    /// This thread's switch; off on threads that never set it.
    public static var isActive: Bool {
        @inline(__always) get {
            guard let p = pthread_getspecific(key) else { return false }
            return Unmanaged<Flag>.fromOpaque(p).takeUnretainedValue().isActive
        }
        set {
            if let p = pthread_getspecific(key) {
                Unmanaged<Flag>.fromOpaque(p).takeUnretainedValue().isActive = newValue
                return
            }
            guard newValue else { return }
            let flag = Flag()
            flag.isActive = true
            pthread_setspecific(key, Unmanaged.passRetained(flag).toOpaque())
        }
    }
}
