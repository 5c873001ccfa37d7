import Foundation
import Testing
import TRCAACore
@testable import TRCAATUI

/// The patterns of all of an issue's logs (`P` on the Logs tab): one row per kind of message
/// across the logs, which logs hold it, and its lines in the log chosen.
@Suite struct IssuePatternsPaneTests {
    /// An issue with two runs of a job; the second fails.
    private func app() throws -> TestApp {
        let app = try TestApp(size: Size(width: 100, height: 24)) { workspace in
            let issue = try workspace.issues.create(IssueDraft(title: "Two runs"))
            _ = try workspace.whys.add(issueId: issue.id, question: "Why did the second run fail?")
            let directory = NSTemporaryDirectory() + "trcaa-issue-patterns-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let good = (0..<30).map { "job \($0) done for ops@corp.example" } + ["cache warmed"]
            let bad = (0..<5).map { "ERROR disk full on node \($0)" } + (0..<10).map { "job \($0) done for ops@corp.example" }
            for (name, lines) in [("good.log", good), ("bad.log", bad)] {
                let path = directory + "/" + name
                try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
                _ = try workspace.logs.importLog(issueId: issue.id, path: path)
            }
        }
        app.press(.open)
        app.press(.showTab(3))
        app.press(.showIssuePatterns)
        return app
    }

    private func pane(_ app: TestApp) throws -> IssuePatternsState { try #require(app.state.top(IssuePatternsState.self)) }

    @Test func eachKindOfMessageOnceWithTheLogsThatHoldIt() throws {
        let app = try app()
        #expect(try pane(app).patterns.count == 3)
        #expect(app.row(containing: "3 patterns in 2 logs · by count") != nil)
        #expect(app.row(containing: "COUNT  LV  LOGS  TEMPLATE") != nil)
        // 30 of 31 lines of good.log and 10 of 15 of bad.log: both full bars.
        #expect(app.row(containing: "40  ·   ██    job <num> done for ops@corp.example") != nil)
        #expect(app.row(containing: " 5  E   ·█    ERROR disk full on node <num>") != nil)
        #expect(app.row(containing: " 1  ·   ▇·    cache warmed") != nil)
        #expect(app.row(containing: "in L1 good.log: 30 · L2 bad.log: 10") != nil)
        app.press(.cycleSort)  // rare first
        #expect(try pane(app).selected?.template == "cache warmed")
        #expect(app.row(containing: "in L1 good.log: 1") != nil)
        app.press(.toggleRedacted)
        #expect(app.row(containing: "job <num> done for [Email]") != nil && app.row(containing: "ops@corp") == nil)
    }

    @Test func enterAsksWhichLogThenShowsThePatternsLinesThere() throws {
        let app = try app()
        app.press(.toggleRedacted)
        app.press(.open)  // the jobs: in both logs
        guard case .picker(let picker) = app.state.overlay else { Issue.record("no picker"); return }
        #expect(picker.options.map(\.label) == ["L1 good.log · 30 lines", "L2 bad.log · 10 lines"])
        app.press(.moveDown)
        app.press(.confirm)
        let viewer = try #require(app.state.top(LogViewerState.self))
        #expect(viewer.fileName == "bad.log" && viewer.filtered == Array(5..<15))
        #expect(viewer.view == .redacted(.plain))
        #expect(app.row(containing: "job 0 done for [Email]") != nil)
        app.press(.back)
        #expect(app.state.top(IssuePatternsState.self) != nil)
    }

    @Test func aPatternOfSeveralLogsIsAttachedToAWhyWithItsFirstLinesRedacted() throws {
        let app = try app()
        app.press(.toggleRedacted)
        app.press(.attachMarks)
        app.press(.confirm)
        let steps = app.state.screens(IssueDetailState.self).compactMap { $0.detail?.steps }
        #expect(steps.first?.first?.evidence == """
            pattern in good.log (30 lines), bad.log (10 lines): job <num> done for [Email]
            good.log:1: job 0 done for [Email]
            good.log:2: job 1 done for [Email]
            good.log:3: job 2 done for [Email]
            bad.log:6: job 0 done for [Email]
            bad.log:7: job 1 done for [Email]
            bad.log:8: job 2 done for [Email]
            """)
    }

    @Test func aLogShownRedactedKeepsThePaneRedacted() throws {
        let app = try app()
        app.press(.back)
        app.press(.open)  // good.log's viewer
        app.press(.toggleRedacted)
        app.press(.back)
        app.press(.showIssuePatterns)
        #expect(try pane(app).redacted)
        #expect(app.row(containing: "ops@corp") == nil)
    }

    @Test func oneLogOrNoneSaysWhatToDoInstead() throws {
        let app = try TestApp { workspace in _ = try workspace.issues.create(IssueDraft(title: "Empty")) }
        app.press(.open)
        app.press(.showTab(3))
        app.press(.showIssuePatterns)
        #expect(app.state.top(IssuePatternsState.self) == nil)
        #expect(app.row(containing: "no logs in this issue yet") != nil)
    }
}
