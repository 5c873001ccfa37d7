import TRCAAStore

/// A log's patterns in the store (`log_pattern_sets`, migration 114): one row per log with its
/// patterns (`PackedPatternSummaries`) and the pattern of every line (`PackedPatternIds`).
enum LogPatternStore {
    /// Replaces a log's patterns, inside the caller's transaction.
    static func replace(_ table: LogPatternTable, ofLog logId: String, in db: Database) throws {
        try db.execute("DELETE FROM log_pattern_sets WHERE log_file_id = ?", [.text(logId)])
        try db.cachedStatement("""
            INSERT INTO log_pattern_sets (log_file_id, pattern_count, patterns, line_patterns) VALUES (?, ?, ?, ?)
            """).run([.text(logId), .integer(Int64(table.patterns.count)),
                      db.sealed(.blob(PackedPatternSummaries.pack(table.patterns)), for: SealedColumn.patternSummaries.cell(.text(logId))),
                      .blob(PackedPatternIds.join(table.blocks))])
    }

    /// A log's patterns by id, or nil when it has none stored yet (stored before patterns
    /// were mined at import, or before 114).
    static func patterns(ofLog logId: String, in db: Database) throws -> [LogPatternSummary]? {
        guard let row = try db.cachedStatement("SELECT pattern_count, patterns FROM log_pattern_sets WHERE log_file_id = ?")
            .firstRow([.text(logId)]) else { return nil }
        let packed = try db.decodeSealed("patterns", of: row, cell: SealedColumn.patternSummaries.cell(.text(logId)), as: [UInt8].self)
        return try PackedPatternSummaries.unpack(packed, count: try row.decode(at: 0))
    }

    /// Each block's first line and its lines' pattern ids, in order (none before the log is mined).
    static func linePatterns(ofLog logId: String, in db: Database) throws -> [(firstLine: Int, ids: [UInt32])] {
        guard let row = try db.cachedStatement("SELECT line_patterns FROM log_pattern_sets WHERE log_file_id = ?")
            .firstRow([.text(logId)]) else { return [] }
        return try PackedPatternIds.split(try row.decode(at: 0))
    }
}
