import Foundation
import Testing
import TRCAACore
@testable import TRCAATUI

/// The Documents tab: generate the RCA, read it rendered, edit it, regenerate over an edit
/// (asks first), export it.
@Suite struct DocumentTests {
    private func openDocumentsTab() throws -> TestApp {
        let app = try TestApp(size: Size(width: 120, height: 40)) { workspace in
            let issue = try workspace.issues.create(IssueDraft(title: "Checkout 502s", severity: .p1))
            _ = try workspace.whys.add(issueId: issue.id, question: "Why did checkout fail?", answer: "No healthy upstreams")
            let step = try workspace.whys.add(issueId: issue.id, question: "Why unhealthy?", answer: "GC pauses")
            _ = try workspace.whys.markRootCause(stepId: step.id)
        }
        app.press(.open)
        app.press(.showTab(5))
        return app
    }

    private func choose(_ label: String, in app: TestApp) {
        guard case .picker(let picker) = app.state.overlay,
              let index = picker.options.firstIndex(where: { $0.label.hasPrefix(label) }) else {
            Issue.record("no option “\(label)”")
            return
        }
        for _ in 0..<index { app.press(.moveDown) }
        app.press(.confirm)
    }

    /// A new temporary directory (the test removes it).
    private func temporaryDirectory() throws -> String {
        let directory = NSTemporaryDirectory() + "trcaa-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// In the export dialog on its first field: `directory` typed over the one offered, then
    /// Enter, which exports.
    private func typeDirectoryAndExport(_ directory: String, in app: TestApp) {
        app.press(.nextField)
        app.send(.key(.ctrl("u")))
        app.type(directory)
        app.press(.confirm)
    }

    @Test func anExportDirectoryThatCannotBeWrittenKeepsTheDialogAndItsText() throws {
        let app = try openDocumentsTab()
        app.press(.generateDocument)
        choose("RCA", in: app)
        app.press(.exportDocument)
        choose("Markdown", in: app)
        let missing = "/nonexistent-\(UUID().uuidString)/exports"
        typeDirectoryAndExport(missing, in: app)
        guard case .form(let form) = app.state.overlay else { Issue.record("the dialog closed"); return }
        #expect(form.value(.directory) == missing)
        #expect(form.error != nil)
        #expect(app.role(of: String(form.error?.prefix(12) ?? "")) == .error)
        // Corrected, it exports and closes.
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        app.send(.key(.ctrl("u")))
        app.type(directory)
        app.press(.confirm)
        #expect(app.state.overlay == nil)
        #expect(app.state.toast?.text.hasPrefix("exported \(directory)") == true)
    }

    @Test func generateReadEditRegenerateAndExportTheRCA() throws {
        let app = try openDocumentsTab()
        #expect(app.row(containing: "No documents yet") != nil)
        app.press(.generateDocument)
        choose("RCA", in: app)
        #expect(app.state.toast?.text == "generated the RCA")
        #expect(app.row(containing: "RCA: Checkout 502s") != nil)

        app.press(.open)
        #expect(app.row(containing: "Root Cause Analysis: Checkout 502s") != nil)
        #expect(app.row(containing: "Severity     │ P1") != nil)
        app.press(.bottom)
        #expect(app.row(containing: "Root Cause Analysis: Checkout 502s") == nil)
        #expect(app.screen.contains { $0.contains("# ") } == false, "headings are drawn without their #")

        // The built-in editor (no $VISUAL here): add a line, save.
        app.press(.editDocument)
        guard case .textEditor = app.state.overlay else { Issue.record("no editor"); return }
        app.send(.key(.ctrl("e")))
        app.type("Reviewed by the on-call team.")
        app.press(.confirm)
        #expect(app.state.toast?.text == "saved the document")

        // Regenerating over the edit asks first, default No.
        app.press(.generateDocument)
        guard case .confirm(let confirm) = app.state.overlay else { Issue.record("no confirmation"); return }
        #expect(confirm.title == "Replace the edited RCA?")
        #expect(!confirm.yesSelected)
        app.press(.cancel)

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        app.press(.exportDocument)
        choose("Markdown", in: app)
        guard case .form = app.state.overlay else { Issue.record("no directory form"); return }
        typeDirectoryAndExport(directory, in: app)
        let path = directory + "/1_RCA__Checkout_502s.md"
        #expect(app.state.toast?.text == "exported \(path)")
        let exported = try String(contentsOfFile: path, encoding: .utf8)
        #expect(exported.contains("Reviewed by the on-call team."))

        // Exporting again (to the same directory: the dialog remembers it) asks before replacing the file.
        app.press(.exportDocument)
        choose("Markdown", in: app)
        app.press(.confirm)
        app.press(.confirm)
        guard case .confirm(let replace) = app.state.overlay else { Issue.record("no replace question"); return }
        #expect(replace.title == "Replace 1_RCA__Checkout_502s.md?")

        app.press(.cancel)
        app.press(.back)
        app.press(.showTab(2))
        let events = try #require(app.detail?.detail?.timeline).map(\.eventType)
        #expect(events.contains("rca_generated") && events.contains("document_exported"))
    }

    /// The RCA of an issue that names an address, open on the Documents tab, its export
    /// dialog asked for Markdown.
    private func openMarkdownExportDialog() throws -> (TestApp, FormState) {
        let app = try TestApp(size: Size(width: 120, height: 40)) { workspace in
            let issue = try workspace.issues.create(IssueDraft(title: "Brute force from 173.234.31.186"))
            _ = try workspace.whys.add(issueId: issue.id, question: "Why was root reachable?",
                                       answer: "sshd allowed root logins from 173.234.31.186")
            _ = try workspace.documents.generate(.rca, issueId: issue.id)
        }
        app.press(.open)
        app.press(.showTab(5))
        app.press(.exportDocument)
        choose("Markdown", in: app)
        guard case .form(let form) = app.state.overlay else { throw DialogMissing() }
        return (app, form)
    }

    private struct DialogMissing: Error {}

    @Test func theExportDialogOffersTheRedactedView() throws {
        let (app, form) = try openMarkdownExportDialog()
        #expect(form.fields.map(\.label) == ["Content", "Directory"])
        #expect(form.value(.content) == "plain")
        #expect(app.row(containing: "Content    plain") != nil)
        #expect(app.row(containing: "plain  redacted (PII as tokens: [IPv4], [Email]…)") != nil)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        app.send(.key(.ctrl("u")))
        app.type("red")
        app.press(.complete)
        #expect(app.state.overlay.flatMap { if case .form(let form) = $0 { form.value(.content) } else { nil } } == "redacted")
        typeDirectoryAndExport(directory, in: app)
        let path = directory + "/1_RCA__Brute_force_from__IPv4__redacted.md"
        #expect(app.state.toast?.text == "exported \(path)")
        let exported = try String(contentsOfFile: path, encoding: .utf8)
        #expect(exported.contains("[IPv4]") && !exported.contains("173.234.31.186"))
    }

    @Test func anUnknownContentIsRefusedInTheDialog() throws {
        let (app, _) = try openMarkdownExportDialog()
        app.send(.key(.ctrl("u")))
        app.type("secret")
        app.press(.submit)
        guard case .form(let form) = app.state.overlay else { Issue.record("the dialog closed"); return }
        #expect(form.error == "unknown content “secret”: plain or redacted")
        #expect(form.focused == 0)
    }

    @Test func theSecondExportStartsInTheDirectoryOfTheFirst() throws {
        let (app, form) = try openMarkdownExportDialog()
        #expect(form.value(.directory) == app.state.workingDirectory, "before any export: where trcaa was started")
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        typeDirectoryAndExport(directory, in: app)
        #expect(app.state.toast?.text.hasPrefix("exported \(directory)/") == true)

        app.press(.exportDocument)
        choose("PDF", in: app)
        guard case .form(let second) = app.state.overlay else { Issue.record("no dialog"); return }
        #expect(second.value(.directory) == directory)
        #expect(second.value(.content) == "plain")
        // The store keeps it for this user, for the next session too.
        #expect(try app.workspace.documents.lastExportDirectory() == directory)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func thePreviewScreen(size: Size) throws {
        let app = try TestApp(size: size) { workspace in
            let issue = try workspace.issues.create(IssueDraft(title: "Checkout 502s", severity: .p1))
            _ = try workspace.whys.add(issueId: issue.id, question: "Why did checkout fail?", answer: "No healthy upstreams")
            _ = try workspace.documents.generate(.rca, issueId: issue.id)
        }
        app.press(.open)
        app.press(.showTab(5))
        app.press(.open)
        // Ids and times change with every run.
        let id = try #require(app.state.screens(IssueDetailState.self).first?.issueId)
        let stable = app.screen.map { line in
            line.replacingOccurrences(of: id, with: String(repeating: "x", count: id.count))
                .replacingOccurrences(of: String(id.prefix(8)), with: "xxxxxxxx")
                .replacingOccurrences(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"#, with: "2026-01-01 00:00:00",
                                      options: .regularExpression)
        }
        Golden.expect(stable, matches: "document-\(size)")
    }

    /// The post-mortem of an incident with events from the log and by hand, read at its timeline.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func thePostMortemPreviewAtItsTimeline(size: Size) throws {
        let app = try TestApp(size: size) { workspace in
            let issue = try workspace.issues.create(IssueDraft(title: "SSH brute force on LabSZ", severity: .p2))
            let at = { (text: String) in Timestamp.parse(text)! }
            try workspace.incident.add(issueId: issue.id, [
                .init(at: at("2025-12-10 06:55:46"), kind: .impactStarted, description: "Brute force from 173.234.31.186 begins",
                      evidence: "OpenSSH_2k.log:3: Dec 10 06:55:46 LabSZ sshd[24200]: input_userauth_request: invalid user webmaster"),
                .init(at: at("2025-12-10 07:07:38"), kind: .detected, description: "fail2ban alert"),
                .init(at: at("2025-12-10 11:04:00"), kind: .mitigated, description: "Source blocked at the firewall"),
            ])
            _ = try workspace.actions.add(issueId: issue.id, description: "Rate-limit sshd", owner: "alice",
                                          dueDate: "2026-01-15", priority: .p1)
            _ = try workspace.documents.generate(.postmortem, issueId: issue.id)
        }
        app.press(.open)
        app.press(.showTab(5))
        app.press(.open)
        for _ in 0..<80 where !app.screen[3].contains("Timeline") {
            app.press(.moveDown)
        }
        // Times of this run change; the incident's own do not.
        let today = String(Timestamp.format(Date()).prefix(10))
        let stable = app.screen.map { line in
            line.replacingOccurrences(of: today + #" \d{2}:\d{2}(:\d{2})?"#, with: "2026-01-01 00:00:00", options: .regularExpression)
        }
        Golden.expect(stable, matches: "postmortem-timeline-\(size)")
    }

    @Test func markdownTablesAndListsAreLaidOutForTheTerminal() {
        let blocks = MarkdownParser.parse("""
            ## Impact

            - first item that is long enough to wrap onto a second line here

            Steps:

            1. numbered

            | Metric | Value |
            |---|---|
            | errors | 8% |
            """)
        let lines = MarkdownLines.lines(blocks, width: 40).map { $0.map(\.text).joined() }
        #expect(lines == [
            "Impact", "",
            "• first item that is long enough to wrap",
            "  onto a second line here", "", "Steps:", "", "1. numbered", "",
            "Metric │ Value", "───────┼──────", "errors │ 8%   ",
        ])
    }
}
