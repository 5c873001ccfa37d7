import Foundation
import Testing
import TRCAACore

@Suite struct ExternalEditorTests {
    let runtime = NSTemporaryDirectory() + "trcaa-runtime-\(UUID().uuidString)"
    var environment: [String: String] {
        ["XDG_RUNTIME_DIR": runtime, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    init() throws { try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true) }

    private func leftovers() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: runtime) }

    @Test func theEditedTextComesBackAndTheCopyIsGone() throws {
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let log = runtime + "/../\(UUID().uuidString).log"
        let editor = ExternalEditor(command: """
            sh -c 'stat -c "%a" "$1" "$(dirname "$1")" > \(log); printf "Edited.\\n" >> "$1"' editor
            """)
        let edited = try editor.edit("# RCA\n", fileName: "rca-1234.md", environment: environment)
        #expect(edited == "# RCA\nEdited.\n")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "600\n700\n")
        #expect(try leftovers().isEmpty)
        try? FileManager.default.removeItem(atPath: log)
    }

    @Test func anUnchangedFileIsNil() throws {
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        #expect(try ExternalEditor(command: "true").edit("text", fileName: "a.md", environment: environment) == nil)
    }

    @Test func failuresKeepNothingAndCleanUp() throws {
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        #expect(throws: TriageError.editorFailed(status: 3)) {
            try ExternalEditor(command: "sh -c 'echo more >> \"$1\"; exit 3' e").edit("t", fileName: "a.md", environment: environment)
        }
        #expect(throws: TriageError.editorLeftEmptyFile) {
            try ExternalEditor(command: "truncate -s 0").edit("t", fileName: "a.md", environment: environment)
        }
        #expect(throws: TriageError.editorUnavailable(command: "no-such-editor-xyz")) {
            try ExternalEditor(command: "no-such-editor-xyz").edit("t", fileName: "a.md", environment: environment)
        }
        #expect(try leftovers().isEmpty)
    }

    @Test func copiesLeftByAKilledRunAreRemovedByTheNext() throws {
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let stale = runtime + "/trcaa-edit-2147483000-abcdef"
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: stale + "/rca.md", contents: Data("secret".utf8)))
        let live = runtime + "/trcaa-edit-\(getpid())-kept00"
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        _ = try ExternalEditor(command: "true").edit("t", fileName: "a.md", environment: environment)
        #expect(try leftovers() == ["trcaa-edit-\(getpid())-kept00"])
    }

    @Test func theEditorComesFromVisualThenEditor() {
        #expect(ExternalEditor.fromEnvironment(["VISUAL": "code -w", "EDITOR": "vi"])?.command == "code -w")
        #expect(ExternalEditor.fromEnvironment(["VISUAL": " ", "EDITOR": "nano"])?.command == "nano")
        #expect(ExternalEditor.fromEnvironment([:]) == nil)
    }
}
