import Foundation
import Testing
import TRCAACore
@testable import TRCAATUI

/// The attachments of every issue and the audit log, from the issue list.
@Suite struct RecordScreensTests {
    private func app() throws -> TestApp {
        try TestApp { workspace in
            for (title, file) in [("Checkout 502s", "gateway.log"), ("VPN drops", "vpn.log")] {
                let issue = try workspace.issues.create(IssueDraft(title: title))
                let directory = NSTemporaryDirectory() + "trcaa-records-\(UUID().uuidString)"
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(atPath: directory) }
                try Data("line one\nmail \(file == "gateway.log" ? "bob@example.com" : "nobody")\n".utf8)
                    .write(to: URL(fileURLWithPath: directory + "/" + file))
                _ = try workspace.logs.importLog(issueId: issue.id, path: directory + "/" + file)
            }
        }
    }

    @Test func attachmentsOfEveryIssueAreSearchedAsYouTypeAndOpen() throws {
        let app = try app()
        app.press(.showAttachments)
        #expect(app.row(containing: "2 attachments") != nil)
        let gateway = try #require(app.row(containing: "gateway.log"))
        let vpn = try #require(app.row(containing: "vpn.log"))
        // At 80 columns the PII count is the last column kept.
        #expect(gateway.trimmingCharacters(in: .whitespaces).hasSuffix(" 1"), "\(gateway)")
        #expect(vpn.trimmingCharacters(in: .whitespaces).hasSuffix(" 0"), "\(vpn)")
        app.press(.search)
        app.type("vpn")
        #expect(app.row(containing: "1 attachment") != nil)
        #expect(app.row(containing: "gateway.log") == nil)
        app.press(.confirm)
        app.press(.open)
        #expect(app.row(containing: "vpn.log  line 1 of 2 lines") != nil)
        app.press(.toggleMark)
        app.press(.attachMarks)
        #expect(app.state.toast?.text == "open this log from its issue to attach lines to its whys")
        app.press(.back)
        #expect(app.row(containing: "VPN drops") != nil)
    }

    @Test func theAuditLogListsEntriesAndVerifiesItsChain() throws {
        let app = try app()
        app.press(.showAudit)
        #expect(app.row(containing: "create_issue") != nil)
        #expect(app.row(containing: "upload_log_file") != nil)
        // Entities are named as the CLI names them: the issue's key, its log's file number.
        #expect(app.state.top(AuditState.self)?.names.values.contains("#1/L1") == true)
        app.press(.verifyAudit)
        #expect(app.state.toast?.text.hasPrefix("the audit chain is intact:") == true)
        #expect(app.row(containing: "chain intact") != nil)
        app.press(.open)
        guard case .message(let title, _) = app.state.overlay else { Issue.record("no entry shown"); return }
        #expect(!title.isEmpty)
    }

    @Test func aTamperedChainPointsAtTheBrokenEntry() throws {
        let app = try app()
        try app.workspace.database.execute(
            "UPDATE audit_log SET details = '{}' WHERE rowid = (SELECT min(rowid) + 1 FROM audit_log)")
        app.press(.showAudit)
        app.press(.verifyAudit)
        guard case .message(let title, let text) = app.state.overlay else { Issue.record("no problem shown"); return }
        #expect(title == "The audit chain is broken")
        #expect(text.contains("position 2 of the chain"))
        app.press(.cancel)
        #expect(app.row(containing: "chain BROKEN") != nil)
    }
}
