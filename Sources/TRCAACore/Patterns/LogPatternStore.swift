import TRCAAStore

/// A log's patterns in the store (`log_patterns`, `log_pattern_blocks`, migration 109).
enum LogPatternStore {
    /// Replaces a log's patterns, inside the caller's transaction.
    static func replace(_ table: LogPatternTable, ofLog logId: String, in db: Database) throws {
        try db.execute("DELETE FROM log_patterns WHERE log_file_id = ?", [.text(logId)])
        try db.execute("DELETE FROM log_pattern_blocks WHERE log_file_id = ?", [.text(logId)])
        let pattern = try db.cachedStatement("""
            INSERT INTO log_patterns (log_file_id, pattern_id, template, line_count, level, first_line, last_line,
                                      first_time, last_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for summary in table.patterns {
            try pattern.run([.text(logId), .integer(Int64(summary.id)), .text(summary.template), .integer(Int64(summary.count)),
                             .integer(Int64(summary.level.rawValue)), .integer(Int64(summary.firstLine)),
                             .integer(Int64(summary.lastLine)), summary.firstTime.map { .integer(Int64($0)) } ?? .null,
                             summary.lastTime.map { .integer(Int64($0)) } ?? .null])
        }
        let block = try db.cachedStatement("""
            INSERT INTO log_pattern_blocks (log_file_id, block, first_line, line_count, line_patterns) VALUES (?, ?, ?, ?, ?)
            """)
        for (index, lines) in table.blocks.enumerated() {
            try block.run([.text(logId), .integer(Int64(index)), .integer(Int64(lines.firstLine)),
                           .integer(Int64(lines.lineCount)), .blob(lines.packed)])
        }
    }

    /// A log's patterns by id, or nil when it has none stored yet (stored before patterns
    /// were mined at import).
    static func patterns(ofLog logId: String, in db: Database) throws -> [LogPatternSummary]? {
        let rows = try db.cachedStatement("""
            SELECT pattern_id, template, line_count, level, first_line, last_line, first_time, last_time
            FROM log_patterns WHERE log_file_id = ? ORDER BY pattern_id
            """).rows([.text(logId)])
        guard !rows.isEmpty else {
            let mined = try db.cachedStatement("SELECT 1 FROM log_pattern_blocks WHERE log_file_id = ? LIMIT 1").firstRow([.text(logId)])
            return mined == nil ? nil : []
        }
        return try rows.map { row in
            LogPatternSummary(id: try row.decode(at: 0), template: try row.decode(at: 1), count: try row.decode(at: 2),
                              level: LogLevel(rawValue: UInt8(try row.decode(at: 3) as Int)) ?? .none,
                              firstLine: try row.decode(at: 4), lastLine: try row.decode(at: 5),
                              firstTime: try row.decode(at: 6), lastTime: try row.decode(at: 7))
        }
    }

    /// Each block's first line and its lines' pattern ids, in order.
    static func linePatterns(ofLog logId: String, in db: Database) throws -> [(firstLine: Int, ids: [UInt32])] {
        try db.cachedStatement("""
            SELECT first_line, line_count, line_patterns FROM log_pattern_blocks WHERE log_file_id = ? ORDER BY block
            """).rows([.text(logId)]).map { row in
            (try row.decode(at: 0), try PackedPatternIds.unpack(try row.decode(at: 2), lineCount: try row.decode(at: 1)))
        }
    }
}
