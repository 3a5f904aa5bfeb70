// A strict reader of `application/x-www-form-urlencoded` bodies. Hummingbird's form decoder
// ignores the content type and turns a malformed body into a 500 whose message echoes the input;
// this one reports exactly what is wrong and never repeats what was sent.

struct URLEncodedBody: Equatable {
    enum Problem: Error, Equatable {
        case badPercentEncoding
        case invalidUTF8
        case repeatedField(String)
    }

    /// The fields we read; anything else in the body is ignored.
    let values: [String: String]

    init(_ bytes: some Collection<UInt8>, fields: Set<String>) throws(Problem) {
        // One copy into contiguous memory, then a single pass over it through a buffer pointer:
        // splitting a ByteBufferView into subsequences and decoding through its indices cost more
        // than the rest of the parse, and array slices' index checks half of what remained (the
        // intake's profile, docs/PERFORMANCE.md).
        let contiguous = Array(bytes)
        values = try contiguous.withUnsafeBufferPointer { (buffer) throws(Problem) -> [String: String] in
            var values: [String: String] = [:]
            var start = 0
            while start <= buffer.count {
                var end = start
                var equals: Int? = nil
                while end < buffer.count && buffer[end] != UInt8(ascii: "&") {
                    if equals == nil && buffer[end] == UInt8(ascii: "=") { equals = end }
                    end += 1
                }
                if end > start {
                    let name = try Self.decode(UnsafeBufferPointer(rebasing: buffer[start..<(equals ?? end)]))
                    if fields.contains(name) {
                        guard values[name] == nil else { throw .repeatedField(name) }
                        values[name] =
                            if let equals { try Self.decode(UnsafeBufferPointer(rebasing: buffer[(equals + 1)..<end])) } else { "" }
                    }
                }
                start = end + 1
            }
            return values
        }
    }

    subscript(name: String) -> String? { values[name] }

    /// `+` is a space, `%XX` a byte; the bytes must be UTF-8.
    static func decode(_ encoded: some Collection<UInt8>) throws(Problem) -> String {
        let contiguous = Array(encoded)
        return try contiguous.withUnsafeBufferPointer { (buffer) throws(Problem) in try decode(buffer) }
    }

    private static func decode(_ encoded: UnsafeBufferPointer<UInt8>) throws(Problem) -> String {
        // The decoded bytes are never more than the encoded ones.
        let decoded = try [UInt8](unsafeUninitializedCapacity: encoded.count) { (output, count) throws(Problem) in
            var index = 0
            while index < encoded.count {
                let byte = encoded[index]
                if byte == UInt8(ascii: "+") {
                    output[count] = UInt8(ascii: " ")
                } else if byte == UInt8(ascii: "%") {
                    guard index + 2 < encoded.count, let high = hexValue(encoded[index + 1]), let low = hexValue(encoded[index + 2])
                    else {
                        throw .badPercentEncoding
                    }
                    output[count] = high << 4 | low
                    index += 2
                } else {
                    output[count] = byte
                }
                count += 1
                index += 1
            }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else { throw .invalidUTF8 }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
