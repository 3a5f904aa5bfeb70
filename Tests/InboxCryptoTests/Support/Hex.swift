// Hexadecimal test data, as the RFC and CFRG vectors write it.
import Foundation

extension Array where Element == UInt8 {
    init(hex: String) {
        precondition(hex.count.isMultiple(of: 2), "odd-length hex in a test vector")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        self = bytes
    }

    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

extension ContiguousBytes {
    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }
}
