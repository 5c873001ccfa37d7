import Testing
@testable import TRCAACore
import TRCAAStore

/// A log's patterns as stored (migration 114).
@Suite struct PackedPatternSummaryTests {
    let patterns = [
        LogPatternSummary(id: 0, template: LogPatternSummary.otherTemplate, count: 12, level: .none, firstLine: 3, lastLine: 9_000,
                          firstTime: nil, lastTime: nil),
        LogPatternSummary(id: 1, template: "Failed password for <*> from <ip> port <num> ssh2", count: 4_000, level: .error,
                          firstLine: 0, lastLine: 8_999, firstTime: 0, lastTime: 31_000_000),
        LogPatternSummary(id: 2, template: "démarrage de <*> — ok", count: 1, level: .warning, firstLine: 7, lastLine: 7,
                          firstTime: -5, lastTime: nil),
    ]

    @Test func patternsRoundTrip() throws {
        let stored = PackedPatternSummaries.pack(patterns)
        #expect(try PackedPatternSummaries.unpack(stored, count: patterns.count) == patterns)
        #expect(try PackedPatternSummaries.unpack(PackedPatternSummaries.pack([]), count: 0).isEmpty)
    }

    @Test func manyPatternsPackSmall() throws {
        let many = (1...1000).map { index in
            LogPatternSummary(id: index, template: "request <num> to /api/v\(index % 7)/items took <duration>", count: index * 3,
                              level: .none, firstLine: index * 10, lastLine: index * 10 + 500, firstTime: 1000 + index,
                              lastTime: 2000 + index)
        }
        let stored = PackedPatternSummaries.pack(many)
        #expect(try PackedPatternSummaries.unpack(stored, count: many.count) == many)
        #expect(stored.count < 10 * many.count, "about 50 bytes a pattern as text and numbers; under 10 packed")
    }

    @Test func aDamagedOrMiscountedBlobIsRefused() {
        let stored = PackedPatternSummaries.pack(patterns)
        for (bytes, count) in [(stored, 2), (stored, 4), (Array(stored.dropLast()), 3), ([0xff, 0xff, 0xff, 0x7f, 0], 3), ([], 0)] {
            #expect(throws: StoreError.self) { try PackedPatternSummaries.unpack(bytes, count: count) }
        }
    }
}
