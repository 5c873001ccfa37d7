import Foundation
import Testing
import TRCAAStore
@testable import TRCAACore

@Suite struct AuditChainTests {
    @Test func theOriginalsVectorReproduces() {
        let first = AuditEntry(
            id: "01900000-0000-7000-8000-000000000001", timestamp: "2025-01-15 10:00:00", action: "upload_log_file",
            entityType: "log_file", entityId: "lf-1", userId: "local",
            details: JSONText.object([("issue_id", .string("i-1")), ("file_name", .string("app.log"))]).rendered,
            prevHash: "", entryHash: "")
        #expect(first.details == #"{"issue_id":"i-1","file_name":"app.log"}"#)
        #expect(first.computedHash == "d16d83fa5fd0d556d6f30863b1e3a0cf2e6dadb7e93bf61dee21804d8f6845b1")
        let second = AuditEntry(
            id: "01900000-0000-7000-8000-000000000002", timestamp: "2025-01-15 10:00:05", action: "rca_generated",
            entityType: "issue", entityId: "i-1", userId: "local",
            details: JSONText.object([("description", .string("RCA document generated")), ("metadata", .string("{}"))]).rendered,
            prevHash: first.computedHash, entryHash: "")
        #expect(second.computedHash == "c2fe0102590bb888de0897baaa836e8c4344d1ae83692902dbabebd7e3111799")
    }

