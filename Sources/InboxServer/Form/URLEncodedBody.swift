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
        // One copy into contiguous memory, then a single pass over it: splitting a ByteBufferView
        // into subsequences and decoding through its indices cost more than the rest of the
        // parse (the intake's profile, docs/PERFORMANCE.md).
        let contiguous = Array(bytes)
        var values: [String: String] = [:]
        var start = 0
        while start <= contiguous.count {
            var end = start
            var equals: Int? = nil
            while end < contiguous.count && contiguous[end] != UInt8(ascii: "&") {
                if equals == nil && contiguous[end] == UInt8(ascii: "=") { equals = end }
                end += 1
            }
            if end > start {
                let name = try Self.decode(contiguous[start..<(equals ?? end)])
                if fields.contains(name) {
                    guard values[name] == nil else { throw .repeatedField(name) }
                    values[name] = if let equals { try Self.decode(contiguous[(equals + 1)..<end]) } else { "" }
                }
            }
            start = end + 1
        }
        self.values = values
    }

    subscript(name: String) -> String? { values[name] }

    /// `+` is a space, `%XX` a byte; the bytes must be UTF-8.
    static func decode(_ encoded: some Collection<UInt8>) throws(Problem) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index != encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                let high = encoded.index(after: index)
                guard high != encoded.endIndex else { throw .badPercentEncoding }
                let low = encoded.index(after: high)
                guard low != encoded.endIndex, let h = hexValue(encoded[high]), let l = hexValue(encoded[low]) else {
                    throw .badPercentEncoding
                }
                bytes.append(h << 4 | l)
                index = low
            } else {
                bytes.append(byte)
            }
            index = encoded.index(after: index)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
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
