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
        #expect(throws: TriageError.editConflict(field: "the title", by: "bob", at: stamp)) {
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
        do {
            _ = try fixture.whys.edit(stepId: step.id, answer: "Too few connections", seen: step)
            Issue.record("saved over bob's answer")
        } catch TriageError.editConflict(let field, let by, _) {
            #expect(field == "the answer" && by == "bob")
        }
        // The form sends every field: those left as shown are not written back over bob's.
        let edited = try fixture.whys.edit(stepId: step.id, question: step.whyQuestion, answer: step.answer,
                                           evidence: "app.log:12: pool size 0", seen: step)
        #expect(edited.answer == "A connection leak" && edited.evidence == "app.log:12: pool size 0")
        // Appending evidence adds to what is stored then, whatever the editor saw.
        _ = try WhyService(context: bob).appendEvidence(stepId: step.id, lines: "db.log:7: max_connections reached")
        #expect(try fixture.whys.appendEvidence(stepId: step.id, lines: "app.log:13: retry").evidence
                == "app.log:12: pool size 0\ndb.log:7: max_connections reached\napp.log:13: retry")

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
