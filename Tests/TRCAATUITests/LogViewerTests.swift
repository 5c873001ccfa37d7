import Synchronization
import Foundation
import Testing
import TRCAACore
@testable import TRCAATUI

/// The log viewer on a real stored log: opening, moving, level jumps, search, the redacted
/// view, marks attached as evidence, and dismissing PII.
@Suite struct LogViewerTests {
    /// 300 lines: an e-mail on line 10, errors on 120 and 250, a warning on 200 (1-based).
    static let text: String = (1...300).map { number in
        switch number {
        case 10: "2026-11-23 10:00:10 INFO login from alice@example.com accepted"
        case 120, 250: "2026-11-23 10:02:00 ERROR payment gateway timeout after 30s (#\(number))"
        case 200: "2026-11-23 10:03:20 WARN retry budget low"
        default: "2026-11-23 10:00:00 INFO request \(number) served in 12ms"
        }
    }.joined(separator: "\n") + "\n"

    /// An app on a real store with one issue (and a why) whose log is `text`, stored as `fileName`.
    static func app(log text: String, fileName: String = "gateway.log", size: Size = .minimum) throws -> (TestApp, String) {
        var logId = ""
        let app = try TestApp(size: size) { workspace in
            let issue = try workspace.issues.create(IssueDraft(title: "Checkout errors"))
            _ = try workspace.whys.add(issueId: issue.id, question: "Why did checkout fail?")
            let directory = NSTemporaryDirectory() + "trcaa-viewer-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let path = directory + "/" + fileName
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            logId = try workspace.logs.importLog(issueId: issue.id, path: path).id
        }
        return (app, logId)
    }

    /// The viewer open on `text` (by default the 300 lines above).
    static func openViewer(size: Size = .minimum, log text: String = Self.text) throws -> TestApp {
        let app = try Self.app(log: text, size: size).0
        app.press(.open)
        app.press(.showTab(3))
        app.press(.open)
        return app
    }

    private func viewerState(_ app: TestApp) -> LogViewerState? { app.state.top(LogViewerState.self) }

