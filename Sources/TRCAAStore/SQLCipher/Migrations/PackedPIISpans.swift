extension Migration {
    /// Detected PII spans packed in runs cut at index blocks of their log (`PackedSpans`,
    /// SPEC §7): a 100 MB log's 290 000 spans take ~0.25 MB instead of 65 MB of rows and
    /// indexes. Each run is keyed by where its first span starts.
    /// `pii_spans` keeps only what a person reviewed; its detection rows, written by earlier
    /// trcaa builds or the original app, move here (in this migration's one transaction, so
    /// a kill leaves the old form or the new one, and the next open starts again).
    static let packedPIISpans = Migration("108_packed_pii_spans") { db in
        try db.execute("""
            CREATE TABLE IF NOT EXISTS log_pii_runs (
                log_file_id TEXT NOT NULL REFERENCES log_files(id) ON DELETE CASCADE,
                first_offset INTEGER NOT NULL,
                span_count INTEGER NOT NULL,
                spans BLOB NOT NULL,
                PRIMARY KEY (log_file_id, first_offset)
            );
            """)
        let logIds = try db.rows("SELECT DISTINCT log_file_id FROM pii_spans ORDER BY 1").map { try $0.decode(at: 0, as: String.self) }
        for logId in logIds { try PackedSpans.convertRows(ofLog: logId, in: db) }
    }
}

extension Migration {
    /// Packed span runs keep their gaps apart from their lengths and types
    /// (`PackedSpans.columnLayout`), which deflates 4x smaller; runs 108 wrote with a span's two
    /// varints side by side move to that layout, in this migration's one transaction.
    static let piiRunColumns = Migration("113_pii_run_columns") { db in
        let update = try db.cachedStatement("UPDATE log_pii_runs SET spans = ? WHERE log_file_id = ? AND first_offset = ?")
        for row in try db.rows("SELECT log_file_id, first_offset, span_count, spans FROM log_pii_runs") {
            let run = try PackedSpanRun(firstOffset: try row.decode(at: 1), spanCount: try row.decode(at: 2), stored: try row.decode(at: 3))
            guard run.bytes.first != PackedSpans.columnLayout else { continue }
            try update.run([.blob(PackedSpanRun(try PackedSpans.sideBySideSpans(of: run)).stored), row[0], row[1]])
        }
    }
}

extension PackedSpans {
    /// The stretch of text taken as a block for logs without an index (the original app's).
    static let unindexedRunLength: Int64 = 1 << 20

    /// Moves the `pii_spans` rows of one log into runs and recounts its types. Rows of an
    /// unknown type and rows overlapping an earlier one (the original app added a fresh set
    /// on every detection) are detection noise and are dropped.
    static func convertRows(ofLog logId: String, in db: Database) throws {
        var spans: [PackedSpan] = []
        for row in try db.rows("""
            SELECT start_offset, end_offset, pii_type FROM pii_spans WHERE log_file_id = ?
            ORDER BY start_offset, end_offset DESC
            """, [.text(logId)]) {
            let start: Int64 = try row.decode(at: 0), end: Int64 = try row.decode(at: 1)
            guard let type = code(of: try row.decode(at: 2)), end > start, start >= (spans.last?.end ?? 0) else { continue }
            spans.append(PackedSpan(start: start, end: end, type: type))
        }
        let blockStarts: [Int64] = try db.rows(
            "SELECT uncompressed_offset FROM log_blocks WHERE log_file_id = ? ORDER BY block", [.text(logId)]
        ).map { try $0.decode(at: 0) }
        var block = 0
        // The block a span starts in (spans come in order, so the search only moves on).
        func blockOf(_ start: Int64) -> Int {
            guard !blockStarts.isEmpty else { return Int(start / unindexedRunLength) }
            while block + 1 < blockStarts.count, blockStarts[block + 1] <= start { block += 1 }
            return block
        }
        var builder = PackedSpanRunBuilder()
        var blockSpans: [PackedSpan] = []
        var currentBlock = 0
        for span in spans {
            let spanBlock = blockOf(span.start)
            if spanBlock != currentBlock {
                builder.add(block: blockSpans)
                blockSpans.removeAll(keepingCapacity: true)
                currentBlock = spanBlock
            }
            blockSpans.append(span)
        }
        builder.add(block: blockSpans)
        try replaceRuns(ofLog: logId, with: builder.finish(), in: db)
        var counts: [String: Int64] = [:]
        for span in spans { counts[typeNames[Int(span.type)], default: 0] += 1 }
        try db.execute("UPDATE log_stats SET pii_counts = ? WHERE log_file_id = ?", [.text(countsJSON(counts)), .text(logId)])
        try db.execute("DELETE FROM pii_spans WHERE log_file_id = ?", [.text(logId)])
    }

