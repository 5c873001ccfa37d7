import Foundation
import Glibc
import Testing
import TRCAACore
import TRCAAStore

/// Every refused import says why and stores nothing: no row, span, audit row or event.
@Suite struct LogBadInputTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "Bad input")).id
    }

    /// Rows an import writes, per table.
    private func storedRows() throws -> [Int] {
        try ["log_files", "log_pii_runs", "pii_spans", "audit_log", "timeline_events", "log_blocks", "log_stats"].map(fixture.count)
    }

    private func expectNothingStored(_ expected: ImportError, path: String, options: LogImportOptions = LogImportOptions(),
                                     shouldStop: @escaping () -> Bool = { false },
                                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try storedRows()
        #expect(throws: expected, sourceLocation: sourceLocation) {
            try fixture.logs.importLog(issueId: issueId, path: path, options: options, shouldStop: shouldStop)
        }
        let after = try storedRows()
        #expect(after == before, sourceLocation: sourceLocation)
    }

    @Test func missingDirectoryAndFIFOAreNotFiles() throws {
        try expectNothingStored(.missingFile(path: fixture.directory + "/nope.log"), path: fixture.directory + "/nope.log")
        try expectNothingStored(.notAFile(path: fixture.directory, kind: "a directory"), path: fixture.directory)
        let fifo = fixture.directory + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        try expectNothingStored(.notAFile(path: fifo, kind: "a FIFO (pipe it to stdin with '-' instead)"), path: fifo)
    }

    @Test func anUnreadableFileSaysWhy() throws {
        // A regular file whose read fails for everyone, root included.
        try expectNothingStored(.unreadable(path: "/proc/self/mem", reason: "Input/output error"), path: "/proc/self/mem")
    }

    @Test func aLogOverTheLimitIsRefusedWithTheLimit() throws {
        let path = try fixture.file("big.log", SyntheticLog.text(2000))
        var options = LogImportOptions()
        options.maximumSize = 10_000
        options.blockSize = 4096
        do {
            _ = try fixture.logs.importLog(issueId: issueId, path: path, options: options)
            Issue.record("a log over the limit was imported")
        } catch ImportError.tooLarge(let name, let size, let limit) {
            #expect(name == "big.log" && limit == 10_000 && size > 10_000)
        }
        #expect(try fixture.count("log_files") == 0)
    }

    @Test func binaryContentNeedsTheFlag() throws {
        let bytes = Array("header\n".utf8) + [0, 1, 2, 3] + Array("\nmore\n".utf8)
        let path = try fixture.file("core.dump", bytes)
        try expectNothingStored(.binary(name: "core.dump", offset: 7), path: path)
        var options = LogImportOptions()
        options.allowBinary = true
        let log = try fixture.logs.importLog(issueId: issueId, path: path, options: options)
        #expect(try run(["gzip", "-d", "-c"], input: try fixture.storedGzip(log.id)).output == bytes)
    }

    @Test func corruptAndTruncatedGzipStoreNothing() throws {
        let gzip = try run(["gzip", "-c"], input: SyntheticLog.text(3000)).output
        let truncated = try fixture.file("cut.gz", Array(gzip.prefix(gzip.count / 2)))
        try expectNothingStored(.corruptCompressed(name: "cut", reason: "the gzip data ends early (truncated file?)"),
                                path: truncated)
        var damaged = gzip
        for index in stride(from: 40, to: 400, by: 7) { damaged[index] ^= 0x5A }
        let path = try fixture.file("damaged.gz", damaged)
        #expect(throws: ImportError.self) { try fixture.logs.importLog(issueId: issueId, path: path) }
        #expect(try fixture.count("log_files") == 0)
    }

    @Test func anInterruptedImportLeavesNoPartialRow() throws {
        let path = try fixture.file("long.log", SyntheticLog.text(5000))
        var options = LogImportOptions()
        options.blockSize = 4096
        var blocks = 0
        try expectNothingStored(.interrupted, path: path, options: options, shouldStop: {
            blocks += 1
            return blocks > 3
        })
    }

    @Test(.sqlcipherOnly) func aFailingWriteAtTheEndStoresNothing() throws {
        // The text, index and spans are written in one transaction once the file is read: a
        // write that fails there (a full disk, here a trigger on the span runs) rolls it all back.
        try fixture.workspace.database.execute("""
            CREATE TEMP TRIGGER refuse_spans BEFORE INSERT ON main.log_pii_runs BEGIN SELECT RAISE(ABORT, 'no room'); END
            """)
        var text: [UInt8] = []
        for line in 0..<20_000 { text += Array("\(line) login from 10.1.\(line % 250).\(line % 200) ok\n".utf8) }
        let path = try fixture.file("busy.log", text)
        var options = LogImportOptions()
        options.blockSize = 4096
        let before = try storedRows()
        #expect(throws: StoreError.self) { try fixture.logs.importLog(issueId: issueId, path: path, options: options) }
        let after = try storedRows()
        #expect(after == before)
        try fixture.workspace.database.execute("DROP TRIGGER temp.refuse_spans")
        #expect(try fixture.logs.importLog(issueId: issueId, path: path, options: options).spanCount == 20_000)
    }

    @Test func anUnknownIssueIsRefusedBeforeReading() throws {
        let path = try fixture.file("a.log", Array("a\n".utf8))
        #expect(throws: TriageError.unknownID(kind: "issue", prefix: "no-such-issue")) {
            try fixture.logs.importLog(issueId: "no-such-issue", path: path)
        }
    }
}