    @Test func opensAtTheFirstLineWithNumbersAndTheLegend() throws {
        let app = try Self.openViewer()
        let viewer = try #require(viewerState(app))
        #expect(viewer.lineCount == 300)
        #expect(app.screen[0].contains("Checkout errors") == false)
        #expect(app.row(containing: "line 1 of 300 lines") != nil)
        #expect(app.row(containing: "Email 1") != nil)
        #expect(app.row(containing: "   1 2026-11-23 10:00:00 INFO request 1 served") != nil)
        #expect(app.row(containing: "alice@example.com") != nil)
        // `?` searches backward here, so the footer offers help on F1.
        #expect(app.row(containing: "F1 help") != nil)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func screens(size: Size) throws {
        let app = try Self.openViewer(size: size)
        // The issue id in the breadcrumb changes with every run.
        let id = String(try #require(viewerState(app)).issueId.prefix(8))
        let screen = { app.screen.map { $0.replacingOccurrences(of: id, with: "01234567") } }
        app.press(.nextError)
        app.press(.toggleMark)
        Golden.expect(screen(), matches: "log-viewer-\(size)")
        app.press(.search)
        app.type("gateway")
        app.press(.confirm)
        app.press(.toggleRedacted)
        app.press(.top)
        Golden.expect(screen(), matches: "log-viewer-redacted-\(size)")
    }

    @Test func levelJumpsAndSearchFindTheNearestLine() throws {
        let app = try Self.openViewer()
        app.press(.nextError)
        #expect(viewerState(app)?.cursor.selected == 119)
        app.press(.nextError)
        #expect(viewerState(app)?.cursor.selected == 249)
        app.press(.nextError)
        #expect(viewerState(app)?.cursor.selected == 249)
        #expect(app.state.toast?.text == "no more: an error line not found")
        app.press(.previousWarning)
        #expect(viewerState(app)?.cursor.selected == 199)
        #expect(app.row(containing: "WARN retry budget low") != nil)

        app.press(.top)
        app.press(.search)
        app.type("gateway")
        app.press(.confirm)
        #expect(viewerState(app)?.cursor.selected == 119)
        app.press(.nextHit)
        #expect(viewerState(app)?.cursor.selected == 249)
        app.press(.previousHit)
        #expect(viewerState(app)?.cursor.selected == 119)
        app.press(.bottom)
        #expect(viewerState(app)?.cursor.selected == 299)
        app.press(.palette)
        app.type("42")
        app.press(.confirm)
        #expect(viewerState(app)?.cursor.selected == 41)
    }

    @Test func filtersShowOrHideLinesAndTheCursorKeepsItsLine() throws {
        let app = try Self.openViewer()
        app.press(.nextError)
        app.press(.filter)
        app.type("gateway")
        app.press(.confirm)
        #expect(app.row(containing: "1 of 2 lines with “gateway”") != nil)
        #expect(app.row(containing: "  120 2026-11-23 10:02:00 ERROR payment gateway") != nil)
        #expect(app.row(containing: "  250 2026-11-23 10:02:00 ERROR payment gateway") != nil)
        #expect(app.row(containing: "INFO request") == nil)
        app.press(.moveDown)
        #expect(viewerState(app)?.selectedLine?.number == 249)
        app.press(.clearFilters)
        #expect(viewerState(app)?.cursor.selected == 249)
        #expect(app.row(containing: "line 250 of 300 lines") != nil)

        app.press(.filter)
        app.type("!request")
        app.press(.confirm)
        #expect(app.row(containing: "of 4 lines without “request”") != nil)
        #expect(viewerState(app)?.selectedLine?.number == 249)
        app.press(.top)
        app.press(.nextWarning)
        #expect(viewerState(app)?.selectedLine?.number == 199)
    }

    /// An sshd log: failed passwords, invalid users and accepted keys from four addresses.
    static let sshd: [String] = (0..<240).map { number in
        let address = ["203.0.113.7", "198.51.100.23", "10.0.0.5", "192.0.2.44"][number % 4]
        let event = ["Failed password for root", "Invalid user oracle", "Accepted publickey for deploy"][number % 3]
        return "Dec 10 06:55:\(String(format: "%02d", number % 60)) LabSZ sshd[\(24_000 + number)]: \(event) from \(address) port \(40_000 + number)"
    }

    @Test func filtersStackAndEachCanBeTurnedOffOrRemoved() throws {
        let app = try Self.openViewer(size: Size(width: 120, height: 30), log: Self.sshd.joined(separator: "\n") + "\n")
        func shown(_ keep: (String) -> Bool) -> Int { Self.sshd.filter(keep).count }
        let attacks = { (line: String) in line.contains("Failed password") || line.contains("Invalid user") }
        for filter in ["Failed password", "Invalid user", "!10.0.0.5"] {
            app.press(.filter)
            app.type(filter)
            app.press(.confirm)
        }
        let attackers = shown { attacks($0) && !$0.contains("10.0.0.5") }
        #expect(viewerState(app)?.rowCount == attackers)
        #expect(app.row(containing: "1 of \(attackers) lines · 3 filters (Tab lists them)") != nil)
        #expect(app.row(containing: "Accepted publickey") == nil && app.row(containing: "10.0.0.5") == nil)
        // The list: the exclude filter turned off brings the internal address back.
        app.press(.showFilters)
        guard case .picker(let list) = app.state.overlay else { Issue.record("no filter list"); return }
        #expect(list.options.map(\.label) == ["in   Failed password", "in   Invalid user", "out  10.0.0.5"])
        app.press(.moveDown)
        app.press(.moveDown)
        app.press(.toggleChoice)
        app.press(.confirm)
        #expect(viewerState(app)?.rowCount == shown(attacks))
        #expect(app.row(containing: "10.0.0.5") != nil)
        // Removed, a filter is gone; one include filter left says what it keeps.
        app.press(.showFilters)
        app.press(.removeChoice)
        app.press(.moveDown)
        app.press(.removeChoice)
        app.press(.confirm)
        #expect(viewerState(app)?.filters.count == 1)
        #expect(viewerState(app)?.rowCount == shown { $0.contains("Invalid user") })
        #expect(app.row(containing: "lines with “Invalid user”") != nil)
        app.press(.clearFilters)
        #expect(viewerState(app)?.rowCount == Self.sshd.count)
    }

    @Test func marksFiltersTheSearchAndTheViewComeBackWhenTheLogIsOpenedAgain() throws {
        let app = try Self.openViewer(size: Size(width: 120, height: 30), log: Self.sshd.joined(separator: "\n") + "\n")
        app.press(.toggleRedacted)
        app.press(.toggleMark)
        app.press(.filter)
        app.type("Invalid user")
        app.press(.confirm)
        app.press(.search)
        app.type("oracle")
        app.press(.confirm)
        let before = try #require(viewerState(app))
        app.press(.back)
        #expect(!(app.state.topScreen is LogViewerState))
        app.press(.open)
        let after = try #require(viewerState(app))
        #expect(after.marks == before.marks && after.marks.count == 1)
        #expect(after.filters == before.filters && after.rowCount == Self.sshd.filter { $0.contains("Invalid user") }.count)
        #expect(after.lastSearch == before.lastSearch)
        #expect(after.view == .redacted(.plain))
    }

    /// Counting a kept search's hits reads the whole log; on the one queue of effects it would
    /// hold up the first screen, so it is asked for once the first lines have arrived.
    @Test func aKeptSearchIsCountedAfterTheFirstLinesOfTheReopenedLog() throws {
        let app = try Self.openViewer(size: Size(width: 120, height: 30), log: Self.sshd.joined(separator: "\n") + "\n")
        app.press(.search)
        app.type("oracle")
        app.press(.confirm)
        let hits = try #require(viewerState(app)?.hits)
        app.press(.back)
        let logs = try #require(app.detail?.detail?.logFiles.first)
        var state = app.state
        let counts = { (effects: [Effect]) in effects.contains { if case .countHits = $0 { true } else { false } } }
        #expect(!counts(App.openLogViewer(logId: logs.id, issueId: logs.issueId, fileName: logs.fileName, in: &state)))
        let loads = App.logOpened(logs.id, lineCount: Self.sshd.count, pii: [], in: &state)
        #expect(!counts(loads))
        guard case .loadLogLines(_, let offset, _, _, _, let generation)? = loads.first else {
            Issue.record("the first screen's lines are asked for at once: \(loads)")
            return
        }
        #expect(counts(App.logLinesLoaded(logs.id, offset: offset, lines: [], generation: generation, in: &state)))
        app.press(.open)
        #expect(viewerState(app)?.hits == hits)
    }

    @Test func aSearchCountsItsHitsAndHighlightsAsYouType() throws {
        let app = try Self.openViewer(size: Size(width: 120, height: 30), log: Self.sshd.joined(separator: "\n") + "\n")
        app.press(.search)
        app.type("orac")
        // Before Enter: the visible hits are highlighted, the prompt is in the status line.
        #expect(app.role(of: "orac") == .match)
        #expect(app.screen.last?.contains("/ search text: orac") == true)
        app.type("le")
        app.press(.confirm)
        let total = Self.sshd.filter { $0.contains("oracle") }.count
        #expect(viewerState(app)?.hits?.count == total)
        #expect(app.row(containing: "hit 1 of \(total) “oracle”") != nil)
        app.press(.nextHit)
        #expect(app.row(containing: "hit 2 of \(total) “oracle”") != nil)
        #expect(viewerState(app)?.selectedLine?.number == 4)
        app.press(.previousHit)
        #expect(viewerState(app)?.selectedLine?.number == 1)
        // Under a filter, the hits are counted among the lines shown.
        app.press(.filter)
        app.type("203.0.113.7")
        app.press(.confirm)
        let shown = Self.sshd.filter { $0.contains("203.0.113.7") && $0.contains("oracle") }.count
        #expect(viewerState(app)?.hits?.count == shown)
        #expect(app.row(containing: "\(shown) hits “oracle”") != nil || app.row(containing: "of \(shown) “oracle”") != nil)
    }

    @Test func topValuesOfAPIITypeAreOneKeyAwayAndEnterFiltersToOne() throws {
        let app = try Self.openViewer(size: Size(width: 120, height: 30), log: Self.sshd.joined(separator: "\n") + "\n")
        app.press(.toggleRedacted)
        app.press(.showTopValues)  // IPv4 is the only kind here: its values come at once.
        guard case .picker(let picker) = app.state.overlay else { Issue.record("no top values"); return }
        #expect(picker.title.hasPrefix("IPv4 in gateway.log: 4 values"))
        #expect(picker.options.count == 4)
        #expect(picker.options.allSatisfy { $0.label.hasPrefix("60  ") })
        #expect(picker.options.first?.value == .text("203.0.113.7"), "ties in order of first appearance")
        app.press(.moveDown)
        app.press(.confirm)
        let viewer = try #require(viewerState(app))
        #expect(viewer.filters.map(\.text) == ["198.51.100.23"])
        #expect(!viewer.view.isRedacted, "values are in the stored text")
        #expect(viewer.rowCount == Self.sshd.filter { $0.contains("198.51.100.23") }.count)
        #expect(app.state.toast?.text.contains("stored text") == true)
    }

    @Test func numberedTokensTellTheAddressesApartInTheRedactedView() throws {
        let app = try Self.openViewer(size: Size(width: 120, height: 30), log: Self.sshd.joined(separator: "\n") + "\n")
        app.press(.toggleNumberedTokens)
        #expect(viewerState(app)?.view == .redacted(.numbered))
        // Addresses cycle through four: lines 1 and 5 share one, lines 1 to 4 differ.
        let rows = (1...5).map { number in app.row(containing: "  \(number) Dec 10 06:55:") ?? "" }
        #expect(rows[0].contains("from [IPv4#1] port") && rows[4].contains("from [IPv4#1] port"))
        #expect(rows[1].contains("[IPv4#2]") && rows[2].contains("[IPv4#3]") && rows[3].contains("[IPv4#4]"))
        #expect(app.row(containing: "REDACTED #") != nil)
        app.press(.toggleNumberedTokens)
        #expect(viewerState(app)?.view == .redacted(.plain))
        #expect(app.row(containing: "  1 Dec 10 06:55:")?.contains("from [IPv4] port") == true)
        app.press(.toggleRedacted)
        #expect(app.row(containing: "203.0.113.7") != nil)
    }

    @Test func aRegularExpressionFilterAndAnInvalidOneKeepsItsPrompt() throws {
        let app = try Self.openViewer(size: Size(width: 120, height: 30), log: Self.sshd.joined(separator: "\n") + "\n")
        app.press(.filter)
        app.press(.toggleRegex)
        app.type("from (203|198)\\.")
        #expect(app.screen.last?.contains("filter regex:") == true, "the prompt is in the status line")
        app.press(.confirm)
        #expect(viewerState(app)?.rowCount == Self.sshd.filter { $0.contains("from 203.") || $0.contains("from 198.") }.count)
        app.press(.filter)
        app.press(.toggleRegex)
        app.type("port (4")
        app.press(.confirm)
        let prompt = try #require(viewerState(app)?.prompt, "an invalid expression keeps the prompt open")
        #expect(prompt.editor.text == "port (4")
        #expect(prompt.error?.hasPrefix("not a regular expression") == true)
        #expect(app.role(of: "not a regular expression") == .error)
        #expect(viewerState(app)?.filters.count == 1)
    }

    @Test func theHistogramShowsLevelsOverTimeAndJumps() throws {
        let app = try Self.openViewer()
        app.press(.showHistogram)
        guard case .picker(let picker) = app.state.overlay else { Issue.record("no histogram"); return }
        #expect(picker.title == "gateway.log over time — Enter jumps there")
        #expect(picker.options.map { String($0.label.prefix(12)) } == ["Nov 23 10:00", "Nov 23 10:01", "Nov 23 10:02", "Nov 23 10:03"])
        #expect(picker.options[2].label.hasSuffix(" 2  2 errors"))
        #expect(picker.options[3].label.hasSuffix(" 1  1 warning"))
        #expect(picker.cursor.selected == 0, "it opens on the slice of the line the cursor is on")
        app.press(.moveDown)
        app.press(.moveDown)
        app.press(.confirm)
        #expect(viewerState(app)?.cursor.selected == 119)
        // Opened again from line 200 (10:03): on that slice; G reaches the last one.
        app.press(.nextWarning)
        app.press(.showHistogram)
        guard case .picker(let again) = app.state.overlay else { Issue.record("no histogram"); return }
        #expect(again.cursor.selected == 3)
        app.press(.top)
        app.press(.bottom)
        guard case .picker(let last) = app.state.overlay else { Issue.record("no histogram"); return }
        #expect(last.cursor.selected == last.options.count - 1)
    }

    @Test func oHandsAPrivateCopyOfTheViewToThePager() throws {
        let app = try Self.openViewer()
        app.press(.toggleRedacted)
        app.press(.openInPager)
        guard case .runPager(let directory, let path) = app.terminalEffects.last else { Issue.record("no pager"); return }
        defer { PrivateTempDirectory.remove(directory) }
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(path.hasSuffix("/gateway.log"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("login from [Email] accepted"))
        #expect(!text.contains("alice@example.com"))
    }

    @Test func piiAndSearchHitsAreDrawnInTheirOwnRoles() throws {
        let app = try Self.openViewer()
        #expect(app.role(of: "alice@example.com") == .piiPersonal)
        #expect(app.role(of: "login from") == .normal)
        app.press(.search)
        app.type("gateway")
        app.press(.confirm)
        #expect(app.role(of: "gateway timeout after 30s (#120)") == .match)
        #expect(app.role(of: "120 2026-11-23 10:02:00 ERROR") == .error, "the number of an error line")
        app.press(.toggleRedacted)
        app.press(.top)
        #expect(app.role(of: "[Email]") == .piiPersonal)
    }

    @Test func theRedactedViewReplacesPIIByItsType() throws {
        let app = try Self.openViewer()
        app.press(.toggleRedacted)
        #expect(app.row(containing: "login from [Email] accepted") != nil)
        #expect(app.row(containing: "alice@example.com") == nil)
        #expect(app.row(containing: "REDACTED") != nil)
        app.press(.toggleRedacted)
        #expect(app.row(containing: "alice@example.com") != nil)
    }

    @Test func markedLinesBecomeEvidenceOfAWhy() throws {
        let app = try Self.openViewer()
        app.press(.nextError)
        app.press(.toggleMark)
        app.press(.nextError)
        app.press(.toggleMark)
        #expect(app.row(containing: "2 marks") != nil)
        app.press(.attachMarks)
        guard case .picker(let picker) = app.state.overlay else { Issue.record("no picker"); return }
        #expect(picker.options.map(\.label) == ["+ a new why", "#1 Why did checkout fail?"])
        app.press(.moveDown)
        app.press(.confirm)
        let steps = app.state.screens(IssueDetailState.self).compactMap { $0.detail?.steps }
        let evidence = try #require(steps.first?.first?.evidence)
        #expect(evidence == """
            gateway.log:120: 2026-11-23 10:02:00 ERROR payment gateway timeout after 30s (#120)
            gateway.log:250: 2026-11-23 10:02:00 ERROR payment gateway timeout after 30s (#250)
            """)
    }

    @Test func dismissingPIIAsksFirstThenClearsTheHighlight() throws {
        let app = try Self.openViewer()
        app.press(.showPII)
        #expect(app.state.toast?.text == "no PII on this line")
        for _ in 0..<9 { app.press(.moveDown) }
        app.press(.showPII)
        guard case .message(_, let text) = app.state.overlay else { Issue.record("no PII details"); return }
        #expect(text.contains("Email: alice@example.com"))
        app.press(.cancel)
        app.press(.dismissPII)
        guard case .confirm(let confirm) = app.state.overlay else { Issue.record("no confirmation"); return }
        #expect(!confirm.yesSelected)
        app.press(.confirm)
        #expect(viewerState(app)?.piiCounts.isEmpty == true)
        #expect(viewerState(app)?.selectedLine?.pii.isEmpty == true)
        #expect(viewerState(app)?.cursor.selected == 9)
        #expect(app.row(containing: "Email 1") == nil)
    }
}

extension LogViewerTests {
    @Test func aSearchReplacedByANewerOneStopsEarly() throws {
        let (app, logId) = try Self.app(log: String(repeating: "quiet line\n", count: 3 * LogService.progressLines) + "needle\n")
        let runner = EffectRunner(workspace: app.workspace, describe: { "\($0)" })
        let find = { (generation: Int) in
            Effect.findInLog(logId: logId, .text("needle", ignoringCase: false), from: -1, forward: true, view: .stored,
                             filters: [], generation: generation)
        }
        runner.submitted(find(1))
        guard case .logLineFound(_, 1, let line) = runner.run(find(1)).first else { Issue.record("no answer"); return }
        #expect(line == 3 * LogService.progressLines)
        runner.submitted(find(2))
        runner.submitted(find(3))
        guard case .logLineFound(_, 2, let stale) = runner.run(find(2)).first else { Issue.record("no answer"); return }
        #expect(stale == nil, "generation 3 replaced it")
    }
}

extension LogViewerTests {
    @Test func aLogWithoutStoredTextSaysSoInsteadOfLoading() throws {
        let (app, logId) = try Self.app(log: "one line\n", size: Size(width: 160, height: 30))
        try app.workspace.database.execute("UPDATE log_files SET content_compressed = NULL WHERE id = ?", [.text(logId)])
        app.press(.open)
        app.press(.showTab(3))
        app.press(.open)
        #expect(app.row(containing: "opening") == nil)
        #expect(app.row(containing: "content was never stored in the database") != nil)
        #expect(app.row(containing: "q goes back") != nil)
    }

    @Test func aSearchOrFilterThatFailsSaysSoAndLetsGo() throws {
        let (app, logId) = try Self.app(log: Self.text)
        app.press(.open)
        app.press(.showTab(3))
        app.press(.open)
        try app.workspace.database.execute("UPDATE log_files SET content_compressed = NULL WHERE id = ?", [.text(logId)])
        app.press(.nextError)
        #expect(app.state.toast?.isError == true)
        #expect(viewerState(app)?.finding == nil)
        app.press(.filter)
        app.type("gateway")
        app.press(.confirm)
        #expect(viewerState(app)?.isFiltering == false, "the filter stays listed, turned off")
        #expect(viewerState(app)?.filters.count == 1)
        #expect(viewerState(app)?.openError != nil, "reloading the lines fails the same way")
    }

    @Test func aPageAskedForBeforeTheViewChangedIsDropped() throws {
        let app = try Self.openViewer()
        let before = try #require(viewerState(app))
        app.press(.toggleRedacted)
        let stale = ViewerLine(number: 9, bytes: Array("stale stored text".utf8), cutBytes: 0, pii: [], level: .none)
        app.send(.logLinesLoaded(logId: before.logId, offset: 9, lines: [stale], generation: before.windowGeneration))
        #expect(app.row(containing: "stale stored text") == nil)
        #expect(app.row(containing: "login from [Email] accepted") != nil)
    }
}

extension LogViewerTests {
    @Test func withSeveralSpansOnALineDismissingAsksWhichOne() throws {
        let app = try Self.openViewer(log: "relay from 10.1.2.3 to bob@example.com ok\n")
        app.press(.dismissPII)
        guard case .picker(let picker) = app.state.overlay else { Issue.record("no choice"); return }
        #expect(picker.options.map(\.label) == ["IPv4 10.1.2.3", "Email bob@example.com", "all 2 on this line"])
        app.press(.confirm)
        guard case .confirm(let confirm) = app.state.overlay else { Issue.record("no confirmation"); return }
        #expect(confirm.title == "Dismiss 1 PII span on line 1?")
        app.press(.toggleChoice)
        app.press(.open)
        #expect(viewerState(app)?.selectedLine?.pii.map(\.type) == ["Email"])
    }
}

extension LogViewerTests {
    @Test func wrappedLinesKeepTheSelectedLineOnScreen() throws {
        let app = try Self.openViewer(log: (1...40).map { "line \($0) " + String(repeating: "x", count: 200) + "\n" }.joined())
        app.press(.toggleWrap)
        for _ in 0..<12 { app.press(.moveDown) }
        #expect(viewerState(app)?.cursor.selected == 12)
        #expect(app.row(containing: "   13 line 13 xxx") != nil)
        #expect(app.row(containing: "    1 line 1 xxx") == nil)
    }
}

extension LogViewerTests {
    @Test func blankLinesAreDrawnAsBlank() throws {
        let app = try Self.openViewer(log: "first\n\n\nfourth\n")
        #expect(app.row(containing: "   1 first") != nil)
        #expect(app.row(containing: "   4 fourth") != nil)
        #expect(app.screen.contains { $0.hasPrefix("    2") })
    }
}

extension LogViewerTests {
    @Test func aWriteWaitingForAnotherProcessSaysSoInTheStatusBar() throws {
        let (app, _) = try Self.app(log: "a line\n")
        let runner = EffectRunner(workspace: app.workspace, describe: { "\($0)" })
        // Another connection (as another process would) holds the write lock for a while.
        let other = try Workspace.open(WorkspaceOptions(dataDirectory: app.directory), environment: ["TRCAA_DB_KEY": "tui-test"])
        try other.database.execute("BEGIN IMMEDIATE")
        nonisolated(unsafe) let committer = other.database  // used by the thread alone from here on
        let release = Thread { usleep(900_000); try? committer.execute("COMMIT") }
        release.start()
        let posted = Mutex<[String?]>([])
        let result = runner.run(.createIssue(IssueDraft(title: "while another writes"))) { msg in
            if case .progress(let text) = msg { posted.withLock { $0.append(text) } }
        }
        guard case .stored(.issueCreated) = result.first else { Issue.record("the write failed: \(result)"); return }
        let texts = posted.withLock { $0 }
        #expect(texts.count == 2 && texts.last == .some(nil), "\(texts)")
        #expect(texts.first??.hasPrefix("waiting for another process to finish writing") == true)
    }
}
