import TRCAAStore

/// The redacted view of a stored log: its packed spans handed to the one engine (`Redactor`),
/// numbered from the log's `PseudonymMap` when the tokens are.
extension LogService {
    /// A redactor for the spans of log `id` that touch `[from, to)` (all by default).
    func redactor(_ id: String, from: Int64 = 0, to: Int64 = .max, tokens: RedactionTokens,
                  in db: Database? = nil) throws -> Redactor {
        let packed = try packedSpans(id, from: from, to: to, in: db)
        let numbers = tokens == .numbered ? try pseudonyms(id, in: db) : nil
        return Redactor(spans: packed.map { span in
            Redactor.Span(start: span.start, end: span.end, type: span.type, number: numbers?.number(at: span.start) ?? 0)
        }, tokens: tokens)
    }

    /// The log's pseudonym map, from the cache while its text and spans are unchanged.
    private func pseudonyms(_ id: String, in db: Database?) throws -> PseudonymMap {
        let db = db ?? context.database
        guard let row = try db.cachedStatement("""
            SELECT content_hash, (SELECT coalesce(sum(span_count), 0) FROM log_pii_runs WHERE log_file_id = ?1)
            FROM log_files WHERE id = ?1
            """).firstRow([.text(id)]) else { throw TriageError.unknownID(kind: "log", prefix: id) }
        let version = "\(try row.decode(at: 0, as: String.self)):\(try row.decode(at: 1, as: Int64.self))"
        return try context.pseudonyms.map(logId: id, version: version) {
            try PseudonymMap(spans: try packedSpans(id, in: db), reader: try LogReader(database: db, logId: id))
        }
    }
}
