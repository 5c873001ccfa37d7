/// The pattern of each line of an index block (`log_pattern_blocks.line_patterns`): one
/// LEB128 varint per line, raw-deflated (a block's lines repeat a few ids: a 10 000-line
/// block takes a few KB).
public enum PackedPatternIds {
    /// `ids` packed and deflated.
    public static func pack(_ ids: [UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 2)
        for id in ids { PackedSpans.appendVarint(UInt64(id), to: &bytes) }
        return ZStream.deflateRaw(bytes)
    }

    /// The ids of `lineCount` lines from their stored form.
    ///
    /// - throws: `StoreError.sqlite` with `SQLITE_CORRUPT` when the bytes do not inflate to
    ///   `lineCount` ids.
    public static func unpack(_ stored: [UInt8], lineCount: Int) throws -> [UInt32] {
        // At most five bytes an id (ids are 32-bit).
        guard let bytes = ZStream.inflateRaw(stored, capacity: lineCount * 5 + 1) else {
            throw PackedSpans.damaged("a block's line patterns do not inflate")
        }
        var ids: [UInt32] = []
        ids.reserveCapacity(lineCount)
        var value: UInt32 = 0, shift: UInt32 = 0
        for byte in bytes {
            guard shift < 32 else { throw PackedSpans.damaged("a block's line patterns hold an id over 32 bits") }
            value |= UInt32(byte & 0x7f) << shift
            if byte < 0x80 {
                ids.append(value)
                (value, shift) = (0, 0)
            } else {
                shift += 7
            }
        }
        guard shift == 0 else { throw PackedSpans.damaged("a block's line patterns end inside an id") }
        guard ids.count == lineCount else { throw PackedSpans.damaged("a block holds \(ids.count) line patterns for \(lineCount) lines") }
        return ids
    }
}
