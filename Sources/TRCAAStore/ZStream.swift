internal import CZlib

/// A zlib stream at a fixed heap address: zlib keeps a pointer back to its `z_stream` and
/// refuses one that moved, so the struct must never be copied or live in a Swift variable.
package final class ZStream {
    private let stream: UnsafeMutablePointer<z_stream>
    private let inflating: Bool

    /// With valid parameters only a lack of memory makes zlib's init fail.
    private init(inflating: Bool, _ initialise: (UnsafeMutablePointer<z_stream>) -> Int32) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        self.inflating = inflating
        let rc = initialise(stream)
        precondition(rc == Z_OK, "zlib could not start (\(rc))")
    }

    deinit {
        _ = inflating ? inflateEnd(stream) : deflateEnd(stream)
        stream.deallocate()
    }

    /// Raw deflate (no header) at `level`.
    package static func deflater(level: Int32) -> ZStream {
        ZStream(inflating: false) { czlib_deflateInit2($0, level, -15, 8, Z_DEFAULT_STRATEGY) }
    }

    /// Inflate: `windowBits` -15 for raw deflate, 15 + 16 for gzip.
    package static func inflater(windowBits: Int32) -> ZStream {
        ZStream(inflating: true) { czlib_inflateInit2($0, windowBits) }
    }

    /// The most output `count` input bytes can deflate to.
    package func deflateBound(_ count: Int) -> Int { Int(CZlib.deflateBound(stream, uLong(count))) }

    /// One `deflate`/`inflate` call: how many bytes it consumed and produced, and zlib's code.
    package func process(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, flush: Int32)
        -> (code: Int32, consumed: Int, produced: Int)
    {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = uInt(output.count)
        let code = inflating ? inflate(stream, flush) : deflate(stream, flush)
        return (code, input.count - Int(stream.pointee.avail_in), output.count - Int(stream.pointee.avail_out))
    }

    /// Feeds `input[start..<end]` into `output` after its first `produced` bytes, advancing
    /// both; returns zlib's code.
    package func process(_ input: [UInt8], start: inout Int, end: Int, into output: UnsafeMutableRawBufferPointer, produced: inout Int)
        -> Int32
    {
        let result = input.withUnsafeBytes { bytes in
            process(UnsafeRawBufferPointer(rebasing: bytes[start..<end]),
                    into: UnsafeMutableRawBufferPointer(rebasing: output[produced...]), flush: Z_NO_FLUSH)
        }
        start += result.consumed
        produced += result.produced
        return result.code
    }

    /// `bytes` raw-deflated at level 6, in one call (small packed records).
    package static func deflateRaw(_ bytes: [UInt8]) -> [UInt8] {
        let deflater = deflater(level: 6)
        var output = [UInt8](repeating: 0, count: deflater.deflateBound(bytes.count) + 16)
        let result = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { deflater.process(input, into: $0, flush: Z_FINISH) }
        }
        precondition(result.code == Z_STREAM_END, "deflate failed (\(result.code))")  // The bound leaves room.
        return Array(output[..<result.produced])
    }

    /// What `deflateRaw` made, inflated into at most `capacity` bytes; nil when it does not
    /// inflate whole within them.
    package static func inflateRaw(_ stored: [UInt8], capacity: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: capacity)
        let inflater = inflater(windowBits: -15)
        let result = stored.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { inflater.process(input, into: $0, flush: Z_FINISH) }
        }
        return result.code == Z_STREAM_END ? Array(output[..<result.produced]) : nil
    }

    /// Starts the next member of a multi-member gzip stream.
    package func reset() { _ = inflating ? inflateReset(stream) : deflateReset(stream) }

    /// zlib's message for the last error, if any.
    package var message: String? { stream.pointee.msg.map { String(cString: $0) } }
}
