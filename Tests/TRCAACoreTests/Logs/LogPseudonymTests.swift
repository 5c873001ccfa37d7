import Foundation
import Testing
@testable import TRCAACore

/// A stored log's redacted view is the same whichever way it is read — streamed (export,
/// `log show`), line by line (`log show --lines`, grep) or as viewer lines anywhere in the log —
/// and the same as redacting its text in memory, with plain or numbered tokens.
@Suite struct LogPseudonymTests {
    let fixture: CoreFixture
    let text: [UInt8]
    let logId: String

    init() throws {
        fixture = try CoreFixture()
        let issueId = try fixture.issues.create(IssueDraft(title: "Pseudonyms")).id
        // ~450 KB of addresses: values straddle the reader's 64 KiB chunks and the 8 KiB blocks.
        text = Array(((0..<12_000).map { "from 10.0.\($0 % 7).\($0 % 5) to 192.168.\($0 % 3).1 ok\n" }.joined()
            + "done for carol@example.org\n").utf8)
        var options = LogImportOptions()
        options.blockSize = 8192
        logId = try fixture.logs.importLog(issueId: issueId, path: try fixture.file("hosts.log", text), options: options).id
    }

    /// The text redacted in memory, without the spans starting at `dismissed`.
    private func expected(_ tokens: RedactionTokens, dismissed: Set<Int> = []) -> [UInt8] {
        text.withUnsafeBytes { bytes in
            Redaction.apply(PIIDetector.spans(in: bytes).filter { !dismissed.contains($0.start) }, to: bytes, tokens: tokens)
        }
    }

    private func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Checks every way of reading the redacted view against `expected`.
    private func expectAllPathsGive(_ expected: [UInt8], _ tokens: RedactionTokens,
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        var streamed: [UInt8] = []
        try fixture.logs.stream(logId, redacted: true, tokens: tokens) { streamed += $0 }
        #expect(streamed == expected, "stream, \(tokens)", sourceLocation: sourceLocation)
        let wanted = lines(expected)
        var eachLine: [String] = []
        try fixture.logs.forEachLine(logId, redacted: true, tokens: tokens) { _, _, text in
            eachLine.append(String(decoding: text, as: UTF8.self))
            return true
        }
        #expect(eachLine == wanted, "line by line, \(tokens)", sourceLocation: sourceLocation)
        // Anywhere in the log, as the viewer reads it: the numbers are those of the whole log.
        for range in [0..<20, 7_000..<7_020, 11_990..<12_001] {
            let viewer = try fixture.logs.viewerLines(logId, range, redacted: true, tokens: tokens)
                .map { String(decoding: $0.bytes, as: UTF8.self) }
            #expect(viewer == Array(wanted[range]), "viewer \(range), \(tokens)", sourceLocation: sourceLocation)
            #expect(try fixture.logs.lines(logId, range, redacted: true, tokens: tokens).map(\.text) == Array(wanted[range]),
                    sourceLocation: sourceLocation)
        }
    }

    @Test func everyPathGivesTheViewOfTheWholeText() throws {
        for tokens in RedactionTokens.allCases { try expectAllPathsGive(expected(tokens), tokens) }
        let numbered = lines(expected(.numbered))
        #expect(numbered[0] == "from [IPv4#1] to [IPv4#2] ok" && numbered[35] == "from [IPv4#1] to [IPv4#6] ok")
        #expect(numbered.last == "done for [Email#1]")
        let marks = try fixture.logs.viewerLines(logId, 35..<36, redacted: true, tokens: .numbered)[0].pii
        #expect(marks.map(\.type) == ["IPv4", "IPv4"] && marks[0].range == 5..<13)
    }

    @Test func aDismissedSpanShowsItsValueAndNoLongerCounts() throws {
        let first = try #require(try fixture.logs.spans(logId, type: "IPv4").first)
        try fixture.logs.dismiss(spanIds: [first.id])
        let dismissed: Set<Int> = [Int(first.start)]
        for tokens in RedactionTokens.allCases { try expectAllPathsGive(expected(tokens, dismissed: dismissed), tokens) }
        let numbered = lines(expected(.numbered, dismissed: dismissed))
        #expect(numbered[0] == "from 10.0.0.0 to [IPv4#1] ok", "numbers go by the first remaining appearance")
    }

    @Test func exportsNumberAsTheViewerAndPurgeKeepsPlainTokensUnlessAsked() throws {
        let path = fixture.directory + "/numbered.log"
        _ = try fixture.logs.export(logId, redacted: true, tokens: .numbered, to: path)
        #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == expected(.numbered))
        let audit = try #require(try fixture.audit.list(AuditFilter(action: "export_log_file")).first)
        #expect(audit.details.contains(#""tokens":"numbered""#))

        let numbered = expected(.numbered)
        _ = try fixture.logs.purge(logId, tokens: .numbered)
        var stored: [UInt8] = []
        try fixture.logs.stream(logId) { stored += $0 }
        #expect(stored == numbered)
    }

    @Test func purgeWritesPlainTokensByDefault() throws {
        _ = try fixture.logs.purge(logId)
        var stored: [UInt8] = []
        try fixture.logs.stream(logId) { stored += $0 }
        #expect(stored == expected(.plain))
    }
}
