import Foundation
import Testing
import TRCAACore
import TRCAAStore

/// Migration 112: patterns stored on the old clock are dropped, and mined again on first use.
@Suite struct PatternTimeMigrationTests {
    @Test func patternsOfEarlierLogsAreMinedAgainWithTimesThatReadBackAsWritten() throws {
        let fixture = try CoreFixture()
        let issue = try fixture.issues.create(IssueDraft(title: "Outage"))
        let text = "Dec 27 10:00:00 host sshd[1]: Failed password for root\nDec 27 10:00:05 host sshd[2]: Failed password for root\n"
        let log = try fixture.logs.importLog(issueId: issue.id, path: try fixture.file("auth.log", Array(text.utf8)))
        let db = fixture.workspace.database
        // As a store written before 112 holds it; then 112 runs.
        try db.execute("UPDATE log_patterns SET first_time = 1, last_time = 2")
        try db.execute("DELETE FROM _migrations WHERE name = '112_log_pattern_times'")
        try Migrator.trcaa.migrate(db)
        #expect(try fixture.count("log_patterns") == 0 && fixture.count("log_pattern_blocks") == 0)
        let patterns = try fixture.logs.patterns(log.id)
        #expect(patterns.map(\.count) == [2])
        let first = try #require(patterns.first?.firstTime)
        let fields = LogTimestamp.fields(seconds: first)
        #expect(fields.year == nil && fields.month == 12 && fields.day == 27 && fields.hour == 10)
    }
}
