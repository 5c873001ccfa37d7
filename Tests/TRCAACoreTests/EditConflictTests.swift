import Testing
import TRCAACore

/// An edit made on a stale copy (a form or `$EDITOR` open while someone else saved) never
/// overwrites the other change silently; without the copy it overwrites, as asked.
@Suite struct EditConflictTests {
    let fixture: CoreFixture
    /// A teammate on the same store.
    var bob: ServiceContext { ServiceContext(database: fixture.workspace.database, clock: fixture.clock.clock, user: "bob") }

    init() throws { fixture = try CoreFixture() }

    @Test func aFieldChangedSinceItWasReadIsRefusedNamingWhoAndWhen() throws {
        let seen = try fixture.issues.create(IssueDraft(title: "Checkout 502"))
        fixture.clock.advance(60)
        _ = try IssueService(context: bob).update(seen.id, IssueChanges(title: "Checkout 502 in Japan"))
        let stamp = try fixture.issues.get(seen.id).updatedAt
        #expect(throws: TriageError.editConflict(field: "title", by: "bob", at: stamp)) {
            try fixture.issues.update(seen.id, IssueChanges(title: "Checkout returns 502"), seen: seen)
        }
        #expect(try fixture.issues.get(seen.id).title == "Checkout 502 in Japan")
        // Another field, or the same value, is no conflict; without the copy the edit overwrites.
        #expect(try fixture.issues.update(seen.id, IssueChanges(assignee: "alice"), seen: seen).assignedTo == "alice")
        #expect(try fixture.issues.update(seen.id, IssueChanges(title: "Checkout 502 in Japan"), seen: seen).title
                == "Checkout 502 in Japan")
        #expect(try fixture.issues.update(seen.id, IssueChanges(title: "Checkout returns 502")).title == "Checkout returns 502")
    }

    @Test func aWhyAndADocumentEditedMeanwhileAreNotOverwritten() throws {
        let issue = try fixture.issues.create(IssueDraft(title: "Pool exhausted"))
        let step = try fixture.whys.add(issueId: issue.id, question: "Why did the pool run dry?")
        _ = try WhyService(context: bob).edit(stepId: step.id, answer: "A connection leak")
        #expect(throws: TriageError.self) { try fixture.whys.edit(stepId: step.id, answer: "Too few connections", seen: step) }
        #expect(try fixture.whys.edit(stepId: step.id, evidence: "app.log:12: pool size 0", seen: step).answer == "A connection leak")

        let document = try fixture.documents.generate(.rca, issueId: issue.id).document
        #expect(try DocumentService(context: bob).save(document.id, content: "# Bob's RCA\n"))
        do {
            try fixture.documents.save(document.id, content: "# My RCA\n", seen: document.contentMd)
            Issue.record("saved over bob's text")
        } catch TriageError.editConflict(let field, let by, _) {
            #expect(field == "the text" && by == "bob")
        }
        #expect(try fixture.documents.get(document.id).contentMd == "# Bob's RCA\n")
    }
}
