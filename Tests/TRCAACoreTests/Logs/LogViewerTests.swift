import Foundation
import Testing
import TRCAACore

/// What the log viewer reads: lines with PII marks in the stored and redacted views, and the
/// next or previous line with a text or a level, across index blocks.
@Suite struct LogViewerTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "Viewer")).id
    }

    private func store(_ text: String, blockSize: Int = 1 << 20) throws -> String {
        var options = LogImportOptions()
        options.blockSize = blockSize
        return try fixture.logs.importLog(issueId: issueId, path: try fixture.file("v-\(blockSize).log", Array(text.utf8)),
                                          options: options).id
    }

    @Test func linesCarryTheirPIIInBothViews() throws {
        let id = try store("boot ok\nlogin from alice@example.com ok\nWARN disk 91%\n")
        let plain = try fixture.logs.viewerLines(id, 0..<3, redacted: false)
        #expect(plain.map(\.number) == [0, 1, 2])
        let mark = try #require(plain[1].pii.first)
        #expect(mark.type == "Email")
        #expect(String(decoding: plain[1].bytes[mark.range], as: UTF8.self) == "alice@example.com")
        #expect(plain.map(\.level) == [.none, .none, .warning])

        let redacted = try fixture.logs.viewerLines(id, 1..<2, redacted: true)
        let token = try #require(redacted.first?.pii.first)
        #expect(String(decoding: redacted[0].bytes, as: UTF8.self) == "login from [Email] ok")
        #expect(String(decoding: redacted[0].bytes[token.range], as: UTF8.self) == "[Email]")
        #expect(token.spanId == mark.spanId)
    }

    @Test func veryLongLinesAreCutForDisplay() throws {
        let id = try store(String(repeating: "x", count: ViewerLine.displayLimit + 100) + "\nnext\n")
        let lines = try fixture.logs.viewerLines(id, 0..<2, redacted: false)
        #expect(lines[0].bytes.count == ViewerLine.displayLimit)
        #expect(lines[0].cutBytes == 100)
        #expect(lines[1].bytes == Array("next".utf8))
    }

    @Test(arguments: [256, 1 << 20])
    func findsTheNearestLineEitherWay(blockSize: Int) throws {
        var text = ""
        for number in 0..<400 {
            let line = switch number {
            case 50, 300: "2026-11-23 ERROR payment gateway timeout #\(number)\n"
            case 120: "2026-11-23 WARN retrying #\(number)\n"
            default: "2026-11-23 INFO request served #\(number)\n"
            }
            text += line
        }
        let id = try store(text, blockSize: blockSize)
        let logs = fixture.logs
        #expect(try logs.findLine(id, .level(.error), from: 0, forward: true, redacted: false) == 50)
        #expect(try logs.findLine(id, .level(.error), from: 50, forward: true, redacted: false) == 300)
        #expect(try logs.findLine(id, .level(.error), from: 300, forward: true, redacted: false) == nil)
        #expect(try logs.findLine(id, .level(.error), from: 299, forward: false, redacted: false) == 50)
        #expect(try logs.findLine(id, .level(.warning), from: 399, forward: false, redacted: false) == 120)
        #expect(try logs.findLine(id, .text("GATEWAY", ignoringCase: true), from: 60, forward: true, redacted: false) == 300)
        #expect(try logs.findLine(id, .text("GATEWAY", ignoringCase: false), from: 0, forward: true, redacted: false) == nil)
        #expect(try logs.findLine(id, .text("#399", ignoringCase: false), from: 0, forward: true, redacted: false) == 399)
        #expect(try logs.findLine(id, .text("#0", ignoringCase: false), from: 399, forward: false, redacted: false) == 0)
    }

    @Test func theRedactedViewIsSearchedAsShown() throws {
        let id = try store("mail bob@example.org now\nplain line\n")
        #expect(try fixture.logs.findLine(id, .text("bob@", ignoringCase: false), from: -1, forward: true, redacted: false) == 0)
        #expect(try fixture.logs.findLine(id, .text("bob@", ignoringCase: false), from: -1, forward: true, redacted: true) == nil)
        #expect(try fixture.logs.findLine(id, .text("[Email]", ignoringCase: false), from: -1, forward: true, redacted: true) == 0)
    }
}

extension LogViewerTests {
    @Test func crlfLinesShowWithoutTheCarriageReturn() throws {
        let id = try store("first\r\nsecond\r\n")
        #expect(try fixture.logs.viewerLines(id, 0..<2, redacted: false).map(\.bytes) == [Array("first".utf8), Array("second".utf8)])
        #expect(try fixture.logs.lines(id, 0..<1).first?.bytes == Array("first\r".utf8))
    }
}

