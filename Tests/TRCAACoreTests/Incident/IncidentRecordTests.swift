import Foundation
import Testing
@testable import TRCAACore

/// Incident events and action items: stored, audited, ordered, and turned into figures.
@Suite struct IncidentRecordTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "SSH brute force")).id
    }

    private func at(_ text: String) -> Date { Timestamp.parse(text)! }

    @Test func eventsAreKeptInIncidentTimeAndEveryChangeIsAudited() throws {
        fixture.clock.advance(60)
        try fixture.incident.add(issueId: issueId, [
            .init(at: at("2025-12-10 11:04:00"), kind: .mitigated, description: "Blocked at the firewall"),
            .init(at: at("2025-12-10 06:55:46"), kind: .impactStarted, description: "First failed login"),
        ])
        var events = try fixture.incident.list(issueId: issueId)
        #expect(events.map(\.kind) == [.impactStarted, .mitigated])
        #expect(events[0].createdBy == "tester" && events[0].createdAt == "2025-01-15 10:01:00")
        #expect(try fixture.issues.get(issueId).updatedAt == "2025-01-15 10:01:00")

        let edited = try fixture.incident.edit(events[1].id, at: at("2025-12-10 10:00:00"),
                                               description: "Blocked 173.234.31.186")
        #expect(edited.occurredAt == "2025-12-10 10:00:00" && edited.kind == .mitigated)
        try fixture.incident.delete(events[0].id)
        events = try fixture.incident.list(issueId: issueId)
        #expect(events.map(\.id) == [edited.id])
        let actions = try fixture.audit.list().map(\.action).reversed()
        #expect(actions.filter { $0.hasSuffix("incident_event") } == [
            "add_incident_event", "add_incident_event", "update_incident_event", "delete_incident_event",
        ])
        #expect(try fixture.audit.verify().isIntact)
        #expect(throws: TriageError.emptyText(field: "event description")) {
            try fixture.incident.add(issueId: issueId, [.init(at: Date(), kind: .note, description: "  ")])
        }
    }

    @Test func figuresComeFromTheEarliestEventOfEachKindAndSayWhatIsUnknown() throws {
        #expect(IncidentFigures([]).isEmpty)
        #expect(IncidentFigures([]).durationText == "unknown (needs start and resolution)")
        try fixture.incident.add(issueId: issueId, [
            .init(at: at("2025-12-10 06:55:46"), kind: .impactStarted, description: "a"),
            .init(at: at("2025-12-10 07:00:46"), kind: .detected, description: "b"),
            .init(at: at("2025-12-10 07:30:00"), kind: .detected, description: "later alert"),
            .init(at: at("2025-12-10 11:04:00"), kind: .mitigated, description: "c"),
        ])
        var figures = IncidentFigures(try fixture.incident.list(issueId: issueId))
        #expect(figures.timeToDetect == 300 && figures.timeToMitigate == 4 * 3600 + 8 * 60 + 14)
        #expect(figures.durationText == "4h 8m (to mitigation; not resolved yet)")
        #expect(figures.rows.first { $0.label == "Resolved" }?.value == "not recorded (no 'resolved' event)")
        try fixture.incident.add(issueId: issueId, [.init(at: at("2025-12-11 08:00:00"), kind: .resolved, description: "d")])
        figures = IncidentFigures(try fixture.incident.list(issueId: issueId))
        #expect(figures.durationText == "1d 1h" && !figures.durationEndsAtMitigation)
    }

    @Test func eventsFromLogLinesQuoteTheLineAndTakeItsTime() throws {
        let text = "Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186\nno time on this line\n"
        let log = try fixture.logs.importLog(issueId: issueId, path: try fixture.file("auth.log", Array(text.utf8)))
        let events = try fixture.incident.addFromLog(log.id, lines: [0], kind: .impactStarted)
        #expect(events.count == 1)
        #expect(events[0].evidence == "auth.log:1: Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186")
        #expect(events[0].occurredAt.hasSuffix("-12-10 06:55:46") && events[0].lineNumber == 1 && events[0].logFileId == log.id)
        #expect(events[0].description == "Invalid user webmaster from 173.234.31.186", "the message, without time, host and process")
        #expect(throws: TriageError.self) { try fixture.incident.addFromLog(log.id, lines: [1], kind: .note) }
        // Deleted, the event's evidence and source line stay in the audit log.
        try fixture.incident.delete(events[0].id)
        let details = try #require(try fixture.audit.list().first?.details)
        #expect(details.contains(#""evidence":"auth.log:1: Dec 10 06:55:46"#) && details.contains(#""line_number":1"#))
        #expect(try fixture.incident.list(issueId: issueId).isEmpty)
    }

    @Test func actionItemsHaveOwnersDueDatesAndStatusAcrossIssues() throws {
        let other = try fixture.issues.create(IssueDraft(title: "Disk full")).id
        let first = try fixture.actions.add(issueId: issueId, description: "Rate-limit sshd", owner: "alice",
                                            dueDate: "2025-02-01", priority: .p1)
        _ = try fixture.actions.add(issueId: other, description: "Alert on disk usage", dueDate: "2025-01-20")
        let undated = try fixture.actions.add(issueId: issueId, description: "Write the runbook", priority: .p0)
        #expect(try fixture.actions.list(issueId: issueId).map(\.id) == [undated.id, first.id])
        #expect(try fixture.actions.listAll(openOnly: true).map(\.item.description)
            == ["Alert on disk usage", "Rate-limit sshd", "Write the runbook"])
        _ = try fixture.actions.edit(first.id, .init(owner: "bob", status: .done))
        #expect(try fixture.actions.listAll(openOnly: true).map(\.item.description) == ["Alert on disk usage", "Write the runbook"])
        #expect(try fixture.actions.get(first.id).owner == "bob")
        #expect(try fixture.actions.listAll(openOnly: false).first { $0.item.id == first.id }?.issueKey == "#1")
        for due in ["soon", "2026-02-30", "2026-13-01"] {
            #expect(throws: TriageError.self, "\(due)") { try fixture.actions.add(issueId: issueId, description: "x", dueDate: due) }
        }
        fixture.clock.advance(86_400)
        #expect(try fixture.actions.add(issueId: issueId, description: "in a week", dueDate: "+7d").dueDate == "2025-01-23")
        try fixture.actions.delete(undated.id)
        #expect(try fixture.audit.list().map(\.action).filter { $0.hasSuffix("action_item") }.count == 6)
        // Deleting the issue takes its items with it.
        try fixture.issues.delete(issueId)
        #expect(try fixture.count("action_items") == 1)
    }
}
