// One place where OpenSSL return codes become Swift errors (docs/ARCHITECTURE.md "Conventions": every C
// call with an error return goes through one helper).
import COpenSSL

enum OpenSSL {
    /// Takes every entry off this thread's OpenSSL error queue, so that the next failure does not
    /// report a stale cause.
    static func drainErrorQueue() -> [String] {
        var errors: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            errors.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return errors
    }

    /// The error for a failed OpenSSL call named `operation`.
    static func error(_ operation: String, code: CryptoError.Code = .openSSL) -> CryptoError {
        CryptoError(code, "\(operation) failed", openSSLErrors: drainErrorQueue())
    }

    /// Checks the usual OpenSSL convention: 1 (or any positive value) is success.
    static func check(_ result: Int32, _ operation: @autoclosure () -> String) throws {
        guard result > 0 else { throw error(operation()) }
    }

    /// Unwraps a pointer that OpenSSL returns NULL for on failure.
    static func check<T>(_ pointer: T?, _ operation: @autoclosure () -> String) throws -> T {
        guard let pointer else { throw error(operation()) }
        return pointer
    }
}
