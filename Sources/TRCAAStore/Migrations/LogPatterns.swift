extension Migration {
    /// A log's message patterns (`PatternMiner`): one row per pattern, and per index block
    /// the pattern of each line that starts in it (`PackedPatternIds`), so the lines of one
    /// pattern are found without mining again. Logs stored before this have none until they
    /// are first asked for.
    static let logPatterns = Migration("109_log_patterns", sql: """
        CREATE TABLE IF NOT EXISTS log_patterns (
            log_file_id TEXT NOT NULL REFERENCES log_files(id) ON DELETE CASCADE,
            pattern_id INTEGER NOT NULL,
            template TEXT NOT NULL,
            line_count INTEGER NOT NULL,
            level INTEGER NOT NULL,
            first_line INTEGER NOT NULL,
            last_line INTEGER NOT NULL,
            first_time INTEGER,
            last_time INTEGER,
            PRIMARY KEY (log_file_id, pattern_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS log_pattern_blocks (
            log_file_id TEXT NOT NULL REFERENCES log_files(id) ON DELETE CASCADE,
            block INTEGER NOT NULL,
            first_line INTEGER NOT NULL,
            line_count INTEGER NOT NULL,
            line_patterns BLOB NOT NULL,
            PRIMARY KEY (log_file_id, block)
        );
        """)
}

extension Migration {
    /// A pattern's first and last times are counted on a clock that gives back what the line
    /// wrote (`LogTimestamp.seconds`: twelve 31-day months a year from 1999, year 1999 for a
    /// line without one) instead of 366-day years from 2000, which could not tell a December
    /// day from the next January nor a missing year from 2000. Stored times move to it; a year
    /// 2000 is read as the missing year it almost always was.
    static let logPatternTimes = Migration("112_log_pattern_times", sql: """
        UPDATE log_patterns SET
            first_time = \(reckoned("first_time")),
            last_time = \(reckoned("last_time"));
        """)

    /// `column`'s old count of seconds, counted again on the new clock.
    private static func reckoned(_ column: String) -> String {
        let days = "(\(column) / 86400)", years = "(\(column) / 86400 / 366)", inYear = "(\(column) / 86400 % 366)"
        return """
            CASE WHEN \(column) IS NULL THEN NULL ELSE
                (((CASE WHEN \(years) = 0 THEN 0 ELSE \(years) + 1 END) * 12 + \(inYear) / 31) * 31 + \(inYear) % 31) * 86400
                + \(column) - \(days) * 86400 END
            """
    }
}
