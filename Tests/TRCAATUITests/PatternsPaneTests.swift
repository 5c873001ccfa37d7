import Foundation
import Testing
import TRCAACore
@testable import TRCAATUI

/// The patterns pane of the viewer and of the Logs tab: counts and templates, the viewer
/// filtered to one pattern, patterns hidden and shown again, sorting, redaction and the diff.
@Suite struct PatternsPaneTests {
    /// 300 lines of `LogViewerTests.text`: 297 requests, two errors, one warning, one login.
    private func openPatterns() throws -> TestApp {
        let app = try LogViewerTests.openViewer()
        app.press(.showPatterns)
        return app
    }

    private func pane(_ app: TestApp) throws -> PatternsState { try #require(app.state.top(PatternsState.self)) }

    @Test func showsEachKindOfMessageWithItsCountMostFirst() throws {
        let app = try openPatterns()
        #expect(try pane(app).patterns.count == 4)
        #expect(app.row(containing: "4 patterns in 300 lines of gateway.log · by count") != nil)
        #expect(app.row(containing: "COUNT  LV  OVER THE LOG") != nil)
        let first = try #require(app.row(containing: "request <num> served in <*>"))
        #expect(first.contains("296"))
        #expect(app.role(of: "<num>") == .match)
        #expect(app.row(containing: "payment gateway timeout after <*> (<*>)")?.contains(" 2  E ") == true)
        #expect(app.row(containing: "p patterns") == nil)  // the pane's own hints replace the viewer's
        #expect(app.row(containing: "x hide") != nil)
    }

    @Test func enterShowsOnlyThatPatternsLinesInTheViewer() throws {
        let app = try openPatterns()
        app.press(.cycleSort)  // rare first
        #expect(try pane(app).sort == .rare)
        app.press(.moveDown)
        app.press(.moveDown)  // the errors, after the login and the warning (once each, first seen first)
        #expect(try pane(app).selected?.template == "payment gateway timeout after <*> (<*>)")
        app.press(.open)
        let viewer = try #require(app.state.top(LogViewerState.self))
        #expect(viewer.filtered == [119, 249])
        #expect(viewer.filters.map(\.text) == ["pattern 3: payment gateway timeout after <*> (<*>)"])
        #expect(app.row(containing: " 120 2026-11-23 10:02:00 ERROR payment gateway timeout") != nil)
        app.press(.showPatterns)
        #expect(try pane(app).sort == .rare)  // the order chosen last
        #expect(try pane(app).selected?.id == 3)  // where Enter left it
        app.press(.moveUp)
        app.press(.open)
        app.press(.showPatterns)
        #expect(try pane(app).selected?.template == "retry budget low")
    }

    @Test func hiddenPatternsLeaveTheRestAndComeBackWithShiftX() throws {
        let app = try openPatterns()
        app.press(.hidePattern)  // the requests
        #expect(try pane(app).hidden == [1])
        #expect(app.row(containing: "(hidden) request <num> served in <*>") != nil)
        app.press(.back)
        #expect(app.state.top(LogViewerState.self)?.filtered == [9, 119, 199, 249])
        app.press(.showPatterns)
        #expect(try pane(app).hidden == [1])
        app.press(.showAllPatterns)
        app.press(.back)
        #expect(app.state.top(LogViewerState.self)?.isFiltering == false)
    }

    @Test func aPatternIsAttachedToAWhyAsEvidence() throws {
        let app = try openPatterns()
        app.press(.moveDown)  // the errors
        app.press(.attachMarks)
        guard case .picker(let picker) = app.state.overlay else { Issue.record("no picker"); return }
        #expect(picker.title == "Attach pattern 3 and its first lines to" && picker.options.map(\.label) == ["#1 Why did checkout fail?"])
        app.press(.confirm)
        let steps = app.state.screens(IssueDetailState.self).compactMap { $0.detail?.steps }
        #expect(steps.first?.first?.evidence == """
            gateway.log: pattern 3, 2 lines (lines 120–250): payment gateway timeout after <*> (<*>)
            gateway.log:120: 2026-11-23 10:02:00 ERROR payment gateway timeout after 30s (#120)
            gateway.log:250: 2026-11-23 10:02:00 ERROR payment gateway timeout after 30s (#250)
            """)
    }

    @Test func theRedactedViewRedactsTemplatesAndRTurnsPaneAndViewerTogether() throws {
        let app = try LogViewerTests.openViewer()
        app.press(.toggleRedacted)
        app.press(.showPatterns)
        #expect(try pane(app).redacted)
        #expect(app.row(containing: "login from [Email] accepted") != nil)
        #expect(app.row(containing: "alice@example.com") == nil)
        #expect(app.row(containing: "of gateway.log · by count · redacted") != nil)
        app.press(.toggleRedacted)
        #expect(app.row(containing: "login from alice@example.com accepted") != nil)
        #expect(app.state.screens(LogViewerState.self).last?.view == .stored)
        app.press(.toggleRedacted)
        app.press(.cycleSort)  // rare first: the login
        app.press(.open)
        let viewer = try #require(app.state.top(LogViewerState.self))
        #expect(viewer.view == .redacted(.plain))
        #expect(viewer.filters.map(\.text) == ["pattern 2: login from [Email] accepted"])
        #expect(app.row(containing: "  10 2026-11-23 10:00:10 INFO login from [Email] accepted") != nil)
    }

    /// An issue with good.log (`tick 1`, `tick 2`, `started`) and bad.log (`tick 3`, `disk
    /// full`), on its Logs tab; the id of bad.log.
    private func twoRuns() throws -> (TestApp, String) {
        var logId = ""
        let app = try TestApp { workspace in
            let issue = try workspace.issues.create(IssueDraft(title: "Two runs"))
            let directory = NSTemporaryDirectory() + "trcaa-patterns-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            for (name, text) in [("good.log", "tick 1\ntick 2\nstarted\n"), ("bad.log", "tick 3\ndisk full\n")] {
                let path = directory + "/" + name
                try Array(text.utf8).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
                logId = try workspace.logs.importLog(issueId: issue.id, path: path).id
            }
        }
        app.press(.open)
        app.press(.showTab(3))
        return (app, logId)
    }

    @Test func theLogsTabOpensThePatternsAndComparesWithTheNextLog() throws {
        let (app, logId) = try twoRuns()
        app.press(.showPatterns)
        #expect(try pane(app).fileName == "good.log")
        app.press(.diffPatterns)
        #expect(try pane(app).diff?.otherId == logId)
        #expect(app.row(containing: "New here (not in bad.log): 1") != nil)
        #expect(app.row(containing: "+ 1") != nil && app.row(containing: "started") != nil)
        app.press(.toggleRedacted)  // while the diff shows
        app.press(.diffPatterns)
        #expect(try pane(app).diff == nil)
        #expect(try pane(app).redacted && pane(app).isLoading == false)
        #expect(app.row(containing: "· redacted") != nil)
    }

    /// Enter on a row of the diff shows that pattern's lines: a new or changed one in this
    /// log, a gone one in the other log.
    @Test func enterOnADiffRowShowsThatPatternsLinesInItsLog() throws {
        let (app, badLog) = try twoRuns()
        app.press(.showPatterns)
        app.press(.diffPatterns)
        app.press(.moveDown)  // + started
        app.press(.open)
        var viewer = try #require(app.state.top(LogViewerState.self))
        #expect(viewer.fileName == "good.log" && viewer.filtered == [2])
        app.press(.showPatterns)
        app.press(.diffPatterns)
        for _ in 0..<3 { app.press(.moveDown) }  // - disk full
        app.press(.open)
        viewer = try #require(app.state.top(LogViewerState.self))
        #expect(viewer.logId == badLog && viewer.filtered == [1])
        #expect(app.row(containing: "   2 disk full") != nil)
    }
}