    @Test func everyChangeAppendsOneLinkedRow() throws {
        let fixture = try CoreFixture()
        let issue = try fixture.issues.create(IssueDraft(title: "Disk full on db01"))
        fixture.clock.advance(5)
        _ = try fixture.issues.update(issue.id, IssueChanges(severity: .p1))
        let entries = try fixture.audit.list().reversed() as [AuditEntry]
        #expect(entries.map(\.action) == ["create_issue", "triage_started", "update_issue"])
        #expect(entries[0].prevHash == "")
        for (previous, next) in zip(entries, entries.dropFirst()) { #expect(next.prevHash == previous.entryHash) }
        #expect(entries.allSatisfy { $0.entryHash == $0.computedHash && $0.userId == "tester" })
        #expect(entries[2].details == #"{"severity":{"from":"P3","to":"P1"}}"#)
        let result = try fixture.audit.verify()
        #expect(result.isIntact && result.verifiedEntries == 3)
    }

    @Test func aClockThatStepsBackCannotReorderTheChain() throws {
        let fixture = try CoreFixture()
        _ = try fixture.issues.create(IssueDraft(title: "first"))
        fixture.clock.advance(-3600)
        _ = try fixture.issues.create(IssueDraft(title: "second"))
        #expect(try fixture.audit.verify().isIntact)
        let timestamps = try fixture.audit.list().map(\.timestamp)
        #expect(Set(timestamps) == ["2025-01-15 10:00:00"])
    }

    private func chainWithFiveEntries() throws -> (CoreFixture, [AuditEntry]) {
        let fixture = try CoreFixture()
        let issue = try fixture.issues.create(IssueDraft(title: "Tamper target"))
        for question in ["Why one?", "Why two?"] {
            fixture.clock.advance(60)
            _ = try fixture.whys.add(issueId: issue.id, question: question)
        }
        let entries = Array(try fixture.audit.list().reversed())
        #expect(entries.count == 6)
        #expect(try fixture.audit.verify().isIntact)
        return (fixture, entries)
    }

    @Test func anEditedRowIsCaught() throws {
        let (fixture, entries) = try chainWithFiveEntries()
        try fixture.shellSQL("UPDATE audit_log SET details = '{\"title\":\"forged\"}' WHERE id = '\(entries[2].id)';")
        let problem = try #require(try fixture.audit.verify().problem)
        #expect(problem.kind == .edited)
        #expect(problem.entryId == entries[2].id && problem.position == 3)
    }

    @Test func aDeletedRowIsCaught() throws {
        let (fixture, entries) = try chainWithFiveEntries()
        try fixture.shellSQL("DELETE FROM audit_log WHERE id = '\(entries[2].id)';")
        let problem = try #require(try fixture.audit.verify().problem)
        #expect(problem.kind == .brokenLink)
        #expect(problem.entryId == entries[3].id && problem.position == 3)
    }

    @Test func anInsertedRowIsCaughtEvenWithAValidHash() throws {
        let (fixture, entries) = try chainWithFiveEntries()
        var forged = AuditEntry(id: entries[1].id + "0",  // sorts right after entries[1]
                                timestamp: entries[1].timestamp, action: "delete_issue", entityType: "issue",
                                entityId: "x", userId: "mallory", details: "{}", prevHash: entries[1].entryHash,
                                entryHash: "")
        forged.entryHash = forged.computedHash
        try fixture.shellSQL("""
            INSERT INTO audit_log (id, timestamp, action, entity_type, entity_id, user_id, details, prev_hash, entry_hash)
            VALUES ('\(forged.id)', '\(forged.timestamp)', 'delete_issue', 'issue', 'x', 'mallory', '{}',
                    '\(forged.prevHash)', '\(forged.entryHash)');
            """)
        let problem = try #require(try fixture.audit.verify().problem)
        #expect(problem.kind == .brokenLink)
        #expect(problem.entryId == entries[2].id)
    }

    @Test func reorderedRowsAreCaught() throws {
        let (fixture, entries) = try chainWithFiveEntries()
        try fixture.shellSQL("""
            UPDATE audit_log SET timestamp = '\(entries[4].timestamp)' WHERE id = '\(entries[2].id)';
            UPDATE audit_log SET timestamp = '\(entries[2].timestamp)' WHERE id = '\(entries[4].id)';
            """)
        let problem = try #require(try fixture.audit.verify().problem)
        #expect(problem.position == 3)
        #expect(problem.kind == .brokenLink)
    }

    @Test func removingTheNewestRowsIsCaught() throws {
        let (fixture, entries) = try chainWithFiveEntries()
        try fixture.shellSQL("DELETE FROM audit_log WHERE id IN ('\(entries[4].id)', '\(entries[5].id)');")
        let result = try fixture.audit.verify()
        let problem = try #require(result.problem)
        #expect(problem.kind == .truncated)
        #expect(problem.entryId == entries[5].id)
        #expect(result.verifiedEntries == 4)
    }

    @Test func aMissingOrMalformedHeadIsCaughtWhateverIsLeftOfTheRows() throws {
        let cases: [(String, AuditProblem.Kind)] = [
            ("DELETE FROM settings WHERE key = 'audit_chain_head';", .badHead),
            ("DELETE FROM audit_log; DELETE FROM settings WHERE key = 'audit_chain_head';", .badHead),
            ("UPDATE settings SET value = 'garbage' WHERE key = 'audit_chain_head';", .badHead),
            ("UPDATE settings SET value = '{\"id\":\"x\"}' WHERE key = 'audit_chain_head';", .badHead),
            ("DELETE FROM audit_log;", .truncated),
        ]
        for (tampering, kind) in cases {
            let (fixture, _) = try chainWithFiveEntries()
            try fixture.shellSQL(tampering)
            let problem = try #require(try fixture.audit.verify().problem, "\(tampering)")
            #expect(problem.kind == kind, "\(tampering)")
        }
    }

    @Test func removingTheNewestRowAndRewritingTheHeadIsCaughtByTheCount() throws {
        let (fixture, entries) = try chainWithFiveEntries()
        // The head rewritten in Swift, so the same tampering runs in either store's shell.
        let head = try #require(try fixture.workspace.database.scalar(
            "SELECT value FROM settings WHERE key = 'audit_chain_head'", as: String.self))
        var fields = try #require(try JSONSerialization.jsonObject(with: Data(head.utf8)) as? [String: Any])
        fields["id"] = entries[4].id
        fields["entry_hash"] = entries[4].entryHash
        let rewritten = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
        try fixture.shellSQL("""
            DELETE FROM audit_log WHERE id = '\(entries[5].id)';
            UPDATE settings SET value = '\(rewritten)' WHERE key = 'audit_chain_head';
            """)
        #expect(try fixture.audit.verify().problem?.kind == .badHead)
    }

    @Test func aKeptHeadProvesTheChainStillHoldsItAndARewrittenChainDoesNot() throws {
        let (fixture, entries) = try chainWithFiveEntries()
        let kept = try #require(try fixture.audit.verify().head)
        #expect(kept.count == 6 && kept.entryHash == entries[5].entryHash)
        _ = try fixture.issues.create(IssueDraft(title: "later"))
        let later = try fixture.audit.verify(anchor: String(kept.entryHash.prefix(12)))
        #expect(later.isIntact && later.anchorPosition == 6 && later.verifiedEntries == 8)

        // Someone with the key rewrites the chain from its first entry, head included.
        try fixture.shellSQL("DELETE FROM audit_log; DELETE FROM settings WHERE key = 'audit_chain_head';")
        try fixture.workspace.database.execute("""
            INSERT INTO settings (key, value) VALUES ('audit_chain_head', '{"id":"","entry_hash":"","count":0}')
            """)
        _ = try fixture.issues.create(IssueDraft(title: "forged history"))
        #expect(try fixture.audit.verify().isIntact)
        #expect(try fixture.audit.verify(anchor: kept.entryHash).problem?.kind == .anchorMissing)
    }

    /// Ids made in the same few milliseconds share their first characters: a why's short name
    /// in a list of whys must not also be the start of another entity's id, or `--entity` by
    /// that name would bring back both.
    @Test func aWhysShortNameIsTheStartOfNoOtherAuditedId() throws {
        let fixture = try CoreFixture()
        let issue = try fixture.issues.create(IssueDraft(title: "names"))
        let whys = try ["Why 504s?", "Why waits?"].map { try fixture.whys.add(issueId: issue.id, question: $0) }
        let twin = String(whys[0].id.prefix(16)) + String(repeating: "0", count: whys[0].id.count - 16)
        try fixture.audit.record(action: "note", entityType: "timeline_event", entityId: twin, details: JSONText.object([]))
        let listed = try fixture.audit.list(AuditFilter(action: "add_five_why"))
        let names = try fixture.audit.entityNames(listed)
        for why in whys {
            let name = try #require(names[why.id])
            let named = Set(try fixture.audit.list(AuditFilter(entity: name)).map(\.entityId))
            #expect(named == [why.id], "\(name) names \(named)")
        }
    }

    @Test func listFiltersByActionEntityAndDate() throws {
        let (fixture, entries) = try chainWithFiveEntries()
        #expect(try fixture.audit.list(AuditFilter(action: "add_five_why")).count == 2)
        #expect(try fixture.audit.list(AuditFilter(entity: "resolution_step")).count == 2)
        #expect(try fixture.audit.list(AuditFilter(entity: String(entries[0].entityId.prefix(8)))).count >= 2)
        #expect(try fixture.audit.list(AuditFilter(since: "2025-01-15 10:01:00")).count == 4)
        #expect(try fixture.audit.list(AuditFilter(until: "2025-01-15 10:00:30")).count == 2)
    }
}

/// The recorded head's count, read in Swift as `json_extract(value, '$.count')` read it.
@Suite struct AuditHeadCountTests {
    @Test func theCountIsReadAsJSONExtractReadIt() throws {
        #expect(try AuditChain.recordedCount(#"{"id":"a","entry_hash":"b","count":41}"#) == 41)
        #expect(try AuditChain.recordedCount(#"{"id":"","entry_hash":""}"#) == 0)
        #expect(try AuditChain.recordedCount("null") == 0)
        #expect(throws: StoreError.self) { try AuditChain.recordedCount("garbage") }
    }

    @Test func aGarbledHeadStopsAppendsAsBefore() throws {
        let fixture = try CoreFixture()
        _ = try fixture.issues.create(IssueDraft(title: "first"))
        try fixture.shellSQL("UPDATE settings SET value = 'garbage' WHERE key = 'audit_chain_head';")
        #expect(throws: StoreError.self) { try fixture.issues.create(IssueDraft(title: "second")) }
    }
}
