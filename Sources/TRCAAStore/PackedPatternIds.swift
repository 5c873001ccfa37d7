internal import CZlib

/// The pattern of each line of an index block (`log_pattern_blocks.line_patterns`): one
/// LEB128 varint per line, raw-deflated (a block's lines repeat a few ids: a 10 000-line
/// block takes a few KB).
public enum PackedPatternIds {
    /// `ids` packed and deflated.
    public static func pack(_ ids: [UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 2)
        for id in ids { PackedSpans.appendVarint(UInt64(id), to: &bytes) }
        let deflater = ZStream.deflater(level: 6)
        var output = [UInt8](repeating: 0, count: deflater.deflateBound(bytes.count) + 16)
        let result = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { deflater.process(input, into: $0, flush: Z_FINISH) }
        }
        precondition(result.code == Z_STREAM_END, "deflate failed (\(result.code))")  // The bound leaves room.
        return Array(output[..<result.produced])
    }

    /// The ids of `lineCount` lines from their stored form.
    ///
    /// - throws: `StoreError.sqlite` with `SQLITE_CORRUPT` when the bytes do not inflate to
    ///   `lineCount` ids.
    public static func unpack(_ stored: [UInt8], lineCount: Int) throws -> [UInt32] {
        // At most five bytes an id (ids are 32-bit).
        var bytes = [UInt8](repeating: 0, count: lineCount * 5 + 1)
        let inflater = ZStream.inflater(windowBits: -15)
        let result = stored.withUnsafeBytes { input in
            bytes.withUnsafeMutableBytes { inflater.process(input, into: $0, flush: Z_FINISH) }
        }
        guard result.code == Z_STREAM_END else { throw PackedSpans.damaged("a block's line patterns do not inflate") }
        var ids: [UInt32] = []
        ids.reserveCapacity(lineCount)
        var index = 0
        while index < result.produced {
            guard let id = PackedSpans.readVarint(bytes, &index), id <= UInt32.max else {
                throw PackedSpans.damaged("a block's line patterns end inside an id")
            }
            ids.append(UInt32(id))
        }
        guard ids.count == lineCount else { throw PackedSpans.damaged("a block holds \(ids.count) line patterns for \(lineCount) lines") }
        return ids
    }
}
