import Foundation
import Testing
import TRCAACore
@testable import TRCAATUI

/// The interface open while other `trcaa` processes (or a teammate) change the store: the clock
/// tick notices within a second and the screens reload, keeping the cursor where it was.
@Suite struct ExternalChangeTests {
    /// Another connection to the app's store, as another process would have.
    private func elsewhere(_ app: TestApp) throws -> Workspace {
        try Workspace.open(WorkspaceOptions(dataDirectory: app.directory), environment: ["TRCAA_DB_KEY": "tui-test"])
    }

    /// One clock tick, `seconds` after the test's start.
    private func tick(_ app: TestApp, at seconds: TimeInterval) {
        app.send(.tick(TestApp.now.addingTimeInterval(seconds)))
    }

    @Test func anIssueCreatedElsewhereAppearsWithinATick() throws {
        let app = try TestApp { workspace in _ = try workspace.issues.create(IssueDraft(title: "Checkout 502")) }
        tick(app, at: 0)  // the first check only notes where the store is
        let other = try elsewhere(app)
        _ = try other.issues.create(IssueDraft(title: "Payments timeout"))
        #expect(app.row(containing: "Payments timeout") == nil)
        tick(app, at: 0.5)  // not yet: one check a second
        #expect(app.row(containing: "Payments timeout") == nil)
        tick(app, at: 1)
        #expect(app.row(containing: "Payments timeout") != nil)
        #expect(app.list?.selectedIssue?.issue.title == "Checkout 502", "the cursor stays on the issue it was on")
    }

    @Test func theInterfacesOwnChangesDoNotCountAsElsewhere() throws {
        let app = try TestApp { workspace in _ = try workspace.issues.create(IssueDraft(title: "Checkout 502")) }
        tick(app, at: 0)
        _ = try app.workspace.issues.create(IssueDraft(title: "Made here"))
        tick(app, at: 1)
        #expect(app.row(containing: "Made here") == nil, "only a change of another connection reloads")
    }

    @Test func anOpenIssueShowsAWhyAddedElsewhereAndClosesWhenDeletedElsewhere() throws {
        var issueId = ""
        let app = try TestApp { workspace in
            _ = try workspace.issues.create(IssueDraft(title: "Payments timeout"))
            issueId = try workspace.issues.create(IssueDraft(title: "Checkout 502")).id
        }
        app.press(.open)
        #expect(app.detail?.issueId == issueId)
        app.press(.showTab(2))  // 5-Whys
        tick(app, at: 0)
        let other = try elsewhere(app)
        _ = try other.whys.add(issueId: issueId, question: "Why did checkout fail?", answer: "The pool was full", evidence: "")
        tick(app, at: 1)
        #expect(app.row(containing: "Why did checkout fail?") != nil)

        try other.issues.delete(issueId)
        tick(app, at: 2)
        #expect(app.detail == nil && app.list != nil)
        #expect(app.state.toast?.text == "“Checkout 502” was deleted elsewhere")
        #expect(app.row(containing: "Payments timeout") != nil && app.screen.filter { $0.contains("Checkout 502") }.count == 1,
                "listed no more; named only by the message")
    }
}
