import Testing
@testable import TRCAACore

/// An issue's patterns across its logs: one row per template, with each log's share.
@Suite struct IssuePatternTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "Runs")).id
    }

    private func store(_ name: String, _ lines: [String]) throws -> String {
        try fixture.logs.importLog(issueId: issueId, path: try fixture.file(name, Array((lines.joined(separator: "\n") + "\n").utf8))).id
    }

    @Test func logsPatternsAreGroupedByTemplateInOrderOfFirstAppearance() throws {
        let good = try store("good.log", (0..<30).map { "2026-03-03 10:00:\(String(format: "%02d", $0)) INFO job \($0) done" }
                                + ["2026-03-03 10:01:00 INFO cache warmed"])
        let bad = try store("bad.log", (0..<5).map { "2026-03-04 10:00:0\($0) ERROR disk full on node \($0)" }
                               + (0..<10).map { "2026-03-04 10:01:0\($0) INFO job \($0) done" })
        let merged = try fixture.logs.patterns(ofLogs: try fixture.issues.detail(issueId).logFiles)
        #expect(merged.map(\.template) == ["job <num> done", "cache warmed", "disk full on node <num>"])
        #expect(merged.map(\.id) == [1, 2, 3])
        #expect(merged[0].occurrences.map(\.logId) == [good, bad] && merged[0].count == 40)
        #expect(merged[0].occurrences.map(\.pattern.count) == [30, 10])
        #expect(merged[2].level == .error && merged[2].occurrences.map(\.logId) == [bad])
        #expect(LogPatternSort.rare.sorted(merged).map(\.id) == [2, 3, 1])
        #expect(LogPatternSort.level.sorted(merged).map(\.id) == [3, 1, 2])
        #expect(LogPatternSort.first.sorted(merged).map(\.id) == [1, 2, 3])
    }

    @Test func otherBucketsStayApartAndTemplatesRedactAcrossOccurrences() {
        let pattern = { (id: Int, template: String) in
            LogPatternSummary(id: id, template: template, count: 2, level: .none, firstLine: id, lastLine: id,
                              firstTime: nil, lastTime: nil)
        }
        let log = { (id: String) in
            LogFileSummary(id: id, issueId: "i", fileName: id + ".log", fileSize: 0, contentHash: "", uploadedAt: "", redacted: false)
        }
        let merged = IssuePattern.merge([
            (log("a"), [pattern(0, LogPatternSummary.otherTemplate), pattern(1, "login from ops@corp.example")]),
            (log("b"), [pattern(0, LogPatternSummary.otherTemplate), pattern(1, "login from ops@corp.example")]),
        ])
        #expect(merged.map(\.occurrences.count) == [1, 2, 1])
        let redacted = IssuePattern.redactingTemplates(merged)
        #expect(redacted[1].template == "login from [Email]")
        #expect(redacted[1].occurrences.allSatisfy { $0.pattern.template == "login from [Email]" })
        #expect(redacted[0].template == LogPatternSummary.otherTemplate)
    }
}
