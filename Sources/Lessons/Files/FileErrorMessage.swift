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

/// The system's words for why a file could not be read or written ("No such file or
/// directory"), in place of Foundation's `localizedDescription`, which FoundationEssentials
/// lacks.
public enum FileErrorMessage {
    public static func text(for error: any Error) -> String {
        #if canImport(FoundationEssentials)
        if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))
        }
        #endif
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        return "\(error)"
    }
}