    /// Stores one run of a log's spans.
    public static func insert(_ run: PackedSpanRun, logId: String, in db: Database) throws {
        try insert(StoredSpanRun(run), logId: logId, in: db)
    }

    private static func insert(_ run: StoredSpanRun, logId: String, in db: Database) throws {
        try db.cachedStatement("INSERT INTO log_pii_runs (log_file_id, first_offset, span_count, spans) VALUES (?, ?, ?, ?)")
            .run([.text(logId), .integer(run.firstOffset), .integer(Int64(run.spanCount)), .blob(run.stored)])
    }

    /// Replaces every run of a log with `runs` (a re-stored text's spans).
    public static func replaceRuns(ofLog logId: String, with runs: [StoredSpanRun], in db: Database) throws {
        try db.execute("DELETE FROM log_pii_runs WHERE log_file_id = ?", [.text(logId)])
        for run in runs { try insert(run, logId: logId, in: db) }
    }

    /// Removes a run (as read, by its first offset).
    public static func delete(_ run: PackedSpanRun, logId: String, in db: Database) throws {
        try db.execute("DELETE FROM log_pii_runs WHERE log_file_id = ? AND first_offset = ?",
                       [.text(logId), .integer(run.firstOffset)])
    }

    /// The runs of a log that hold the spans touching `[from, to)`, in order (their other
    /// spans included). Spans never overlap, so of the runs starting at or before `from`
    /// only the last can reach into the range.
    public static func runs(ofLog logId: String, from: Int64, to: Int64, in db: Database) throws -> [PackedSpanRun] {
        try db.cachedStatement("""
            SELECT first_offset, span_count, spans FROM log_pii_runs
            WHERE log_file_id = ?1 AND first_offset < ?3 AND first_offset >= coalesce(
                (SELECT max(first_offset) FROM log_pii_runs WHERE log_file_id = ?1 AND first_offset <= ?2), 0)
            ORDER BY first_offset
            """).rows([.text(logId), .integer(from), .integer(to)]).map { row in
            try PackedSpanRun(firstOffset: try row.decode(at: 0), spanCount: try row.decode(at: 1), stored: try row.decode(at: 2))
        }
    }

    /// The spans of a run in 108's first layout: each span's gap and `length << 5 | type` side
    /// by side (migration 113 reads them).
    static func sideBySideSpans(of run: PackedSpanRun) throws -> [PackedSpan] {
        var spans: [PackedSpan] = []
        var index = 0
        var previousEnd = run.firstOffset
        while index < run.bytes.count {
            guard let gap = readVarint(run.bytes, &index), let lengthAndType = readVarint(run.bytes, &index) else {
                throw StoreError.damaged("a packed PII span run ends inside a span")
            }
            spans.append(try span(after: previousEnd, gap: gap, lengthAndType: lengthAndType))
            previousEnd = spans[spans.count - 1].end
        }
        guard !spans.isEmpty, spans.count == run.spanCount else { throw StoreError.damaged("a packed PII span run does not hold its spans") }
        return spans
    }

    /// `{"Email":3,...}` in code order.
    public static func countsJSON(_ counts: [String: Int64]) -> String {
        "{" + typeNames.compactMap { name in counts[name].map { "\"\(name)\":\($0)" } }.joined(separator: ",") + "}"
    }
}
