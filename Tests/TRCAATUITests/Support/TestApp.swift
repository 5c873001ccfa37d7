import Foundation
import Testing
import TestSupport
import TRCAACore
@testable import TRCAATUI

/// Drives the real `update` and `render` on a real encrypted store, as lazygit's integration
/// driver does: keys are pressed by action name through the active keymap (so removing a
/// binding fails the test), and store effects run to idle before each assertion.
final class TestApp {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    let directory: String
    let workspace: Workspace
    private let session: HeadlessSession
    var state: AppState { session.state }
    /// Effects that need a terminal (editor, suspend, quit), in order.
    var terminalEffects: [Effect] { session.terminalEffects }

    init(size: Size = .minimum, externalEditor: Bool = false, desktopDatabase: String? = nil, charset: Charset = .utf8,
         setup: (Workspace) throws -> Void = { _ in }) throws {
        try TestStore.requireBackend(supportedBy: [.sqlcipher])
        directory = NSTemporaryDirectory() + "trcaa-tui-\(UUID().uuidString)"
        workspace = try Workspace.open(WorkspaceOptions(dataDirectory: directory), environment: ["TRCAA_DB_KEY": "tui-test"])
        try setup(workspace)
        var status = StatusInfo(databaseName: "trcaa.db", keySource: "env",
                                keyDescription: "environment variable TRCAA_DB_KEY", dataDirectory: "/data/trcaa")
        status.desktopDatabase = desktopDatabase
        var state = AppState(size: size, status: status, now: Self.now, hasExternalEditor: externalEditor)
        state.workingDirectory = directory  // Exports a test does not aim elsewhere stay in its store's directory.
        session = HeadlessSession(
            state: state,
            runner: EffectRunner(workspace: workspace, describe: { "\($0)" }), charset: charset)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func send(_ msg: Msg) { session.send(msg) }

    /// Presses the first key bound to `action` in the focused contexts.
    func press(_ action: Action, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let key = Keymap.standard.key(for: action, in: Keymap.chain(for: state.focus)) else {
            Issue.record("no key for \(action) in \(state.focus)", sourceLocation: sourceLocation)
            return
        }
        session.press(key)
    }

    func type(_ text: String) { text.forEach { session.press(.char($0)) } }

    var screen: [String] { session.frame().lines }

    /// The role of the cell where `text` first starts on screen (ASCII text).
    func role(of text: String) -> Role? {
        let frame = session.frame()
        for (y, line) in frame.lines.enumerated() {
            guard let range = line.range(of: text) else { continue }
            return frame[line.distance(from: line.startIndex, to: range.lowerBound), y].role
        }
        return nil
    }

    var screenText: String { screen.joined(separator: "\n") }

    var list: IssueListState? { state.top(IssueListState.self) }

    var detail: IssueDetailState? { state.top(IssueDetailState.self) }

    /// The row that shows `text`, if any.
    func row(containing text: String) -> String? { screen.first { $0.contains(text) } }
}
