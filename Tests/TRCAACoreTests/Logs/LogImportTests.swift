import Foundation
import Testing
import TRCAACore

/// What an import stores: real gzip of exactly the bytes, their SHA-256, the spans, the audit
/// row and the timeline event, in one transaction.
@Suite struct LogImportTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "Checkout failures")).id
    }

    /// Imports `bytes` from a file and checks the stored gzip with `gzip -d` and `sha256sum`.
    @discardableResult
    private func importAndVerify(_ bytes: [UInt8], name: String = "app.log", blockSize: Int? = nil,
                                 compression: LogCompression = .fast,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws -> LogFileDetail {
        var options = LogImportOptions()
        if let blockSize { options.blockSize = blockSize }
        options.compression = compression
        let log = try fixture.logs.importLog(issueId: issueId, path: try fixture.file(name, bytes), options: options)
        try expectStoredGzip(of: log, equals: bytes, sourceLocation: sourceLocation)
        return log
    }

    private func expectStoredGzip(of log: LogFileDetail, equals bytes: [UInt8],
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        let gzip = try fixture.storedGzip(log.id)
        #expect(Array(gzip.prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255], "RFC 1952 header, mtime 0",
                sourceLocation: sourceLocation)
        let inflated = try run(["gzip", "-d", "-c"], input: gzip)
        #expect(inflated.status == 0, sourceLocation: sourceLocation)
        #expect(inflated.output == bytes, "gzip -d gives back exactly the imported bytes", sourceLocation: sourceLocation)
        let digest = String(decoding: try run(["sha256sum"], input: inflated.output).output.prefix(64), as: UTF8.self)
        #expect(digest == log.summary.contentHash, sourceLocation: sourceLocation)
        #expect(log.summary.fileSize == Int64(bytes.count), sourceLocation: sourceLocation)
        #expect(log.compressedSize == Int64(gzip.count), sourceLocation: sourceLocation)
    }

    @Test func textRoundTripsThroughGzipAndSha256sum() throws {
        let bytes = SyntheticLog.text(3000)
        let log = try importAndVerify(bytes)
        #expect(log.lineCount == 3000)
        #expect(log.summary.fileName == "app.log")
        #expect(log.filePath == fixture.directory + "/app.log")
        #expect(log.mimeType == "text/plain")
        #expect(log.errorLines == bytes.split(separator: 10).filter { String(decoding: $0, as: UTF8.self).contains(" ERROR ") }.count)
        #expect(log.warningLines == bytes.split(separator: 10).filter { String(decoding: $0, as: UTF8.self).contains(" WARN ") }.count)
    }

    @Test(arguments: LogCompression.allCases)
    func eitherCompressionStoresOneGzipMemberReadFromAnyBlock(_ compression: LogCompression) throws {
        let bytes = SyntheticLog.text(20_000)
        let log = try importAndVerify(bytes, name: "\(compression).log", blockSize: 64 << 10, compression: compression)
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        #expect(try fixture.logs.reader(log.id).lines(15_000..<15_002).map(\.bytes) == lines[15_000..<15_002].map(Array.init))
    }

    @Test func manySmallBlocksStillMakeOneValidGzipMember() throws {
        let bytes = SyntheticLog.text(20_000)
        let log = try importAndVerify(bytes, blockSize: 4096)
        #expect(try fixture.workspace.database.row("SELECT block_count FROM log_stats WHERE log_file_id = ?", [.text(log.id)])!
            .decode(at: 0, as: Int.self) > 100)
        // One member: a single header, and the trailer gzip itself writes for these bytes.
        let stored = try fixture.storedGzip(log.id)
        let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]
        #expect(stored.indices.dropLast(10).filter { stored[$0..<($0 + 10)].elementsEqual(header) } == [0])
        #expect(stored.suffix(8).elementsEqual(try run(["gzip", "-c"], input: bytes).output.suffix(8)))
    }

    @Test func invalidUTF8CRLFLongLinesAndEmptyFilesAreKeptByteForByte() throws {
        try importAndVerify([0x66, 0x6F, 0xFF, 0xFE, 0x0A, 0xC3, 0x28, 0x0A, 0xE2, 0x82], name: "latin.log")
        try importAndVerify(Array("GET / 200\r\nPOST /login 302\r\n".utf8), name: "crlf.log")
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20) + [10, 65, 10]
        let log = try importAndVerify(long, name: "long.log", blockSize: 1 << 20)
        #expect(log.lineCount == 2)
        let empty = try importAndVerify([], name: "empty.log")
        #expect(empty.lineCount == 0)
        #expect(empty.summary.contentHash == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func gzipInputIsStoredDecompressedUnderItsNameWithoutGz() throws {
        let bytes = SyntheticLog.text(500)
        let gzipped = try run(["gzip", "-c", "-9"], input: bytes).output
        let log = try fixture.logs.importLog(issueId: issueId, path: try fixture.file("syslog.1.gz", gzipped))
        try expectStoredGzip(of: log, equals: bytes)
        #expect(log.summary.fileName == "syslog.1")
        #expect(log.sourceWasCompressed == true)
        // Concatenated members are one stream to gunzip, and to trcaa.
        let twice = gzipped + gzipped
        let double = try fixture.logs.importLog(issueId: issueId, path: try fixture.file("twice", twice))
        try expectStoredGzip(of: double, equals: bytes + bytes)
    }

    @Test func oneTransactionWritesRowSpansAuditAndTimelineEvent() throws {
        let bytes = Array("ok\nlogin by bob@example.com from 10.1.2.3\n".utf8)
        let log = try importAndVerify(bytes)
        let spans = try fixture.logs.spans(log.id)
        #expect(spans.map(\.type) == ["Email", "IPv4"])
        #expect(spans.map(\.value) == ["bob@example.com", "10.1.2.3"])
        #expect(spans.map(\.line) == [2, 2])
        #expect(spans.map(\.replacement) == ["[Email]", "[IPv4]"])
        let expected = PIIDetector.spans(in: String(decoding: bytes, as: UTF8.self))
        #expect(spans.map { Int($0.start) } == expected.map(\.start))
        let audit = try #require(try fixture.audit.list(AuditFilter(action: "upload_log_file")).first)
        #expect(audit.entityId == log.id)
        #expect(audit.details.contains("\"content_hash\":\"\(log.summary.contentHash)\""))
        #expect(audit.details.contains("\"pii_spans\":2"))
        let event = try #require(try fixture.timeline.list(issueId: issueId).last)
        #expect(event.eventType == "log_uploaded")
        #expect(event.metadata == #"{"file_name":"app.log","file_size":\#(bytes.count)}"#)
        #expect(try fixture.audit.verify().isIntact)
    }

    @Test func theScannerHandsOverTheBytesOfEachSpan() throws {
        var text = SyntheticLog.text(300)
        text += Array("user=ana@example.org ip=192.168.1.20 \u{00E9}t\u{00E9} card 4111 1111 1111 1111\n".utf8)
        let whole = text.withUnsafeBytes { PIIDetector.spans(in: $0) }
        var scanner = PIIScanner()
        var found: [(PIISpan, [UInt8])] = []
        var offset = 0
        while offset < text.count {
            let end = min(text.count, offset + 13)
            text[offset..<end].withUnsafeBytes { scanner.feed($0) { found.append(($0, Array($1))) } }
            offset = end
        }
        scanner.finish { found.append(($0, Array($1))) }
        #expect(found.map(\.0) == whole)
        #expect(found.allSatisfy { span, value in value == Array(text[span.start..<span.end]) })
    }

    @Test func spansOfALineLongerThanABlockKeepTheirText() throws {
        // Blocks are cut at newlines; a line longer than half a block is cut inside, and the
        // spans near the cut are stored once, with the bytes at their offsets.
        var line = Array("start".utf8)
        for index in 0..<400 { line += Array(" user\(index)@example.org 10.0.\(index % 250).7".utf8) }
        let bytes = Array("short line\n".utf8) + line + [10] + Array("ana@example.org\n".utf8)
        let log = try importAndVerify(bytes, blockSize: 4096)
        let spans = try fixture.logs.spans(log.id)
        #expect(spans.count == 801)
        #expect(Set(spans.map(\.start)).count == spans.count)
        for span in spans {
            #expect(span.value == String(decoding: bytes[Int(span.start)..<Int(span.end)], as: UTF8.self))
        }
    }

    @Test func spansArePackedPerBlockNotARowEach() throws {
        let bytes = SyntheticLog.text(3000)
        let log = try importAndVerify(bytes, blockSize: 4096)
        let expected = bytes.withUnsafeBytes { PIIDetector.spans(in: $0) }
        let stored = try fixture.logs.spans(log.id)
        #expect(stored.map(\.type) == expected.map(\.type.rawValue))
        #expect(stored.map { Int($0.start) } == expected.map(\.start) && stored.map { Int($0.end) } == expected.map(\.end))
        #expect(try fixture.count("pii_spans") == 0, "pii_spans holds reviewed spans only")
        let blocks = try fixture.count("log_blocks")
        #expect(try fixture.count("log_pii_runs") == 1, "\(expected.count) spans fill one run, across \(blocks) blocks")
        let packed = try #require(try fixture.workspace.database.scalar("SELECT sum(length(spans)) FROM log_pii_runs", as: Int.self))
        #expect(packed < 5 * expected.count)
        #expect(try fixture.logs.detail(log.id).spanCount == expected.count)
    }

    @Test func severalImportsKeepTheirOwnIndexes() throws {
        let first = try importAndVerify(SyntheticLog.text(100, seed: 1), name: "a.log")
        let second = try importAndVerify(SyntheticLog.text(200, seed: 2), name: "b.log")
        #expect(try fixture.logs.list(issueId: issueId).map(\.id) == [first.id, second.id])
        #expect(try fixture.logs.reader(second.id).lineCount == 200)
    }
}
