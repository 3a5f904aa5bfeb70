// In-memory OpenSSL BIOs for PEM encoding and decoding.
import COpenSSL

enum MemoryBIO {
    /// Runs `body` with a writable memory BIO and returns what it wrote.
    static func writing(_ body: (OpaquePointer) throws -> Void) throws -> [UInt8] {
        guard let bio = BIO_new(BIO_s_mem()) else { throw OpenSSL.error("BIO_new") }
        defer { BIO_free(bio) }
        try body(bio)
        var data: UnsafeMutablePointer<CChar>? = nil
        let length = CInbox_BIO_get_mem_data(bio, &data)
        guard length >= 0, let data else { throw OpenSSL.error("BIO_get_mem_data") }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    /// Runs `body` with a read-only memory BIO over `bytes`. BIO_new_mem_buf does not copy, so the
    /// BIO must not outlive this call.
    static func reading<R>(_ bytes: [UInt8], _ body: (OpaquePointer) throws -> R) throws -> R {
        try bytes.withUnsafeBytes { buffer in
            guard buffer.count <= Int(Int32.max), let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else {
                throw OpenSSL.error("BIO_new_mem_buf")
            }
            defer { BIO_free(bio) }
            return try body(bio)
        }
    }
}
