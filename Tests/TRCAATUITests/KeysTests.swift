import Testing
import TRCAACore
@testable import TRCAATUI

/// Keys that leave things: Esc goes back and never quits; help is read whole at 80 columns.
@Suite struct KeysTests {
    @Test func escGoesBackButNeverQuits() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Disk full on db01")) }
        app.press(.open)
        #expect(app.state.topScreen is IssueDetailState)
        app.press(.close)
        #expect(app.state.topScreen is IssueListState)
        app.press(.close)
        #expect(!app.state.isQuitting && app.terminalEffects.isEmpty)
        #expect(app.state.toast?.text == "q quits trcaa (Esc only goes back)")
        app.press(.back)
        #expect(app.state.isQuitting)
    }

    @Test func helpWrapsLongDescriptionsInsteadOfCuttingThem() throws {
        let app = try TestApp { workspace in
            let issue = try workspace.issues.create(IssueDraft(title: "Disk full on db01"))
            _ = try workspace.whys.add(issueId: issue.id, question: "Why?")
        }
        app.press(.open)
        app.press(.showTab(1))
        app.press(.help)
        let text = app.screen.joined(separator: "\n")
        #expect(!text.contains("…"), "no help line is cut")
        // A description longer than the box goes on, indented, on the next row.
        let rows = app.screen
        let first = try #require(rows.firstIndex { $0.contains("Edit the step's answer and evidence as several") })
        #expect(rows[first + 1].contains("($VISUAL/$EDITOR)"))
    }

    @Test func thePaletteFindsTheActionsOfOtherTabs() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Checkout 502s")) }
        app.press(.open)
        #expect(app.detail?.tab == .overview)
        app.press(.palette)
        app.type("rca")
        guard case .palette(let palette) = app.state.overlay else { Issue.record("no palette"); return }
        let first = try #require(App.paletteEntries(palette).first)
        #expect(first.binding.action == .generateDocument, "“Generate the RCA” before “Quit trcaa”")
        app.press(.confirm)
        #expect(app.detail?.tab == .documents)
        guard case .picker(let picker) = app.state.overlay else { Issue.record("no document picker"); return }
        #expect(picker.options.first?.label.hasPrefix("RCA") == true)
    }
}
