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
    /// A log's PII spans in text order, with their text and the 1-based line each starts on;
    /// `type` narrows to one type.
    public func spans(_ id: String, type: String? = nil) throws -> [StoredSpan] {
        let spans = try packedSpans(id).filter { type == nil || $0.typeName == type }
        let excerpts = try reader(id).excerpts(spans.map { $0.start..<$0.end })
        return zip(spans, excerpts).map { StoredSpan($0, logId: id, excerpt: $1) }
    }

    /// The span id for what a person typed: `42/L1@10372` (a log as `resolve` takes it, then
    /// the offset the span starts at), as `trcaa log pii` shows it.
    ///
    /// - throws: `TriageError.unknownID` when it names no log or is not of that form.
    public func resolveSpan(_ reference: String) throws -> String {
        guard let (log, start) = Self.parseSpanId(reference) else {
            throw TriageError.unknownID(kind: "PII span", prefix: reference)
        }
        return Self.spanId(logId: try resolve(log), start: start)
    }

    /// A span as people type it, from its log's `shortId`: `42/L1@10372` (no `#`, which a
    /// shell would read as a comment).
    public static func spanReference(logReference: String, start: Int64) -> String {
        spanId(logId: String(logReference.trimmingPrefix("#")), start: start)
    }

    /// Takes spans judged false positives out of the packed store, recording each decision as
    /// a `pii_spans` row (its value kept as its replacement: the text stays as it is) with an
    /// audit row; returns what was dismissed. All or nothing.
    ///
    /// - throws: `TriageError.unknownID` for a span that is not (or no longer) detected.
    @discardableResult
    public func dismiss(spanIds: [String]) throws -> [StoredSpan] {
        try context.database.write { db in
            try spanIds.map { id in
                guard let (logId, start) = Self.parseSpanId(id),
                      let run = try PackedSpans.runs(ofLog: logId, from: start, to: start + 1, in: db).last else {
                    throw TriageError.unknownID(kind: "PII span", prefix: id)
                }
                var spans = try run.spans()
                guard let index = spans.firstIndex(where: { $0.start == start }) else {
                    throw TriageError.unknownID(kind: "PII span", prefix: id)
                }
                let packed = spans.remove(at: index)
                try PackedSpans.delete(run, logId: logId, in: db)
                if !spans.isEmpty { try PackedSpans.insert(PackedSpanRun(spans), logId: logId, in: db) }
                let excerpt = try LogReader(database: db, logId: logId).excerpts([packed.start..<packed.end])[0]
                let span = StoredSpan(packed, logId: logId, excerpt: excerpt)
                let reviewId = UUIDv7.next(at: context.clock.now())
                try db.execute("""
                    INSERT INTO pii_spans (id, log_file_id, pii_type, start_offset, end_offset, original_value, replacement)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [.text(reviewId), .text(logId), .text(span.type), .integer(span.start), .integer(span.end),
                          db.sealed(.text(span.value), for: SealedColumn.reviewedValue.cell(.text(reviewId))),
                          db.sealed(.text(span.value), for: SealedColumn.reviewedReplacement.cell(.text(reviewId)))])
                try takeOffPIICount(span.type, ofLog: logId, in: db)
                try context.audit.append(
                    action: "dismiss_pii_span", entityType: "pii_span", entityId: reviewId,
                    details: .object([("log_file_id", .string(logId)), ("pii_type", .string(span.type)),
                                      ("start_offset", .int(span.start)), ("end_offset", .int(span.end))]), in: db)
                return span
            }
        }
    }

    /// Replaces the stored text with its redacted view: the spans are gone from the database
    /// for good (`secure_delete` zeroes the freed pages), `redacted` is set, and the audit row
    /// holds the old and new hashes. A log without spans is left as it is.
    ///
    /// The redacted text is made before the write lock is taken, from one read snapshot; the
    /// write checks that the log is still as it was read.
    ///
    /// The stored text keeps plain tokens (`[IPv4]`) unless `tokens` asks for numbered ones.
    ///
    /// - throws: `TriageError.logChanged` when another process changed the log meanwhile.
    public func purge(_ id: String, tokens: RedactionTokens = .plain,
                      progress: ((_ read: Int64, _ total: Int64?) -> Void)? = nil) throws -> PurgeResult {
        let (log, processed) = try context.database.read { db in
            let log = try detail(id, in: db)
            guard log.spanCount > 0 else { return (log, ProcessedLog?.none) }
            let source = RedactedLogSource(reader: try LogReader(database: db, logId: id), name: log.summary.fileName,
                                           redactor: try redactor(id, tokens: tokens, in: db))
            var pipeline = LogPipeline(options: LogImportOptions(maximumSize: .max, allowBinary: true))
            pipeline.scansPII = false
            pipeline.progress = progress
            return (log, try pipeline.process(source))
        }
        var result = PurgeResult(spansRemoved: log.spanCount, oldHash: log.summary.contentHash,
                                 newHash: log.summary.contentHash, oldSize: log.summary.fileSize, newSize: log.summary.fileSize)
        guard let processed else { return result }
        result.newHash = processed.hash
        result.newSize = processed.size
        return try context.database.withCacheSize(kibibytes: Self.bulkCacheKiB(for: processed)) { try context.database.write { db in
            guard try detail(id, in: db) == log else { throw TriageError.logChanged(logId: id) }
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