extension LogViewerTests {
    @Test func filtersKeepOrHideLinesAndSearchesStayInside() throws {
        let id = try store((0..<50).map { "line \($0) " + ($0 % 10 == 0 ? "GC pause" : "request ok") + "\n" }.joined())
        let logs = fixture.logs
        let pauses = LineFilter(text: "gc pause", ignoringCase: true, excludes: false)
        #expect(try logs.filterLines(id, [pauses], redacted: false) == [0, 10, 20, 30, 40])
        let others = LineFilter(text: "GC pause", ignoringCase: false, excludes: true)
        #expect(try logs.filterLines(id, [others], redacted: false)?.count == 45)
        #expect(try logs.findLine(id, .text("line 3", ignoringCase: false), from: 0, forward: true, redacted: false,
                                  filters: [pauses]) == 30)
        #expect(try logs.viewerLines(id, numbers: [10, 40], redacted: false).map(\.number) == [10, 40])
    }

    @Test func filtersStackIncludesAnyExcludesEveryAndOffOnesHideNothing() throws {
        let id = try store((0..<60).map { number in
            let kind = number % 3 == 0 ? "Failed password" : number % 3 == 1 ? "Invalid user" : "Accepted publickey"
            return "\(kind) for root from 10.0.0.\(number % 5) port \(number)\n"
        }.joined())
        let logs = fixture.logs
        let failed = LineFilter(text: "Failed password", ignoringCase: false, excludes: false)
        let invalid = LineFilter(text: "invalid user", ignoringCase: true, excludes: false)
        let local = LineFilter(text: #"from 10\.0\.0\.[01] "#, ignoringCase: false, excludes: true, isRegex: true)
        // Two include filters: a line with either; one exclude filter: none with it.
        let shown = try #require(try logs.filterLines(id, [failed, invalid, local], redacted: false))
        #expect(shown == (0..<60).filter { $0 % 3 != 2 && $0 % 5 > 1 })
        // Turned off, a filter hides nothing and keeps nothing.
        var off = local
        off.isEnabled = false
        #expect(try logs.filterLines(id, [failed, invalid, off], redacted: false) == (0..<60).filter { $0 % 3 != 2 })
        #expect(try logs.filterLines(id, [off], redacted: false)?.count == 60)
        // A regular expression searches too.
        #expect(try logs.findLine(id, .regex("port 4[0-9]", ignoringCase: false), from: 0, forward: true, redacted: false,
                                  filters: [invalid]) == 40)
        #expect(throws: TriageError.self) {
            try logs.filterLines(id, [LineFilter(text: "(", ignoringCase: false, excludes: false, isRegex: true)], redacted: false)
        }
    }
}

extension LogViewerTests {
    @Test func withoutTimesTheHistogramGoesByPosition() throws {
        let id = try store((0..<100).map { $0 % 25 == 0 ? "ERROR boom \($0)\n" : "fine \($0)\n" }.joined())
        let histogram = try fixture.logs.histogram(id, buckets: 4)
        #expect(!histogram.isByTime)
        #expect(histogram.buckets.map(\.label) == ["line 1", "line 26", "line 51", "line 76"])
        #expect(histogram.buckets.map(\.lines) == [25, 25, 25, 25])
        #expect(histogram.buckets.map(\.errors) == [1, 1, 1, 1])
        #expect(histogram.buckets.map(\.firstLine) == [0, 25, 50, 75])
    }
}

extension LogViewerTests {
    @Test func longScansReportProgressAndStopWhenAsked() throws {
        let count = LogService.progressLines * 3
        let id = try store(String(repeating: "quiet line\n", count: count) + "needle\n")
        var reports: [Int] = []
        let found = try fixture.logs.findLine(id, .text("needle", ignoringCase: false), from: -1, forward: true,
                                              redacted: false, progress: { reports.append($0) })
        #expect(found == count)
        #expect(reports == [1, 2, 3].map { $0 * LogService.progressLines })
        #expect(try fixture.logs.findLine(id, .text("needle", ignoringCase: false), from: -1, forward: true,
                                          redacted: false, shouldStop: { true }) == nil)
        let filter = LineFilter(text: "needle", ignoringCase: false, excludes: false)
        #expect(try fixture.logs.filterLines(id, [filter], redacted: false, shouldStop: { true }) == nil)
        #expect(try fixture.logs.filterLines(id, [filter], redacted: false) == [count])
    }
}

extension LogViewerTests {
    @Test func topValuesRankAPIITypesValuesByCount() throws {
        let attackers = ["203.0.113.7": 5, "198.51.100.23": 3, "192.0.2.44": 3, "10.0.0.5": 1]
        var lines: [String] = []
        for (address, count) in attackers.sorted(by: { $0.key < $1.key }) {
            lines += (0..<count).map { "Failed password for root from \(address) port \(40_000 + $0) ssh2" }
        }
        lines.append("Accepted publickey for deploy from 10.0.0.5 port 22 ssh2, mail ops@example.com")
        let id = try store(lines.shuffled().joined(separator: "\n") + "\n")
        let (top, distinct) = try fixture.logs.topValues(id, type: "IPv4", limit: 3)
        #expect(distinct == 4)
        #expect(top.map(\.value) == ["203.0.113.7", top[1].value, top[2].value])
        #expect(top.map(\.count) == [5, 3, 3])
        #expect(Set(top[1...].map(\.value)) == ["198.51.100.23", "192.0.2.44"])
        #expect(top[1].firstLine < top[2].firstLine, "ties in order of first appearance")
        #expect(try fixture.logs.topValues(id, type: "Email").values.map(\.value) == ["ops@example.com"])
    }
}
