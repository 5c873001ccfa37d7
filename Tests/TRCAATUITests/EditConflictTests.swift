import Testing
import TRCAACore
@testable import TRCAATUI

/// A field edited in the interface while another process saved it: the interface asks before
/// overwriting, shows the other change meanwhile, and overwrites only on yes.
@Suite struct EditConflictScreenTests {
    @Test func aTitleChangedWhileTheFormWasOpenIsNotOverwrittenSilently() throws {
        var issueId = ""
        let app = try TestApp { workspace in issueId = try workspace.issues.create(IssueDraft(title: "Checkout 502")).id }
        app.press(.open)
        app.press(.editField)  // the title
        guard case .form = app.state.overlay else { Issue.record("no form"); return }
        app.send(.key(.ctrl("u")))
        app.type("Checkout returns 502")
        // Meanwhile, in another terminal:
        let bob = ServiceContext(database: app.workspace.database, user: "bob")
        _ = try IssueService(context: bob).update(issueId, IssueChanges(title: "Checkout 502 in Japan"))
        app.press(.confirm)
        guard case .confirm(let question) = app.state.overlay else { Issue.record("no question"); return }
        #expect(question.title == "Changed while you edited" && !question.yesSelected)
        #expect(question.message.hasPrefix("bob changed title at "))
        #expect(app.row(containing: "Title       Checkout 502 in Japan") != nil)  // theirs, under the question
        app.press(.confirm)  // yes: mine over theirs
        #expect(try app.workspace.issues.get(issueId).title == "Checkout returns 502")
        #expect(app.row(containing: "Title       Checkout returns 502") != nil)
    }
}
