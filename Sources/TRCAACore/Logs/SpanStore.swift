import TRCAAStore

/// Stored PII spans (`pii_spans`): a row per span with the text it covers (`original_value`)
/// and its token (`replacement`).
enum SpanStore {
    /// Inserts a batch of spans of the log `logId`, inside the caller's transaction.
    static func insert(_ batch: SpanBatch, logId: String, in db: Database) throws {
        guard !batch.spans.isEmpty else { return }
        let insert = try db.cachedStatement("""
            INSERT INTO pii_spans (id, log_file_id, pii_type, start_offset, end_offset, original_value, replacement)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        try batch.forEach { span, value in
            try insert.run([.text(UUIDv7.next()), .text(logId), .text(span.type.rawValue), .integer(Int64(span.start)),
                            .integer(Int64(span.end)), .text(value), .text(span.type.token)])
        }
    }
}
