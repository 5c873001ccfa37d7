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

extension Zlib {
    /// Raw deflate (no header), as ZIP entries store it.
    static func deflateRaw(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        precondition(czlib_deflateInit2(&stream, level, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK)
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 16)
        var input = bytes
        let produced = input.withUnsafeMutableBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                let rc = deflate(&stream, Z_FINISH)
                precondition(rc == Z_STREAM_END, "deflate did not finish (\(rc))")  // The bound guarantees room.
                return target.count - Int(stream.avail_out)
            }
        }
        return Array(out.prefix(produced))
    }

    /// CRC-32 as ZIP and gzip use it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        UInt32(bytes.withUnsafeBufferPointer { CZlib.crc32(0, $0.baseAddress, uInt($0.count)) })
    }
}
