#if DEBUG
@testable import TRCAACore
@testable import TRCAAStore

extension FuzzTarget {
    /// The decoders of the packed records a damaged store may hold: a PII span run (inflated or
    /// stored), a log's joined line patterns and its packed patterns. Each either throws
    /// `StoreError` or returns what packs again to the same values.
    static let packedRecords = FuzzTarget(name: "packed-records", summary: "packed span runs and pattern records") { input in
        let (choice, rest) = input.splitFirstByte()
        // A count from the next byte, now and then scaled up past what the payload can hold.
        let count = Int(rest.first ?? 0) << (choice & 0x80 == 0 ? 0 : 24)
        let payload = Array(rest.dropFirst())
        switch choice % 4 {
        case 0:
            var run = PackedSpanRun([PackedSpan(start: 0, end: 1, type: 0)])
            (run.spanCount, run.bytes) = (count, payload)
            guard let spans = try? run.spans() else { return }
            require(spans.isEmpty || (try? PackedSpanRun(spans).spans()) == spans, "a span run does not re-pack")
        case 1:
            guard let run = try? PackedSpanRun(firstOffset: Int64(count), spanCount: count, stored: payload),
                  let spans = try? run.spans() else { return }
            require(spans.count == count, "a stored span run holds \(spans.count) spans for \(count)")
        case 2:
            guard let blocks = try? PackedPatternIds.split(payload) else { return }
            let repacked = blocks.map { PackedPatternIds.Block(firstLine: $0.firstLine, lineCount: $0.ids.count, packed: PackedPatternIds.pack($0.ids)) }
            require(try! PackedPatternIds.split(PackedPatternIds.join(repacked)).map(\.ids) == blocks.map(\.ids),
                    "line patterns do not re-pack")
        default:
            guard let patterns = try? PackedPatternSummaries.unpack(payload, count: count) else { return }
            require(try! PackedPatternSummaries.unpack(PackedPatternSummaries.pack(patterns), count: count) == patterns,
                    "patterns do not re-pack")
        }
    }
}
#endif
