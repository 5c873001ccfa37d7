import TRCAAStore

/// A log's patterns in one blob (`log_pattern_sets.patterns`, migration 114): column by column
/// (ids, counts, levels, first lines, spans to the last lines, first and last times, template
/// lengths as varints, then the templates' UTF-8), raw-deflated after a varint of the packed
/// size. The 100 MB loghub mix's 1 533 patterns take 48 KB, against 250 KB as a row each.
enum PackedPatternSummaries {
    static func pack(_ patterns: [LogPatternSummary]) -> [UInt8] {
        var bytes: [UInt8] = []
        func column(_ value: (LogPatternSummary) -> UInt64) {
            for pattern in patterns { PackedSpans.appendVarint(value(pattern), to: &bytes) }
        }
        column { UInt64($0.id) }
        column { UInt64($0.count) }
        column { UInt64($0.level.rawValue) }
        column { UInt64($0.firstLine) }
        column { UInt64($0.lastLine - $0.firstLine) }
        column { optionalTime($0.firstTime) }
        column { optionalTime($0.lastTime) }
        column { UInt64($0.template.utf8.count) }
        for pattern in patterns { bytes += pattern.template.utf8 }
        var stored: [UInt8] = []
        PackedSpans.appendVarint(UInt64(bytes.count), to: &stored)
        return stored + ZStream.deflateRaw(bytes)
    }

    /// The `count` patterns `pack` stored.
    ///
    /// - throws: `StoreError.sqlite` with `SQLITE_CORRUPT` when the blob is not that.
    static func unpack(_ stored: [UInt8], count: Int) throws -> [LogPatternSummary] {
        let damaged = StoreError.damaged("a log's patterns are damaged")
        var index = 0
        guard let size = PackedSpans.readVarint(stored, &index), size <= UInt64(stored.count - index + 1) * 1032,
              let bytes = ZStream.inflateRaw(Array(stored[index...]), capacity: Int(size)), bytes.count == Int(size)
        else { throw damaged }
        guard count >= 0, count <= bytes.count / 8 else { throw damaged }  // Eight varints a pattern at least.
        index = 0
        func column() throws -> [Int] {
            try (0..<count).map { _ in
                guard let value = PackedSpans.readVarint(bytes, &index), value < 1 << 62 else { throw damaged }
                return Int(value)
            }
        }
        let (ids, counts, levels, firstLines, spans) = (try column(), try column(), try column(), try column(), try column())
        let (firstTimes, lastTimes, lengths) = (try column(), try column(), try column())
        var patterns: [LogPatternSummary] = []
        patterns.reserveCapacity(count)
        for row in 0..<count {
            guard lengths[row] <= bytes.count - index, levels[row] < 256, let level = LogLevel(rawValue: UInt8(levels[row])) else {
                throw damaged
            }
            let template = String(decoding: bytes[index..<(index + lengths[row])], as: UTF8.self)
            index += lengths[row]
            patterns.append(LogPatternSummary(
                id: ids[row], template: template, count: counts[row], level: level, firstLine: firstLines[row],
                lastLine: firstLines[row] + spans[row], firstTime: time(firstTimes[row]), lastTime: time(lastTimes[row])))
        }
        guard index == bytes.count else { throw damaged }
        return patterns
    }

    /// A time as a varint: 0 for none, else its zigzag code plus one.
    private static func optionalTime(_ time: Int?) -> UInt64 {
        guard let time else { return 0 }
        return UInt64(bitPattern: Int64((time << 1) ^ (time >> 63))) + 1
    }

    private static func time(_ code: Int) -> Int? {
        guard code > 0 else { return nil }
        let zigzag = code - 1
        return (zigzag >> 1) ^ -(zigzag & 1)
    }
}
