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
    /// line without one). Times stored before could not be counted again (epoch logs were kept
    /// as real seconds, and the last days of December ran into January), so the patterns of
    /// earlier logs are dropped: like logs stored before 109, they are mined again the first
    /// time their patterns are asked for.
    static let logPatternTimes = Migration("112_log_pattern_times", sql: """
        DELETE FROM log_pattern_blocks;
        DELETE FROM log_patterns;
        """)
}

extension Migration {
    /// A log's patterns move to one row (`log_pattern_sets`): its patterns packed column by
    /// column and the pattern of every line, all its blocks in one blob. A row per pattern and
    /// per block took 0.64 MB for the 100 MB loghub mix; one per log takes 0.34 MB. Patterns
    /// stored before are dropped and mined again the first time they are asked for, as for
    /// logs stored before 109.
    static let logPatternSets = Migration("114_log_pattern_sets", sql: """
        CREATE TABLE IF NOT EXISTS log_pattern_sets (
            log_file_id TEXT PRIMARY KEY REFERENCES log_files(id) ON DELETE CASCADE,
            pattern_count INTEGER NOT NULL,
            patterns BLOB NOT NULL,
            line_patterns BLOB NOT NULL
        );
        DROP TABLE IF EXISTS log_pattern_blocks;
        DROP TABLE IF EXISTS log_patterns;
        """)
}
