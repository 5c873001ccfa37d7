import Foundation
import Testing
import TRCAACore
import TRCAAStore

@Suite struct IssueServiceTests {
    let fixture: CoreFixture
    init() throws { fixture = try CoreFixture() }

    @Test func creatingAnIssueRecordsTriageStartedWithItsMetadata() throws {
        let issue = try fixture.issues.create(IssueDraft(title: "  Database connection timeout  ", severity: .p2,
                                                         category: .databases, tags: ["db", "prod"]))
        #expect(issue.title == "Database connection timeout")
        #expect(issue.status == "open" && issue.source == "manual" && issue.resolvedAt == nil)
        #expect(issue.createdAt == "2025-01-15 10:00:00")
        #expect(try fixture.issues.get(issue.id) == issue)
        let events = try fixture.timeline.list(issueId: issue.id)
        #expect(events.map(\.eventType) == ["triage_started"])
        #expect(events[0].metadata == #"{"severity":"P2","category":"databases"}"#)
        #expect(events[0].createdAt == "2025-01-15 10:00:00 UTC")
    }

    @Test func anEmptyTitleIsRefusedAndNothingIsWritten() throws {
        #expect(throws: TriageError.emptyTitle) { try fixture.issues.create(IssueDraft(title: " \n ")) }
        #expect(try fixture.issues.count() == 0)
        #expect(try fixture.audit.list().isEmpty)
    }

    @Test func severityAndCategoryAcceptTheirSpellings() {
        #expect(Severity(input: "critical") == .p1 && Severity(input: "p4") == .p4 && Severity(input: "High") == .p2)
        #expect(Severity(input: "urgent") == nil)
        #expect(IssueCategory(input: "public-safety") == .publicSafety && IssueCategory(input: "Linux") == .linux)
        #expect(IssueCategory.allCases.count == 17)
        #expect(IssueStatus(input: "Investigating") == .investigating)
    }

