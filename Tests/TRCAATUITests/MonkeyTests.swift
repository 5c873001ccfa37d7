import Foundation
import Testing
import TRCAACore
@testable import TRCAATUI

/// Thousands of random keys and resizes on a real store with issues, whys, a log with PII and
/// documents: the interface never traps, and every frame fills the screen it is drawn for.
@Suite struct MonkeyTests {
    /// A fixed-seed generator, so a failure replays.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11 &* 0x9E37_79B9
        }
    }

    @Test(arguments: [1, 2, 3]) func randomKeysNeverBreakTheInterface(seed: UInt64) throws {
        let (app, _) = try LogViewerTests.app(log: LogViewerTests.text + "\n\n" + "mail ann@example.org, 10.0.0.1\n")
        try app.workspace.documents.generate(.rca, issueId: try #require(app.list?.selectedIssue?.issue.id))
        var random = Random(state: seed)
        let bound = Keymap.standard.bindings.values.flatMap { $0.flatMap(\.keys) }
        let typed: [Key] = "abc/!?:1-9 gxyz".map { .char($0) } + [.backspace, .enter, .escape, .tab, .ctrl("u")]
        let keys = Array(Set(bound.map(\.label))).sorted().compactMap { Key(label: $0) } + typed
        press(keys, times: 1500, on: app, random: &random)
    }

    /// The same in the log viewer, with the keys that leave it left out.
    @Test(arguments: [4, 5]) func randomKeysInTheLogViewer(seed: UInt64) throws {
        let (app, _) = try LogViewerTests.app(log: LogViewerTests.text + "\n\n" + "mail ann@example.org, 10.0.0.1\n"
                                              + String(repeating: "y", count: 20_000) + "\n")
        app.press(.open)
        app.press(.showTab(3))
        app.press(.open)
        var random = Random(state: seed)
        let viewer = Keymap.standard.bindings[.logViewer, default: []] + Keymap.standard.bindings[.navigation, default: []]
        let keys = viewer.flatMap(\.keys) + "gateway!:42 ".map { .char($0) } + [.enter, .backspace, .char("n"), .char("y")]
        press(keys, times: 1000, on: app, random: &random)
        if !(app.state.topScreen is LogViewerState) { Issue.record("left the viewer") }
    }

    /// Presses `times` keys drawn from `keys`, resizing now and then; checks every frame.
    private func press(_ keys: [Key], times: Int, on app: TestApp, random: inout Random) {
        let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 61, height: 17),
                     Size(width: 200, height: 60), Size(width: 30, height: 8)]
        for step in 0..<times {
            if step % 97 == 0 { app.send(.resize(sizes.randomElement(using: &random)!)) }  // Safe: not empty.
            let key = keys.randomElement(using: &random)!  // Safe: not empty.
            // Quitting and suspending are for the terminal; everything else runs.
            if key == .char("Q") || key == .ctrl("c") || key == .ctrl("z") { continue }
            app.send(.key(key))
            let frame = app.screen
            #expect(frame.count == app.state.size.height, "step \(step) after \(key.label)")
            #expect(frame.allSatisfy { DisplayWidth.columns(of: $0) == app.state.size.width }, "step \(step) after \(key.label)")
        }
    }
}
