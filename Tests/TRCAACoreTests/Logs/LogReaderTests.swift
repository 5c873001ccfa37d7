import Foundation
import Testing
import TRCAACore
import TRCAAStore
import TestSupport

/// Random access: any line range read through the block index equals the text split in
/// lines, whatever the block size and wherever lines cross block boundaries.
@Suite struct LogReaderTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "Reader")).id
    }

    private func store(_ bytes: [UInt8], blockSize: Int) throws -> String {
        var options = LogImportOptions()
        options.blockSize = blockSize
        return try fixture.logs.importLog(issueId: issueId, path: try fixture.file("r-\(blockSize).log", bytes),
                                          options: options).id
    }

    /// The text's lines as the reader should return them (without `\n`).
    private func expectedLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        if bytes.last == 10 || bytes.isEmpty { lines.removeLast() }
        return lines
    }

    @Test(arguments: [512, 4096, 1 << 20])
    func everyRangeMatchesTheSplitText(blockSize: Int) throws {
        var bytes = SyntheticLog.text(3000)
        bytes += [UInt8](repeating: UInt8(ascii: "z"), count: 3 * blockSize) + [10]  // a line over several blocks
        bytes += Array("\r\nlast line without newline".utf8)
        let expected = expectedLines(bytes)
        let reader = try fixture.logs.reader(try store(bytes, blockSize: blockSize))
        #expect(reader.lineCount == expected.count)
        let ranges = [0..<1, 0..<10, 17..<18, 1499..<1530, 2990..<3002, 2999..<3005, 3001..<3002, 3001..<4000, 4000..<4010]
        for range in ranges {
            let lines = try reader.lines(range)
            let clamped = range.clamped(to: 0..<expected.count)
            #expect(lines.map(\.number) == Array(clamped), "\(range)")
            #expect(lines.map(\.bytes) == Array(expected[clamped]), "\(range)")
        }
        // Offsets point at the line starts.
        for line in try reader.lines(2000..<2003) {
            #expect(Array(bytes[Int(line.offset)..<(Int(line.offset) + line.bytes.count)]) == line.bytes)
        }
        var streamed: [UInt8] = []
        try reader.stream { streamed += $0 }
        #expect(streamed == bytes)
    }

    @Test func excerptsHaveTheLineTheyStartOnAndTheirBytes() throws {
        let bytes = SyntheticLog.text(5000)
        let reader = try fixture.logs.reader(try store(bytes, blockSize: 4096))
        // Empty, one byte, across chunk and block boundaries, the last byte, past the end.
        let ranges: [Range<Int64>] = [0..<0, 1..<2, 5000..<5100, 65_530..<70_000, 100_000..<300_000,
                                      Int64(bytes.count - 1)..<Int64(bytes.count)]
        let excerpts = try reader.excerpts(ranges)
        #expect(excerpts.map(\.line) == ranges.map { bytes[..<Int($0.lowerBound)].filter { $0 == 10 }.count })
        #expect(excerpts.map(\.bytes) == ranges.map { Array(bytes[Int($0.lowerBound)..<Int($0.upperBound)]) })
        let pastTheEnd = try reader.excerpts([Int64(bytes.count + 5)..<Int64(bytes.count + 9)])
        #expect(pastTheEnd.map(\.line) == [reader.lineCount - 1] && pastTheEnd.map(\.bytes) == [[]])
    }

    @Test func levelSummaryCountsErrorsAndWarningsPerBlock() throws {
        let bytes = SyntheticLog.text(4000)
        let reader = try fixture.logs.reader(try store(bytes, blockSize: 8192))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(reader.levelSummary.count > 10)
        #expect(reader.levelSummary.reduce(0) { $0 + $1.errors } == text.components(separatedBy: " ERROR ").count - 1)
        #expect(reader.levelSummary.reduce(0) { $0 + $1.warnings } == text.components(separatedBy: " WARN ").count - 1)
    }

    /// Mining reads each line's level once per shape of line, and the index takes the counts
    /// from it; without mining the index classifies every line itself. Either way a block
    /// counts the lines that start in it, each classified whole (real lines, many cut by a
    /// block boundary).
    @Test(arguments: [true, false])
    func eachBlockCountsTheLevelsOfTheLinesStartingInIt(minesPatterns: Bool) throws {
        let samples = SharedFiles.path("data/loghub")
        let bytes = try ["Android_2k.log", "Hadoop_2k.log", "Apache_2k.log", "OpenSSH_2k.log"]
            .flatMap { [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(samples)/\($0)"))) }
        var options = LogImportOptions()
        (options.blockSize, options.minesPatterns) = (4096, minesPatterns)
        let id = try fixture.logs.importLog(issueId: issueId, path: try fixture.file("levels.log", bytes), options: options).id
        let summary = try fixture.logs.reader(id).levelSummary
        let levels = expectedLines(bytes).map { line in line.withUnsafeBytes { LogLevel.classify($0) } }
        let ends = summary.dropFirst().map(\.firstLine) + [levels.count]
        let expected = zip(summary.map(\.firstLine), ends).map { first, end in
            (levels[first..<end].filter { $0 == .error }.count, levels[first..<end].filter { $0 == .warning }.count)
        }
        #expect(summary.count > 200)
        #expect(expected.reduce(0) { $0 + $1.0 } > 100 && expected.reduce(0) { $0 + $1.1 } > 100)
        #expect(summary.map { [$0.errors, $0.warnings] } == expected.map { [$0.0, $0.1] })
    }

    @Test func logsStoredByTheOriginalAppAreReadWithoutAnIndex() throws {
        // The original stored plain `gzip -6` output and no trcaa index.
        let bytes = SyntheticLog.text(1200) + Array("tail".utf8)
        let gzip = try run(["gzip", "-6", "-c", "-n"], input: bytes).output
        let id = "0190a0b0-0000-7000-8000-000000000001"
        let db = fixture.workspace.database
        try db.execute("""
            INSERT INTO log_files (id, issue_id, file_name, file_path, file_size, content_hash, content_compressed)
            VALUES (?, ?, 'legacy.log', '/var/log/legacy.log', ?, '', ?)
            """, [.text(id), .text(issueId), .integer(Int64(bytes.count)),
                  db.sealed(.blob(gzip), for: BlobCell(table: "log_files", column: "content_compressed", key: .text(id)))])
        let reader = try fixture.logs.reader(id)
        #expect(reader.lineCount == 1201)
        #expect(try reader.lines(1199..<1300).map(\.text) == [String(SyntheticLog.lines(1200)[1199].dropLast()), "tail"])
        #expect(try fixture.logs.detail(id).lineCount == nil)
    }

    @Test func forEachLineStopsWhenAsked() throws {
        let reader = try fixture.logs.reader(try store(SyntheticLog.text(100), blockSize: 512))
        var seen: [Int] = []
        try reader.forEachLine(from: 40) { number, _, _ in
            seen.append(number)
            return seen.count < 3
        }
        #expect(seen == [40, 41, 42])
    }
}
