import Foundation
import Testing
import TRCAACore

@Suite struct WhyServiceTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "API latency spike")).id
    }

    private func questions() throws -> [String] { try fixture.whys.list(issueId: issueId).map(\.whyQuestion) }

    @Test func addingWhysAdvancesTheLevelOnTheTimeline() throws {
        _ = try fixture.whys.add(issueId: issueId, question: "Why was the API slow?", answer: "DB queries queued")
        let second = try fixture.whys.add(issueId: issueId, question: "Why did queries queue?")
        #expect(second.stepOrder == 2)
        let levels = try fixture.timeline.list(issueId: issueId).filter { $0.eventType == "why_level_advanced" }
        #expect(levels.map(\.metadata) == [
            #"{"from_level":0,"to_level":1,"question":"Why was the API slow?"}"#,
            #"{"from_level":1,"to_level":2,"question":"Why did queries queue?"}"#,
        ])
        #expect(throws: TriageError.emptyQuestion) { try fixture.whys.add(issueId: issueId, question: "  ") }
        #expect(throws: TriageError.unknownID(kind: "issue", prefix: "nope")) {
            try fixture.whys.add(issueId: "nope", question: "Why?")
        }
    }

    @Test func stepsMoveAndDeleteWithoutGaps() throws {
        for question in ["one", "two", "three", "four"] { _ = try fixture.whys.add(issueId: issueId, question: question) }
        let steps = try fixture.whys.list(issueId: issueId)
        try fixture.whys.move(stepId: steps[3].id, to: 1)
        #expect(try questions() == ["four", "one", "two", "three"])
        #expect(try fixture.whys.list(issueId: issueId).map(\.stepOrder) == [1, 2, 3, 4])
        try fixture.whys.delete(stepId: steps[1].id)
        #expect(try questions() == ["four", "one", "three"])
        #expect(try fixture.whys.list(issueId: issueId).map(\.stepOrder) == [1, 2, 3])
        #expect(throws: TriageError.noSuchStep(issueId: issueId, number: 9)) { try fixture.whys.move(stepId: steps[0].id, to: 9) }
        #expect(try fixture.audit.verify().isIntact)
    }

    @Test func editingChangesOnlyTheGivenFields() throws {
        let step = try fixture.whys.add(issueId: issueId, question: "Why?", answer: "a", evidence: "e")
        let edited = try fixture.whys.edit(stepId: step.id, answer: "better answer")
        #expect(edited.whyQuestion == "Why?" && edited.answer == "better answer" && edited.evidence == "e")
        #expect(try fixture.whys.list(issueId: issueId) == [edited])
    }

    @Test func theRootCauseIsTheLastAnswerUnlessAStepIsMarked() throws {
        #expect(try fixture.whys.rootCause(issueId: issueId) == nil)
        let first = try fixture.whys.add(issueId: issueId, question: "Why 1?", answer: "Pool exhausted")
        let last = try fixture.whys.add(issueId: issueId, question: "Why 2?", answer: "")
        #expect(try fixture.whys.rootCause(issueId: issueId) == nil)  // the last step has no answer yet
        _ = try fixture.whys.edit(stepId: last.id, answer: "Leak in the retry loop")
        #expect(try fixture.whys.rootCause(issueId: issueId)?.text == "Leak in the retry loop")
        #expect(try fixture.whys.rootCause(issueId: issueId)?.isExplicit == false)

        fixture.clock.advance(60)
        let mark = try fixture.whys.markRootCause(stepId: first.id, confidence: 0.8)
        #expect(mark.metadata == #"{"root_cause":"Pool exhausted","confidence":0.8,"step_id":"\#(first.id)"}"#)
        let rootCause = try #require(try fixture.whys.rootCause(issueId: issueId))
        #expect(rootCause.text == "Pool exhausted" && rootCause.isExplicit && rootCause.stepOrder == 1)
        #expect(rootCause.confidence == 0.8)
        try fixture.whys.delete(stepId: first.id)
        #expect(try fixture.whys.rootCause(issueId: issueId)?.text == "Leak in the retry loop")
    }
}
