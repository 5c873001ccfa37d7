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
        app.press(.complete)
        guard case .form(let form) = app.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.value(.path) == directory + "/app-2026-11-2")
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
        // The dialog stays, with the reason in it and the path as typed, to be corrected.
        guard case .form(let form) = app.state.overlay else { Issue.record("the dialog closed"); return }
        #expect(form.value(.path) == directory + "/nope.log")
        #expect(form.error?.contains("nope.log") == true)
        #expect(app.screenText.contains("nope.log"))
        #expect(app.state.importing == nil)
        #expect(app.detail?.detail?.logFiles.isEmpty == true)
        #expect(app.state.messages.entries.last?.isError == true)
    }

    @Test func ctrlCStopsAnImportUnderWayAndNothingIsStored() throws {
        let big = directory + "/big.log"
        try Data(String(repeating: "GET /health 200 from 10.0.0.1\n", count: 150_000).utf8).write(to: URL(fileURLWithPath: big))
        var issueId = ""
        let app = try TestApp { issueId = try $0.issues.create(IssueDraft(title: "Gateway errors")).id }
        // The key, while the import reads: it stops the import instead of quitting.
        var state = app.state
        state.importing = "big.log"
        #expect(App.update(&state, .key(.ctrl("c"))) == [.cancelImport])
        #expect(!state.isQuitting && state.status.activity == "stopping the import of big.log…")
        // The runner, as the import queue runs it: Ctrl-c arrives after the first block.
        let runner = EffectRunner(workspace: app.workspace, describe: { "\($0)" })
        let result = runner.run(.importLog(issueId: issueId, path: big)) { msg in
            if case .progress(.some) = msg { _ = runner.run(.cancelImport) }
        }
        guard case .importStopped(let message) = result.first else { Issue.record("not stopped: \(result)"); return }
        #expect(message == "stopped importing big.log; nothing was stored")
        #expect(try app.workspace.logs.list().isEmpty)
        // The next import starts afresh.
        guard case .importPrepared(_, let prepared) = runner.run(.importLog(issueId: issueId, path: big)).first else {
            Issue.record("the next import did not run"); return
        }
        #expect(prepared.size == 150_000 * 30)
    }

    @Test func aSecondImportWaitsForTheFirst() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Gateway errors")) }
        app.press(.open)
        app.press(.showTab(3))
        app.press(.importLog)
        app.type(directory + "/app-2026-11-23.log")
        var state = app.state
        state.importing = "huge.log"
        #expect(App.update(&state, .action(.confirm)).isEmpty)
        guard case .form(let form) = state.overlay else { Issue.record("the form closed"); return }
        #expect(form.error == "huge.log is still being imported (Ctrl-c stops it)")
        #expect(form.value(.path) == directory + "/app-2026-11-23.log", "what was typed stays")
    }
}