    @Test func idsResolveFromAUniquePrefix() throws {
        let issue = try fixture.issues.create(IssueDraft(title: "one"))
        #expect(try fixture.issues.resolve(issue.id) == issue.id)
        #expect(try fixture.issues.resolve(String(issue.id.prefix(8)).uppercased()) == issue.id)
        #expect(throws: TriageError.idTooShort(prefix: "01a")) { try fixture.issues.resolve("01a") }
        #expect(throws: TriageError.unknownID(kind: "issue", prefix: "ffffffff")) { try fixture.issues.resolve("ffffffff") }
        let other = try fixture.issues.create(IssueDraft(title: "two"))
        let shared = String(zip(issue.id, other.id).prefix { $0 == $1 }.map(\.0))
        #expect {
            try fixture.issues.resolve(shared)
        } throws: { error in
            guard case TriageError.ambiguousID(_, _, let candidates) = error else { return false }
            return Set(candidates) == [issue.id, other.id]
        }
        #expect(try fixture.issues.key(issue.id) == "#1")
        #expect(try fixture.issues.resolve(try fixture.issues.key(issue.id)) == issue.id)
    }

    @Test func resolvingStampsResolvedAtAndReopeningClearsIt() throws {
        let issue = try fixture.issues.create(IssueDraft(title: "flapping link"))
        fixture.clock.advance(3600)
        let resolved = try fixture.issues.update(issue.id, IssueChanges(status: .resolved))
        #expect(resolved.resolvedAt == "2025-01-15 11:00:00" && resolved.updatedAt == "2025-01-15 11:00:00")
        let closed = try fixture.issues.update(issue.id, IssueChanges(status: .closed))
        #expect(closed.resolvedAt == "2025-01-15 11:00:00")
        let reopened = try fixture.issues.update(issue.id, IssueChanges(status: .investigating))
        #expect(reopened.resolvedAt == nil)
        #expect(try fixture.issues.get(issue.id) == reopened)
    }

    @Test func anUpdateAuditsWhatChangedAndANoOpWritesNothing() throws {
        let issue = try fixture.issues.create(IssueDraft(title: "t", description: "old"))
        let before = try fixture.audit.list().count
        _ = try fixture.issues.update(issue.id, IssueChanges(title: "t", severity: .p3))
        #expect(try fixture.audit.list().count == before)
        _ = try fixture.issues.update(issue.id, IssueChanges(description: "newer text", assignee: "alice", tags: ["x"]))
        let details = try #require(try fixture.audit.list().first).details
        #expect(details == #"{"description":{"from_length":3,"to_length":10},"assigned_to":{"from":"","to":"alice"},"tags":{"from":"[]","to":"[\"x\"]"}}"#)
        #expect(throws: TriageError.emptyTitle) { try fixture.issues.update(issue.id, IssueChanges(title: "")) }
    }

    @Test func listFiltersSortsAndPages() throws {
        let drafts = [
            IssueDraft(title: "a", severity: .p3, category: .linux, assignee: "alice", tags: ["prod"]),
            IssueDraft(title: "b", severity: .p1, category: .network, tags: ["staging"]),
            IssueDraft(title: "c", severity: .p2, category: .linux, assignee: "bob", tags: ["prod", "db"]),
        ]
        var ids: [String] = []
        for draft in drafts {
            fixture.clock.advance(60)
            ids.append(try fixture.issues.create(draft).id)
        }
        fixture.clock.advance(60)
        _ = try fixture.issues.update(ids[0], IssueChanges(status: .investigating))
        let titles = { (filter: IssueFilter) in try fixture.issues.list(filter).map(\.issue.title) }
        #expect(try titles(IssueFilter()) == ["a", "c", "b"])
        #expect(try titles(IssueFilter(sort: .created)) == ["c", "b", "a"])
        #expect(try titles(IssueFilter(sort: .severity)) == ["b", "c", "a"])
        #expect(try titles(IssueFilter(sort: .created, reversed: true)) == ["a", "b", "c"])
        // A page read from the far end is the same page.
        for sort in IssueSort.allCases {
            for offset in 0...4 {
                let filter = IssueFilter(sort: sort, limit: 2, offset: offset)
                #expect(try fixture.issues.page(filter).rows.map(\.issue.title) == titles(filter), "\(sort) \(offset)")
                #expect(try fixture.issues.page(filter).matching == 3)
            }
        }
        // Reversed is the whole order turned around, ties included.
        for sort in IssueSort.allCases {
            #expect(try titles(IssueFilter(sort: sort, reversed: true)) == titles(IssueFilter(sort: sort)).reversed())
        }
        #expect(try titles(IssueFilter(statuses: [.investigating])) == ["a"])
        #expect(try titles(IssueFilter(severities: [.p1, .p2])) == ["c", "b"])
        #expect(try titles(IssueFilter(categories: [.linux])) == ["a", "c"])
        #expect(try titles(IssueFilter(assignee: "bob")) == ["c"])
        #expect(try titles(IssueFilter(tag: "prod")) == ["a", "c"])
        #expect(try titles(IssueFilter(limit: 1, offset: 1)) == ["c"])
        #expect(try fixture.issues.count(IssueFilter(tag: "prod")) == 2)
    }

    @Test func deletingAnIssueRemovesEverythingOfItButItsAuditTrail() throws {
        let issue = try fixture.issues.create(IssueDraft(title: "to delete"))
        _ = try fixture.whys.add(issueId: issue.id, question: "Why?", answer: "Because")
        _ = try fixture.documents.generate(.rca, issueId: issue.id)
        try fixture.issues.delete(issue.id)
        let db = fixture.workspace.database
        for table in ["issues", "resolution_steps", "timeline_events", "documents", "document_generations"] {
            #expect(try db.scalar("SELECT count(*) FROM \(table)", as: Int.self) == 0, "\(table)")
        }
        #expect(try db.scalar("SELECT count(*) FROM evidence_fts", as: Int.self) == 0)
        #expect(try fixture.audit.list().first?.action == "delete_issue")
        #expect(try fixture.audit.verify().isIntact)
        #expect(throws: TriageError.unknownID(kind: "issue", prefix: issue.id)) { try fixture.issues.delete(issue.id) }
    }

    @Test func manyIssuesCanBeCreatedInOneTransaction() throws {
        let created = try fixture.issues.createMany((1...50).map { IssueDraft(title: "bulk \($0)") })
        #expect(created.count == 50 && Set(created.map(\.id)).count == 50)
        #expect(try fixture.issues.count() == 50)
        #expect(try fixture.audit.verify().verifiedEntries == 100)
    }
}
