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
        #expect(question.message.hasPrefix("bob changed the title at "))
        #expect(app.row(containing: "Title       Checkout 502 in Japan") != nil)  // theirs, under the question
        app.press(.confirm)  // yes: mine over theirs
        #expect(try app.workspace.issues.get(issueId).title == "Checkout returns 502")
        #expect(app.row(containing: "Title       Checkout returns 502") != nil)
    }

    @Test func noAfterAConflictOnADocumentOpensTheAnalystsTextAgain() throws {
        var documentId = ""
        let app = try TestApp { workspace in
            let issue = try workspace.issues.create(IssueDraft(title: "Checkout 502"))
            documentId = try workspace.documents.generate(.rca, issueId: issue.id).document.id
        }
        app.press(.open)
        app.press(.showTab(5))  // Documents
        app.press(.open)
        app.press(.editDocument)
        guard case .textEditor = app.state.overlay else { Issue.record("no editor"); return }
        app.send(.key(.ctrl("e")))  // the end of the first line
        app.type(" (mine)")
        let bob = ServiceContext(database: app.workspace.database, user: "bob")
        _ = try DocumentService(context: bob).save(documentId, content: "# Bob's RCA\n")
        app.press(.confirm)  // save
        guard case .confirm(let question) = app.state.overlay else { Issue.record("no question"); return }
        #expect(question.message.contains("opens yours again in the editor"))
        app.press(.cancel)  // no: theirs stays, mine comes back to be merged by hand
        guard case .textEditor(let editor) = app.state.overlay else { Issue.record("the text was dropped"); return }
        #expect(editor.lines.first == "# Root Cause Analysis: Checkout 502 (mine)")
        #expect(try app.workspace.documents.get(documentId).contentMd == "# Bob's RCA\n")
        app.press(.confirm)  // saved against bob's text, which it now started from
        #expect(try app.workspace.documents.get(documentId).contentMd.hasPrefix("# Root Cause Analysis: Checkout 502 (mine)\n"))
    }
}
