import Foundation
import Testing
@testable import TRCAACore

/// The font parser of the PDF writer on damaged fonts (found by fuzzing, target truetype): a
/// damaged font is refused or subset without reading outside its tables, never a crash.
@Suite struct TrueTypeFontTests {
    /// A 3-glyph font (the truetype fuzz seed): .notdef, `A`, and `B` built from `A`.
    private let font = Array(FileManager.default.contents(
        atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../FuzzCorpus/truetype/tiny.ttf").path)!)

    /// Where table `tag` starts, and its directory record.
    private func table(_ tag: String, in bytes: [UInt8]) -> (offset: Int, record: Int) {
        let count = Int(TrueTypeFont.u16(bytes, 4))
        let record = (0..<count).map { 12 + $0 * 16 }.first { Array(bytes[$0..<($0 + 4)]) == Array(tag.utf8) }!
        return (Int(TrueTypeFont.u32(bytes, record + 8)), record)
    }

    @Test func theSeedFontParsesAndSubsets() throws {
        let parsed = try #require(TrueTypeFont(bytes: font))
        #expect(parsed.glyph(for: "A") == 1 && parsed.glyph(for: "B") == 2)
        #expect(parsed.subset(keeping: [2]).starts(with: [0, 1, 0, 0]))
    }

    @Test func locaOffsetsPastTheGlyphTableAreCutToIt() throws {
        var bytes = font
        let loca = table("loca", in: bytes).offset
        bytes.replaceSubrange((loca + 2)..<(loca + 8), with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        let parsed = try #require(TrueTypeFont(bytes: bytes))
        _ = parsed.subset(keeping: [1, 2])
    }

    @Test func aFontWithoutHorizontalMetricsOrWithAShortHeadIsRefused() {
        var noMetrics = font
        let hhea = table("hhea", in: noMetrics).offset
        noMetrics.replaceSubrange((hhea + 34)..<(hhea + 36), with: [0, 0])  // numberOfHMetrics
        #expect(TrueTypeFont(bytes: noMetrics) == nil)
        var shortHead = font
        let head = table("head", in: shortHead).record
        shortHead.replaceSubrange((head + 12)..<(head + 16), with: [0, 0, 0, 40])  // length 40 < 54
        #expect(TrueTypeFont(bytes: shortHead) == nil)
    }
}
