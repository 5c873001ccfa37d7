import Testing
import TRCAACore

/// Line N read through the block index is line N of the imported text, and the stored text
/// streams back whole, for generated texts and block sizes (the stored-log fuzz target checks
/// the same on arbitrary bytes, and damaged blobs).
@Suite struct LogReaderPropertyTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "Reader properties")).id
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func everyLineReadsBackAsImported(seed: UInt64) throws {
        var random = PIIPropertyTests.SeededRandom(state: seed)
        var text: [UInt8] = []
        for _ in 0..<Int.random(in: 1...400, using: &random) {
            let length = [0, 1, 80, 700, 5000].randomElement(using: &random)!
            text += (0..<length).map { _ in UInt8.random(in: 32...126, using: &random) }
            text += Bool.random(using: &random) ? [10] : [13, 10]
        }
        if Bool.random(using: &random) { text.removeLast() }  // a last line without its newline
        var options = LogImportOptions()
        options.blockSize = [64, 500, 4096, 65_536].randomElement(using: &random)!
        let path = try fixture.file("p-\(seed).log", text)
        let reader = try fixture.logs.reader(try fixture.logs.importLog(issueId: issueId, path: path, options: options).id)

        var lines = text.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        if text.last == 10 { lines.removeLast() }
        #expect(reader.lineCount == lines.count, "seed \(seed)")
        for _ in 0..<20 {
            let first = Int.random(in: 0..<lines.count, using: &random)
            #expect(try reader.lines(first..<(first + 2)).map(\.bytes) == Array(lines[first..<min(lines.count, first + 2)]),
                    "seed \(seed), line \(first)")
        }
        var streamed: [UInt8] = []
        try reader.stream { streamed += $0 }
        #expect(streamed == text, "seed \(seed)")
    }
}
