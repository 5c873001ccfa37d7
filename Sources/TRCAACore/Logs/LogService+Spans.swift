import TRCAAStore

/// Reading the packed span store (`log_pii_runs`, SPEC §7). A detected span has no row of its
/// own, so its id is its place: the log's id and the offset it starts at (`<log id>@<offset>`,
/// shown as `42/L1@10372`); spans never overlap, so that names one.
extension LogService {
    /// The id of the span of log `logId` starting at `start`.
    static func spanId(logId: String, start: Int64) -> String { "\(logId)@\(start)" }

    /// The log id and start offset a span id names, if it is one.
    static func parseSpanId(_ id: String) -> (logId: String, start: Int64)? {
        guard let at = id.lastIndex(of: "@"), let start = Int64(id[id.index(after: at)...]), start >= 0 else { return nil }
        return (String(id[..<at]), start)
    }

    /// The detected spans of a log touching `[from, to)` (all by default), in text order.
    func packedSpans(_ logId: String, from: Int64 = 0, to: Int64 = .max, in db: Database? = nil) throws -> [PackedSpan] {
        try PackedSpans.runs(ofLog: logId, from: from, to: to, in: db ?? context.database).flatMap { run in
            try run.spans().filter { $0.end > from && $0.start < to }
        }
    }

    /// Spans per type of a log the original app stored (no `log_stats` row to keep them).
    func countPackedSpans(_ logId: String, in db: Database) throws -> [PIICount] {
        var counts: [String: Int] = [:]
        for span in try packedSpans(logId, in: db) { counts[span.typeName, default: 0] += 1 }
        return counts.map { PIICount(type: $0.key, count: $0.value) }
    }

    /// Takes one span of `type` off the counts kept at import; nothing to do for a log
    /// without a `log_stats` row.
    func takeOffPIICount(_ type: String, ofLog logId: String, in db: Database) throws {
        guard let json = try db.scalar("SELECT pii_counts FROM log_stats WHERE log_file_id = ?", [.text(logId)],
                                       as: String.self) else { return }
        try db.execute("UPDATE log_stats SET pii_counts = ? WHERE log_file_id = ?",
                       [.text(PIICounts.takingOne(type, from: json)), .text(logId)])
    }
}

extension PackedSpan {
    /// The type's name (`pii_spans.pii_type`), "PII" for a code this build does not know.
    var typeName: String { PIIType.name(ofCode: type) }
    /// What the redacted view shows in its place.
    var token: String { "[\(typeName)]" }
}
