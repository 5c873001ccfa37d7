import Testing
@testable import TRCAACore

/// Templates in the redacted view: a value every line of a pattern wrote stays in its
/// template's text, and the redacted view must not show it.
@Suite struct PatternTemplateRedactionTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "Templates")).id
    }

    private func store(_ name: String, _ lines: [String]) throws -> String {
        try fixture.logs.importLog(issueId: issueId, path: try fixture.file(name, Array((lines.joined(separator: "\n") + "\n").utf8))).id
    }

    private func lines(mailbox: String) -> [String] {
        (0..<40).map { "2026-03-03 10:00:\(String(format: "%02d", $0)) INFO mail for \(mailbox) queued as \($0 * 7)" }
            + (0..<40).map { "2026-03-03 10:01:\(String(format: "%02d", $0)) WARN retry \($0) of job \($0 * 3)" }
    }

    @Test func literalPIIInATemplateIsReplacedByItsTokenAndVariablesStay() throws {
        let id = try store("mail.log", lines(mailbox: "ops@corp.example"))
        let stored = try fixture.logs.patterns(id)
        #expect(stored.map(\.template) == ["mail for ops@corp.example queued as <num>", "retry <num> of job <num>"])
        let redacted = try fixture.logs.patterns(id, redacted: true)
        #expect(redacted.map(\.template) == ["mail for [Email] queued as <num>", "retry <num> of job <num>"])
        #expect(redacted.map(\.count) == stored.map(\.count) && redacted.map(\.id) == stored.map(\.id))
    }

    @Test func aDiffMatchesStoredTemplatesThenRedactsThem() throws {
        let good = try store("good.log", lines(mailbox: "ops@corp.example"))
        let bad = try store("bad.log", lines(mailbox: "dev@corp.example"))
        let diff = LogPatternDiff(before: try fixture.logs.patterns(good), linesBefore: 80,
                                  after: try fixture.logs.patterns(bad), linesAfter: 80).redactingTemplates()
        // Two mailboxes are two patterns, though both read the same once redacted.
        #expect(diff.added.map(\.template) == ["mail for [Email] queued as <num>"])
        #expect(diff.removed.map(\.template) == ["mail for [Email] queued as <num>"])
        #expect(diff.changed.map(\.template) == ["retry <num> of job <num>"])
    }

    @Test func theOtherBucketKeepsItsOwnText() {
        let other = LogPatternSummary(id: LogPatternSummary.otherId, template: LogPatternSummary.otherTemplate, count: 3,
                                      level: .none, firstLine: 0, lastLine: 2, firstTime: nil, lastTime: nil)
        #expect(LogPatternSummary.redactingTemplates([other]) == [other])
    }
}
