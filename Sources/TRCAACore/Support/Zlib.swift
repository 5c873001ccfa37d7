import CZlib

/// One-shot zlib compression (the FlateDecode of PDF streams).
enum Zlib {
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let rc = compress2(&out, &length, bytes, uLong(bytes.count), level)
        precondition(rc == Z_OK, "compress2 failed with \(rc)")  // Only out-of-memory can fail here.
        return Array(out.prefix(Int(length)))
    }
}
