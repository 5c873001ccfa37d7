import Testing
@testable import TRCAACore

/// Patterns mined at import (across index blocks), stored, read back, mined on first use
/// for a log stored without them, and filtering the viewer by pattern without reading text.
@Suite struct LogMessagePatternTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "Patterns")).id
    }

    /// 3 000 lines: a chatty pattern, a rare error every 500 lines, and a very long line that
    /// small blocks cut through.
    private var text: String {
        (0..<3000).map { index in
            let time = String(format: "Mar  3 %02d:%02d:%02d web01 app[9]: ", index / 3600, index / 60 % 60, index % 60)
            return time + (index % 500 == 7 ? "ERROR disk \(index % 3) failed\n"
                : index == 1500 ? "dump " + String(repeating: "x", count: 9000) + "\n"
                : "request \(index) served in \(index % 40) ms\n")
        }.joined()
    }

    /// `LogTimestamp` of line `index` of `text`.
    private func time(ofLine index: Int) -> Int? {
        let line = text.split(separator: "\n")[index]
        return Array(line.utf8).withUnsafeBytes { LogTimestamp.seconds($0) }
    }

    private func store(blockSize: Int) throws -> String {
        var options = LogImportOptions()
        options.blockSize = blockSize
        return try fixture.logs.importLog(issueId: issueId, path: try fixture.file("p-\(blockSize).log", Array(text.utf8)),
                                          options: options).id
    }

    @Test func importStoresPatternsAndEachLinesPatternWhateverTheBlocks() throws {
        let whole = try store(blockSize: 1 << 20)
        let small = try store(blockSize: 4096)
        let patterns = try fixture.logs.patterns(whole)
        #expect(patterns.map(\.template) == ["request <num> served in <num> <*>", "ERROR disk <num> failed",
                                             "dump " + String(repeating: "x", count: 9000)])
        #expect(patterns.map(\.count) == [2993, 6, 1])
        #expect(patterns[1].level == .error && patterns[1].firstLine == 7 && patterns[1].lastLine == 2507)
        #expect(patterns[1].firstTime == time(ofLine: 7) && patterns[1].lastTime == time(ofLine: 2507))
        #expect(patterns[0].firstTime == time(ofLine: 0) && patterns[0].lastTime == time(ofLine: 2999))
        #expect(try fixture.logs.patterns(small) == patterns)
        let errors = (0..<6).map { $0 * 500 + 7 }
        #expect(try fixture.logs.lines(whole, inPatterns: [2]) == errors)
        #expect(try fixture.logs.lines(small, inPatterns: [2]) == errors)
        #expect(try fixture.logs.lines(small, inPatterns: [3]) == [1500])
        let histogram = try fixture.logs.patternHistogram(small, buckets: 6)
        #expect(histogram[2] == [1, 1, 1, 1, 1, 1])
    }

    @Test func theViewerFiltersByPatternWithTextFiltersOnTop() throws {
        let id = try store(blockSize: 4096)
        let keep = LineFilter(text: "pattern 2", ignoringCase: false, excludes: false, patterns: [2])
        #expect(try fixture.logs.filterLines(id, [keep], redacted: false) == (0..<6).map { $0 * 500 + 7 })
        let text = LineFilter(text: "disk 1", ignoringCase: false, excludes: false)
        #expect(try fixture.logs.filterLines(id, [keep, text], redacted: false) == [7, 1507])
        let hide = LineFilter(text: "hidden", ignoringCase: false, excludes: true, patterns: [1, 3])
        #expect(try fixture.logs.filterLines(id, [hide], redacted: false)?.count == 6)
        #expect(try fixture.logs.findLine(id, .text("disk", ignoringCase: false), from: 8, forward: true, redacted: false,
                                          filters: [hide]) == 507)
    }

    @Test func aLogStoredWithoutPatternsIsMinedOnFirstUseAndKept() throws {
        let id = try store(blockSize: 4096)
        let mined = try fixture.logs.patterns(id)
        _ = try fixture.shellSQL("DELETE FROM log_pattern_sets;")
        var reported: [Int64] = []
        #expect(try fixture.logs.patterns(id, progress: { read, _ in reported.append(read) }) == mined)
        #expect(reported.last == Int64(text.utf8.count))
        #expect(try fixture.logs.lines(id, inPatterns: [3]) == [1500])
        reported = []
        _ = try fixture.logs.patterns(id, progress: { read, _ in reported.append(read) })
        #expect(reported.isEmpty)
    }
}
