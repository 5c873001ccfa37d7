import Foundation
import Testing
import TRCAACore
@testable import TRCAATUI

/// Importing a log from the Logs tab: the path as typed or pasted, Tab completion, the import.
@Suite struct ImportTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "trcaa-import-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/nginx logs", withIntermediateDirectories: true)
        for name in ["app-2026-11-23.log", "app-2026-11-24.log", "nginx logs/access.log"] {
            try Data("GET /health 200\nuser bob@example.com logged in\n".utf8)
                .write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
        }
    }

    @Test func pastedPathsAreUnwrapped() {
        #expect(PathInput.normalize("  '/var/log/my app.log' ") == "/var/log/my app.log")
        #expect(PathInput.normalize("\"/tmp/a b.log\"") == "/tmp/a b.log")
        #expect(PathInput.normalize("file:///tmp/my%20app.log") == "/tmp/my app.log")
        #expect(PathInput.normalize("/tmp/my\\ app.log") == "/tmp/my app.log")
        #expect(PathInput.normalize("~/logs/x.log", home: "/home/ana") == "/home/ana/logs/x.log")
    }

    @Test func tabCompletesAsFarAsTheNamesAgree() {
        let shared = PathInput.complete(directory + "/app")
        #expect(shared.text == directory + "/app-2026-11-2")
        #expect(shared.candidates == ["app-2026-11-23.log", "app-2026-11-24.log"])
        #expect(PathInput.complete(directory + "/ngi").text == directory + "/nginx logs/")
        #expect(PathInput.complete(directory + "/nginx\\ logs/a") == (directory + "/nginx logs/access.log", []))
        #expect(PathInput.complete(directory + "/zzz").text == directory + "/zzz")
    }

    @Test func aLogImportedFromTheLogsTabOpensInTheViewer() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Gateway errors")) }
        app.press(.open)
        app.press(.showTab(3))
        app.press(.importLog)
        guard case .form = app.state.overlay else { Issue.record("no import form"); return }
        app.type(directory + "/app-2026-11-2")
        app.press(.nextField)
        guard case .form(let form) = app.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.value(0) == directory + "/app-2026-11-2")
        #expect(form.fields[0].note == "app-2026-11-23.log  app-2026-11-24.log")
        app.type("3.log")
        app.press(.confirm)
        #expect(app.state.overlay == nil)
        #expect(app.state.toast?.text == "imported app-2026-11-23.log: 2 lines, 1 PII span")
        #expect(app.detail?.detail?.logFiles.map(\.fileName) == ["app-2026-11-23.log"])
        app.press(.open)
        #expect(app.row(containing: "bob@example.com") != nil)
    }

    @Test func aMissingFileIsAnErrorInTheStatusBar() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Gateway errors")) }
        app.press(.open)
        app.press(.showTab(3))
        app.press(.importLog)
        app.type(directory + "/nope.log")
        app.press(.confirm)
        #expect(app.state.toast?.isError == true)
        #expect(app.detail?.detail?.logFiles.isEmpty == true)
    }
}
