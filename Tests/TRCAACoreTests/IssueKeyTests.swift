import Foundation
import Testing
import TestSupport
import TRCAACore
import TRCAAStore

@Suite struct IssueKeyTests {
    let fixture: CoreFixture
    init() throws { fixture = try CoreFixture() }

    private func create(_ titles: String...) throws -> [TRCAACore.Issue] {
        try titles.map { try fixture.issues.create(IssueDraft(title: $0)) }
    }

    @Test func issuesAreNumberedInTheirCreatingTransactionAndNumbersAreNeverReused() throws {
        let issues = try create("one", "two", "three")
        #expect(issues.map(\.number) == [1, 2, 3])
        #expect(issues.map(\.key) == ["#1", "#2", "#3"])
        #expect(issues.map(\.reference) == ["1", "2", "3"])
        try fixture.issues.delete(issues[2].id)
        let next = try create("four")[0]
        #expect(next.number == 4, "the deleted #3 must not come back")
        #expect(try fixture.issues.list().map(\.issue.key) == ["#4", "#2", "#1"])
    }

    @Test func everyWrittenFormOfAKeyFindsTheIssue() throws {
        let issues = try create("one", "two")
        for reference in ["2", "#2", " 2 ", issues[1].id, String(issues[1].id.prefix(20)).uppercased()] {
            #expect(try fixture.issues.resolve(reference) == issues[1].id, "\(reference)")
        }
        try fixture.issues.setKeyPrefix("ops")
        #expect(try fixture.issues.get(issues[1].id).key == "OPS-2")
        #expect(try fixture.issues.get(issues[1].id).reference == "OPS-2")
        for reference in ["OPS-2", "ops-2", "#2", "2"] {
            #expect(try fixture.issues.resolve(reference) == issues[1].id, "\(reference)")
        }
        #expect(throws: TriageError.unknownID(kind: "issue", prefix: "#9")) { try fixture.issues.resolve("#9") }
        #expect(throws: TriageError.unknownID(kind: "issue", prefix: "ABC-2")) { try fixture.issues.resolve("ABC-2") }
        try fixture.issues.setKeyPrefix(nil)
        #expect(try fixture.issues.get(issues[0].id).key == "#1")
    }

    @Test func digitsThatNameNoNumberAreTriedAsAnIdPrefix() throws {
        let issue = try create("one")[0]
        let digits = String(issue.id.prefix { $0.isNumber })
        if digits.count >= 4 {
            #expect(try fixture.issues.resolve(String(digits.prefix(4))) == issue.id)
        }
        #expect(throws: TriageError.unknownID(kind: "issue", prefix: "77")) { try fixture.issues.resolve("77") }
    }

    @Test func aKeyPrefixIsOneToTenLettersAndAudited() throws {
        for bad in ["", "OPS1", "TOO-LONG", "ABCDEFGHIJK", "ÉQUIPE"] where !bad.isEmpty {
            #expect(throws: TriageError.invalidKeyPrefix(bad)) { try fixture.issues.setKeyPrefix(bad) }
        }
        try fixture.issues.setKeyPrefix("sre")
        #expect(try fixture.issues.keyPrefix() == "SRE")
        #expect(try fixture.audit.list(AuditFilter(action: "set_issue_key_prefix")).count == 1)
        #expect(try fixture.audit.verify().isIntact)
    }

    /// Stores made before migration 107 are numbered by creation time, once.
    @Test(.sqlcipherOnly) func theMigrationNumbersExistingIssuesByCreationTime() throws {
        let path = fixture.directory + "/older.db"
        let db = try Database.open(path: path, passphrase: Passphrase(passphrase: "k"))
        try Migrator.trcaa.filter { $0.name != "107_issue_numbers" }.migrate(db)
        try db.execute("""
            INSERT INTO issues (id, title, created_at) VALUES ('c', 'third', '2025-03-01 00:00:00'),
                ('a', 'first', '2025-01-01 00:00:00'), ('b', 'second', '2025-02-01 00:00:00')
            """)
        try Migrator.trcaa.migrate(db)
        let numbers = "SELECT group_concat(issue_id || number, ' ') FROM (SELECT * FROM issue_numbers ORDER BY number)"
        #expect(try db.scalar(numbers, as: String.self) == "a1 b2 c3")
        try db.execute("DELETE FROM _migrations WHERE name = '107_issue_numbers'")
        try Migrator.trcaa.migrate(db)
        #expect(try db.scalar(numbers, as: String.self) == "a1 b2 c3")
        try db.execute("INSERT INTO issues (id, title) VALUES ('d', 'by the original app')")
        #expect(try db.scalar("SELECT number FROM issue_numbers WHERE issue_id = 'd'", as: Int.self) == 4)
    }
}

extension IssueKeyTests {
    @Test func logsAndDocumentsAreNamedByTheirPlaceInTheirIssue() throws {
        let issues = try create("one", "two")
        var logs: [String] = []
        for name in ["first.log", "second.log"] {
            fixture.clock.advance(1)
            let path = try fixture.file(name, Array("a line of \(name)\n".utf8))
            logs.append(try fixture.logs.importLog(issueId: issues[1].id, path: path).summary.id)
        }
        #expect(try logs.map(fixture.logs.shortId) == ["#2/L1", "#2/L2"])
        for (reference, expected) in [("2/L2", logs[1]), ("#2/l1", logs[0]), (logs[1], logs[1])] {
            #expect(try fixture.logs.resolve(reference) == expected, "\(reference)")
        }
        #expect(throws: TriageError.unknownID(kind: "log", prefix: "2/L3")) { try fixture.logs.resolve("2/L3") }
        #expect(throws: TriageError.unknownID(kind: "issue", prefix: "7")) { try fixture.logs.resolve("7/L1") }

        let document = try fixture.documents.generate(.rca, issueId: issues[1].id).document
        #expect(try fixture.documents.shortId(document.id) == "#2/D1")
        #expect(try fixture.documents.resolve("2/D1") == document.id)
        #expect(document.contentMd.contains("| **Issue** | #2 |"))
        try fixture.issues.setKeyPrefix("OPS")
        #expect(try fixture.logs.shortId(logs[0]) == "OPS-2/L1")
        #expect(try fixture.logs.resolve("ops-2/L2") == logs[1])
    }
}
