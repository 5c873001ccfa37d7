import Foundation
import TRCAAStore

/// What `purge` changed.
public struct PurgeResult: Sendable, Equatable {
    public var spansRemoved: Int
    public var oldHash: String
    public var newHash: String
    public var oldSize: Int64
    public var newSize: Int64
}

extension LogService {
    /// A log's PII spans in text order, with the 1-based line each starts on; `type`
    /// narrows to one type.
    public func spans(_ id: String, type: String? = nil) throws -> [StoredSpan] {
        var spans = try context.database.cachedStatement("""
            SELECT id, log_file_id, pii_type, start_offset, end_offset, original_value, replacement FROM pii_spans
            WHERE log_file_id = ?1 AND (?2 IS NULL OR pii_type = ?2) ORDER BY start_offset
            """).rows([.text(id), type.map { .text($0) } ?? .null]).map { row in
            StoredSpan(id: try row.decode(at: 0), logFileId: try row.decode(at: 1), type: try row.decode(at: 2),
                       start: try row.decode(at: 3), end: try row.decode(at: 4), value: try row.decode(at: 5),
                       replacement: try row.decode(at: 6), line: nil)
        }
        let lines = try reader(id).lineNumbers(at: spans.map(\.start))
        for index in spans.indices { spans[index].line = lines[index] + 1 }
        return spans
    }

    /// The full id of a span for a typed id or unique prefix.
    public func resolveSpan(_ idOrPrefix: String) throws -> String {
        try IDResolver.resolve(idOrPrefix, table: "pii_spans", kind: "PII span", in: context.database)
    }

    /// The shortest unambiguous prefix of a span id.
    public func shortSpanId(_ id: String) throws -> String {
        try IDResolver.shortID(id, table: "pii_spans", in: context.database)
    }

    /// Removes spans judged false positives (one audit row each); returns what was removed.
    ///
    /// - throws: `TriageError.unknownID` for an id that does not exist (nothing is removed).
    @discardableResult
    public func dismiss(spanIds: [String]) throws -> [StoredSpan] {
        try context.database.write { db in
            try spanIds.map { id in
                guard let row = try db.row("""
                    SELECT id, log_file_id, pii_type, start_offset, end_offset, original_value, replacement
                    FROM pii_spans WHERE id = ?
                    """, [.text(id)]) else { throw TriageError.unknownID(kind: "PII span", prefix: id) }
                let span = StoredSpan(id: id, logFileId: try row.decode(at: 1), type: try row.decode(at: 2),
                                      start: try row.decode(at: 3), end: try row.decode(at: 4),
                                      value: try row.decode(at: 5), replacement: try row.decode(at: 6), line: nil)
                try db.execute("DELETE FROM pii_spans WHERE id = ?", [.text(id)])
                try db.execute("""
                    UPDATE log_stats SET pii_counts = json_set(pii_counts, '$.' || ?1,
                                                               max(0, coalesce(json_extract(pii_counts, '$.' || ?1), 0) - 1))
                    WHERE log_file_id = ?2
                    """, [.text(span.type), .text(span.logFileId)])
                try context.audit.append(
                    action: "dismiss_pii_span", entityType: "pii_span", entityId: id,
                    details: .object([("log_file_id", .string(span.logFileId)), ("pii_type", .string(span.type)),
                                      ("start_offset", .int(span.start)), ("end_offset", .int(span.end))]), in: db)
                return span
            }
        }
    }

    /// Replaces the stored text with its redacted view: the spans are gone from the database
    /// for good (`secure_delete` zeroes the freed pages), `redacted` is set, and the audit row
    /// holds the old and new hashes. A log without spans is left as it is.
    public func purge(_ id: String, progress: ((_ read: Int64, _ total: Int64?) -> Void)? = nil) throws -> PurgeResult {
        try context.database.withCacheSize(kibibytes: Self.bulkCacheKiB) { try context.database.write { db in
            let log = try detail(id, in: db)
            var result = PurgeResult(spansRemoved: log.spanCount, oldHash: log.summary.contentHash,
                                     newHash: log.summary.contentHash, oldSize: log.summary.fileSize,
                                     newSize: log.summary.fileSize)
            guard log.spanCount > 0 else { return result }
            let processed = try {
                let source = RedactedLogSource(reader: try LogReader(database: db, logId: id),
                                                   name: log.summary.fileName, spans: try redactionSpans(id, in: db))
                var pipeline = LogPipeline(options: LogImportOptions(maximumSize: .max, allowBinary: true))
                pipeline.scansPII = false
                pipeline.progress = progress
                return try pipeline.process(source)
            }()
            result.newHash = processed.hash
            result.newSize = processed.size
            try db.execute("UPDATE log_files SET file_size = ?, content_hash = ?, redacted = 1 WHERE id = ?",
                           [.integer(processed.size), .text(processed.hash), .text(id)])
            try LogContentWriter.write(processed, logId: id, wasCompressed: log.sourceWasCompressed ?? false, in: db)
            try db.execute("DELETE FROM pii_spans WHERE log_file_id = ?", [.text(id)])
            try context.audit.append(
                action: "redact_log_file", entityType: "log_file", entityId: id,
                details: .object([("issue_id", .string(log.summary.issueId)), ("file_name", .string(log.summary.fileName)),
                                  ("old_hash", .string(result.oldHash)), ("new_hash", .string(result.newHash)),
                                  ("old_size", .int(result.oldSize)), ("new_size", .int(result.newSize)),
                                  ("pii_spans", .int(Int64(result.spansRemoved)))]), in: db)
            return result
        } }
    }
}
