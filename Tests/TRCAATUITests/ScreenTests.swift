import Testing
@testable import TRCAATUI

/// Whole screens at 80x24 and 120x40 against golden files (`TRCAA_UPDATE_GOLDENS=1` rewrites).
@Suite struct ScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test(arguments: sizes) func issueList(size: Size) {
        Golden.expect(Fixtures.render(Fixtures.state(size)), matches: "issue-list-\(size)")
    }

    @Test(arguments: sizes) func issueOverview(size: Size) {
        Golden.expect(Fixtures.render(Fixtures.state(size, detailTab: .overview)), matches: "overview-\(size)")
    }

    @Test(arguments: sizes) func fiveWhys(size: Size) {
        Golden.expect(Fixtures.render(Fixtures.state(size, detailTab: .whys)), matches: "whys-\(size)")
    }

    @Test(arguments: sizes) func timeline(size: Size) {
        Golden.expect(Fixtures.render(Fixtures.state(size, detailTab: .timeline)), matches: "timeline-\(size)")
    }

    @Test(arguments: sizes) func actionItems(size: Size) {
        Golden.expect(Fixtures.render(Fixtures.state(size, detailTab: .actions)), matches: "actions-\(size)")
    }

    @Test func helpOverlay() {
        let state = Fixtures.state(.minimum)
        let screen = Fixtures.render(Fixtures.state(.minimum, overlay: .help(HelpState(focus: state.focus))))
        Golden.expect(screen, matches: "help-80x24")
    }

    @Test func deleteConfirmation() {
        var state = Fixtures.state(.minimum)
        _ = App.update(&state, .action(.deleteIssue))
        Golden.expect(Fixtures.render(state), matches: "confirm-delete-80x24")
    }

    @Test func wideCharactersAreNeverTornAtColumnEdges() throws {
        let screen = Fixtures.render(Fixtures.state(.minimum))
        let row = try #require(screen.first { $0.contains("数据库") })
        #expect(DisplayWidth.columns(of: row) == 80)
    }

    @Test func aTerminalTooSmallSaysSoInsteadOfDrawing() {
        let screen = Fixtures.render(Fixtures.state(Size(width: 40, height: 10)))
        #expect(screen.contains { $0.contains("terminal too small") })
        #expect(screen.contains { $0.contains("now 40x10") })
    }

    @Test func resizingKeepsTheSelectionVisible() {
        var state = Fixtures.state(Size(width: 120, height: 40))
        _ = App.update(&state, .action(.bottom))
        _ = App.update(&state, .resize(Size(width: 80, height: 24)))
        let screen = Fixtures.render(state)
        #expect(screen.contains { $0.contains("Café printer") })
    }
}
