import Foundation
import Testing
import TestSupport
import TRCAACore
@testable import TRCAAStore

/// Migrations 112 and 114: patterns stored on the old clock, or a row per pattern and per
/// block, are dropped, and mined again on first use.
@Suite struct PatternTimeMigrationTests {
    @Test(.sqlcipherOnly) func patternsOfEarlierLogsAreMinedAgainWithTimesThatReadBackAsWritten() throws {
        let fixture = try CoreFixture()
        let issue = try fixture.issues.create(IssueDraft(title: "Outage"))
        let text = "Dec 27 10:00:00 host sshd[1]: Failed password for root\nDec 27 10:00:05 host sshd[2]: Failed password for root\n"
        let log = try fixture.logs.importLog(issueId: issue.id, path: try fixture.file("auth.log", Array(text.utf8)))
        let db = fixture.workspace.database
        // As a store written before 112 holds it (109's tables, times on the old clock); then
        // 112 and 114 run.
        try Migration.logPatterns.apply(db)
        try db.execute("""
            INSERT INTO log_patterns (log_file_id, pattern_id, template, line_count, level, first_line, last_line, first_time, last_time)
            VALUES (?, 1, 'Failed password for <*>', 2, 0, 0, 1, 1, 2)
            """, [.text(log.id)])
        try db.execute("DELETE FROM log_pattern_sets")
        try db.execute("DELETE FROM _migrations WHERE name IN ('112_log_pattern_times', '114_log_pattern_sets')")
        try Migrator.trcaa.migrate(db)
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('log_patterns', 'log_pattern_blocks')", as: Int.self) == 0)
        #expect(try fixture.count("log_pattern_sets") == 0)
        let patterns = try fixture.logs.patterns(log.id)
        #expect(patterns.map(\.count) == [2])
        let first = try #require(patterns.first?.firstTime)
        let fields = LogTimestamp.fields(seconds: first)
        #expect(fields.year == nil && fields.month == 12 && fields.day == 27 && fields.hour == 10)
        #expect(try fixture.count("log_pattern_sets") == 1, "mined again, and kept")
    }
}
