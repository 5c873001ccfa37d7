import Foundation
import Testing
import TRCAACore
@testable import TRCAATUI

/// The incident in incident time at the keyboard: events made of log lines, added and edited
/// by hand on the Timeline tab, the Overview's figures, and action items.
@Suite struct IncidentTimelineTests {
    private func detail(_ app: TestApp) -> IssueDetail? { app.state.screens(IssueDetailState.self).first?.detail }

    @Test func markedLinesBecomeEventsAtTheirTimesWithTheLinesQuoted() throws {
        let app = try LogViewerTests.openViewer()
        app.press(.nextError)
        app.press(.toggleMark)
        app.press(.nextWarning)
        app.press(.toggleMark)
        app.press(.makeIncidentEvents)
        guard case .picker(let picker) = app.state.overlay else { Issue.record("no kind picker"); return }
        #expect(picker.title == "The 2 marked lines are incident events of which kind?")
        #expect(picker.options.map(\.label) == IncidentEventKind.allCases.map(\.displayName))
        app.press(.confirm)  // Impact started
        let events = try #require(detail(app)?.incidentEvents)
        #expect(events.map(\.occurredAt) == ["2026-11-23 10:02:00", "2026-11-23 10:03:20"])
        #expect(events.allSatisfy { $0.kind == .impactStarted })
        #expect(events[1].evidence == "gateway.log:200: 2026-11-23 10:03:20 WARN retry budget low")
        #expect(app.row(containing: "added 2 incident events") != nil)

        // The marks stay until cleared, also after leaving the viewer.
        app.press(.back)
        app.press(.open)
        #expect(app.state.top(LogViewerState.self)?.marks.count == 2)
        app.press(.clearMarks)
        #expect(app.state.top(LogViewerState.self)?.marks.isEmpty == true)
        #expect(app.row(containing: "cleared 2 marks") != nil)

        // Without marks, T takes the line under the cursor.
        app.press(.top)
        app.press(.makeIncidentEvents)
        app.press(.moveDown)  // Detected
        app.press(.confirm)
        #expect(detail(app)?.incidentEvents.first?.kind == .detected)
    }

    @Test func markedLinesStartANewWhy() throws {
        let app = try LogViewerTests.openViewer()
        app.press(.nextError)
        app.press(.toggleMark)
        app.press(.attachMarks)
        app.press(.confirm)  // + a new why
        guard case .form(let form) = app.state.overlay else { Issue.record("no form"); return }
        #expect(form.title == "A new why, with 1 marked line as its evidence")
        app.type("Why did the gateway time out?")
        app.send(.key(.ctrl("s")))
        let step = try #require(detail(app)?.steps.last)
        #expect(step.whyQuestion == "Why did the gateway time out?" && step.stepOrder == 2)
        #expect(step.evidence == "gateway.log:120: 2026-11-23 10:02:00 ERROR payment gateway timeout after 30s (#120)")
    }

    @Test func theTimelineTabAddsEditsAndDeletesEventsAndTheOverviewShowsTheFigures() throws {
        let app = try LogViewerTests.app(log: LogViewerTests.text).0
        app.press(.open)
        app.press(.showTab(2))
        addEvent(at: "2026-11-23 10:02", kind: "impact_started", "Checkout fails", in: app)
        addEvent(at: "+5m", kind: "detected", "Pager fired", in: app)
        app.press(.addIncidentEvent)
        app.type("soon")
        app.send(.key(.ctrl("s")))
        guard case .form(let rejected) = app.state.overlay else { Issue.record("a bad time closed the form"); return }
        #expect(rejected.error?.hasPrefix("cannot read “soon”") == true)
        app.press(.cancel)

        #expect(detail(app)?.incidentEvents.map(\.kind) == [.impactStarted, .detected])
        #expect(app.row(containing: "◆ Detected") != nil && app.row(containing: "Pager fired") != nil)
        app.press(.cycleTimelineView)
        #expect(app.detail?.timelineRows.count == 2)

        // Enter edits an incident event.
        app.press(.bottom)
        app.press(.open)
        guard case .form(let form) = app.state.overlay else { Issue.record("no edit form"); return }
        #expect(form.value(.time) == "2026-11-23 10:07:00")
        app.press(.nextField)
        app.send(.key(.ctrl("u")))
        app.type("mitigated")
        app.send(.key(.ctrl("s")))
        #expect(detail(app)?.incidentEvents.last?.kind == .mitigated)

        app.press(.showTab(0))
        #expect(app.row(containing: "impact 11-23 10:02 → detected – → mitigated +5m → resolved –") != nil)
        #expect(app.row(containing: "duration 5m (to mitigation; not resolved yet)") != nil)

        app.press(.showTab(2))
        app.press(.top)
        app.press(.deleteIncidentEvent)
        app.press(.confirm)
        #expect(detail(app)?.incidentEvents.count == 1)
    }

