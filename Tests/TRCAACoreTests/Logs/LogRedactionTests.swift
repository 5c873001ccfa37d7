import Foundation
import Glibc
import Testing
@testable import TRCAACore
import TRCAAStore

/// Review and redaction of a stored log: dismissing spans, the redacted view, purging the
/// stored text, exporting.
@Suite struct LogRedactionTests {
    let fixture: CoreFixture
    let issueId: String
    let text: [UInt8]
    let logId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "Redaction")).id
        text = SyntheticLog.text(2000) + Array("""
            key block:
            -----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7
            -----END PRIVATE KEY-----
            done for carol@example.org

            """.utf8)
        var options = LogImportOptions()
        options.blockSize = 8192
        logId = try fixture.logs.importLog(issueId: issueId, path: try fixture.file("app.log", text), options: options).id
    }

    private var redactedText: [UInt8] {
        text.withUnsafeBytes { Redaction.apply(PIIDetector.spans(in: $0), to: $0) }
    }

    @Test func theRedactedStreamIsTheTextWithEveryStoredSpanReplaced() throws {
        var streamed: [UInt8] = []
        try fixture.logs.stream(logId, redacted: true) { streamed += $0 }
        #expect(streamed == redactedText)
        #expect(!String(decoding: streamed, as: UTF8.self).contains("carol@example.org"))
        #expect(String(decoding: streamed, as: UTF8.self).contains("key block:\n[PrivateKey]\ndone for [Email]"))
    }

    @Test func redactedLinesKeepTheStoredLineNumbers() throws {
        let lines = try fixture.logs.lines(logId, 2000..<2005, redacted: true).map(\.text)
        #expect(lines == ["key block:", "[PrivateKey]", "", "", "done for [Email]"])
        let plain = try fixture.logs.lines(logId, 2004..<2005).map(\.text)
        #expect(plain == ["done for carol@example.org"])
    }

    @Test func dismissingAFalsePositiveRemovesItFromTheViewAndAuditsIt() throws {
        let email = try #require(try fixture.logs.spans(logId, type: "Email").last)
        #expect(email.line == 2005)
        let emails = try fixture.logs.spans(logId, type: "Email").count
        func counted() throws -> Int? { try fixture.logs.detail(logId).piiCounts.first { $0.type == "Email" }?.count }
        #expect(try counted() == emails)
        let removed = try fixture.logs.dismiss(spanIds: [email.id])
        #expect(try counted() == emails - 1, "the per-type counts follow dismissals")
        #expect(removed.map(\.id) == [email.id])
        #expect(try fixture.logs.lines(logId, 2004..<2005, redacted: true).map(\.text) == ["done for carol@example.org"])
        let audit = try #require(try fixture.audit.list(AuditFilter(action: "dismiss_pii_span")).first)
        #expect(!audit.details.contains("carol"), "the value stays out of the audit log")
        // The decision is a `pii_spans` row, as the original's columns hold it: nothing replaced.
        let db = fixture.workspace.database
        let review = try #require(try db.row(
            "SELECT pii_type, start_offset, end_offset, original_value, replacement FROM pii_spans WHERE id = ?",
            [.text(audit.entityId)]))
        #expect(try review.decode(at: 0, as: String.self) == "Email" && review.decode(at: 1) == email.start
                && review.decode(at: 2) == email.end)
        func opened(_ column: String) throws -> String {  // sealed on a server store
            try db.decodeSealed(column, of: review, cell: BlobCell(table: "pii_spans", column: column, key: .text(audit.entityId)))
        }
        #expect(try opened("original_value") == "carol@example.org" && opened("replacement") == "carol@example.org")
        #expect(try !fixture.logs.spans(logId).contains { $0.start == email.start }, "it left the packed store")
        #expect(throws: TriageError.unknownID(kind: "PII span", prefix: email.id)) {
            try fixture.logs.dismiss(spanIds: [email.id])
        }
        #expect(throws: TriageError.unknownID(kind: "PII span", prefix: "ffffffff")) { try fixture.logs.resolveSpan("ffffffff") }
    }

    @Test func purgeReplacesTheStoredTextAndRecordsBothHashes() throws {
        let before = try fixture.logs.detail(logId)
        let result = try fixture.logs.purge(logId)
        let expected = redactedText
        #expect(result.spansRemoved == before.spanCount)
        #expect(result.oldHash == before.summary.contentHash)
        #expect(result.newSize == Int64(expected.count))
        let after = try fixture.logs.detail(logId)
        #expect(after.summary.redacted)
        #expect(after.summary.contentHash == result.newHash)
        #expect(after.spanCount == 0)
        #expect(try fixture.count("pii_spans") == 0)
        let inflated = try run(["gzip", "-d", "-c"], input: try fixture.storedGzip(logId)).output
        #expect(inflated == expected)
        #expect(String(decoding: try run(["sha256sum"], input: inflated).output.prefix(64), as: UTF8.self) == result.newHash)
        // The key's three lines became one token.
        #expect(try fixture.logs.lines(logId, 2000..<2003).map(\.text) == ["key block:", "[PrivateKey]", "done for [Email]"])
        #expect(after.lineCount == expected.filter { $0 == 10 }.count)
        let audit = try #require(try fixture.audit.list(AuditFilter(action: "redact_log_file")).first)
        #expect(audit.details.contains("\"old_hash\":\"\(result.oldHash)\"") && audit.details.contains("\"new_hash\":\"\(result.newHash)\""))
        // Nothing left to purge: the log stays as it is.
        #expect(try fixture.logs.purge(logId).spansRemoved == 0)
        #expect(try fixture.logs.detail(logId).summary.contentHash == result.newHash)
    }

    @Test func exportWritesA0600FileAndNeverClobbers() throws {
        let path = fixture.directory + "/out/raw.log"
        try FileManager.default.createDirectory(atPath: fixture.directory + "/out", withIntermediateDirectories: true)
        #expect(try fixture.logs.export(logId, redacted: false, to: path) == path)
        #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == text)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(throws: TriageError.exportExists(path: path)) { try fixture.logs.export(logId, redacted: true, to: path) }
        #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == text)
        _ = try fixture.logs.export(logId, redacted: true, to: path, replacing: true)
        #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == redactedText)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.directory + "/out") == ["raw.log"])
        #expect(try fixture.audit.list(AuditFilter(action: "export_log_file")).count == 2)
        #expect(throws: TriageError.exportDirectoryMissing(path: fixture.directory + "/missing")) {
            try fixture.logs.export(logId, redacted: false, to: fixture.directory + "/missing/x.log")
        }
    }

    @Test func grepFindsLinesWithTheirNumbersInTheRawOrRedactedView() throws {
        var hits: [Int] = []
        let count = try fixture.logs.grep(try LogPattern("carol@[a-z]+\\.org")) { _, line, _ in
            hits.append(line)
            return true
        }
        #expect(count == 1 && hits == [2005])
        #expect(try fixture.logs.grep(try LogPattern("carol@", fixed: true), redacted: true) { _, _, _ in true } == 0)
        var texts: [String] = []
        try fixture.logs.grep(try LogPattern("DONE FOR", ignoringCase: true), redacted: true) { _, _, text in
            texts.append(String(decoding: text, as: UTF8.self))
            return true
        }
        #expect(texts == ["done for [Email]"])
        let lines = SyntheticLog.lines(2000)
        let errors = lines.filter { $0.contains(" ERROR ") }.count
        #expect(try fixture.logs.grep(try LogPattern(" ERROR ", fixed: true), issueId: issueId) { _, _, _ in true } == errors)
        var stoppedAfter = 0
        try fixture.logs.grep(try LogPattern("INFO")) { _, _, _ in
            stoppedAfter += 1
            return stoppedAfter < 5
        }
        #expect(stoppedAfter == 5)
    }
}

@Suite struct LogPatternTests {
    @Test func patternsMatchBytesIncludingNULAndInvalidUTF8() throws {
        let line: [UInt8] = [0x61, 0x00, 0xFF, 0x62, 0x63, 0x20, 0x61, 0x62, 0x63]
        let regex = try LogPattern("b+c")
        #expect(line.withUnsafeBytes { regex.ranges(in: $0) } == [3..<5, 7..<9])
        let fixed = try LogPattern("ABC", fixed: true, ignoringCase: true)
        #expect(line.withUnsafeBytes { fixed.ranges(in: $0) } == [6..<9])
        #expect([UInt8]().withUnsafeBytes { try! LogPattern("^$").matches($0) })
        #expect(throws: TriageError.self) { try LogPattern("a(b") }
    }
}