    /// Fills and saves the Timeline tab's form for a new event.
    private func addEvent(at time: String, kind: String, _ text: String, in app: TestApp) {
        app.press(.addIncidentEvent)
        app.type(time)
        app.press(.nextField)
        app.send(.key(.ctrl("u")))
        app.type(kind)
        app.press(.nextField)
        app.type(text)
        app.send(.key(.ctrl("s")))
    }

    @Test func actionItemsAreAddedMarkedDoneAndEdited() throws {
        let app = try LogViewerTests.app(log: LogViewerTests.text).0
        app.press(.open)
        app.press(.showTab(6))
        #expect(app.row(containing: "No action items yet") != nil)
        app.press(.addActionItem)
        app.type("Raise the gateway timeout alert threshold")
        app.press(.nextField)
        app.type("alice")
        app.press(.nextField)
        app.type("2026-12-01")
        app.send(.key(.ctrl("s")))
        let item = try #require(detail(app)?.actionItems.first)
        #expect(item.owner == "alice" && item.dueDate == "2026-12-01" && item.priority == .p2)
        #expect(app.row(containing: "alice") != nil)
        app.press(.toggleActionDone)
        #expect(detail(app)?.actionItems.first?.status == .done)
        app.press(.open)
        app.press(.nextField)
        app.send(.key(.ctrl("u")))
        app.type("bob")
        app.send(.key(.ctrl("s")))
        #expect(detail(app)?.actionItems.first?.owner == "bob")
        // The active tab stays visible at 80 columns, whatever the counts.
        #expect(app.screen[2].contains("7 Actions (1)"))
    }
}

/// Whys whose answer or evidence runs over several lines.
@Suite struct MultiLineWhyTests {
    @Test func aMultiLineWhyShowsItsFirstLineInTheListAndEveryLineInFull() throws {
        let app = try TestApp(size: Size(width: 80, height: 24)) { workspace in
            let issue = try workspace.issues.create(IssueDraft(title: "Checkout errors"))
            _ = try workspace.whys.add(issueId: issue.id, question: "Why did checkout fail?", answer: "Gateway timeouts",
                                       evidence: "gateway.log:120: ERROR timeout (#120)\ngateway.log:250: ERROR timeout (#250)")
        }
        app.press(.open)
        app.press(.showTab(1))
        #expect(app.row(containing: "evidence: gateway.log:120: ERROR timeout (#120)  (+1 line)") != nil)
        #expect(!app.screenText.contains("�"))
        app.press(.showDetails)
        guard case .message(let title, let text) = app.state.overlay else { Issue.record("no details"); return }
        #expect(title == "Why #1")
        #expect(text.hasSuffix("Evidence\n  gateway.log:120: ERROR timeout (#120)\n  gateway.log:250: ERROR timeout (#250)"))
        app.press(.cancel)
        // Enter takes several lines to the editor (built-in here), not to one-line fields.
        app.press(.editWhy)
        guard case .textEditor(let editor) = app.state.overlay else { Issue.record("no editor"); return }
        #expect(editor.text.contains("gateway.log:250: ERROR timeout (#250)"))
    }
}
