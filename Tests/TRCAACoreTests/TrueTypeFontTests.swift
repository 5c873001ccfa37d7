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

    /// A character map that claims far more segments or groups than its table holds is read no
    /// further than the table (it once looped up to 2^32 times).
    @Test func aCharacterMapClaimingMoreThanItHoldsIsReadToItsEnd() throws {
        let cmap = table("cmap", in: font).offset
        for index in 0..<Int(TrueTypeFont.u16(font, cmap + 2)) {
            var bytes = font
            let subtable = cmap + Int(TrueTypeFont.u32(bytes, cmap + 4 + index * 8 + 4))
            switch TrueTypeFont.u16(bytes, subtable) {
            case 4: bytes.replaceSubrange((subtable + 6)..<(subtable + 8), with: [0xFF, 0xFE])
            case 12: bytes.replaceSubrange((subtable + 12)..<(subtable + 16), with: [0xFF, 0xFF, 0xFF, 0xFF])
            default: continue
            }
            let parsed = try #require(TrueTypeFont(bytes: bytes))
            #expect(!parsed.hasGlyph(for: "\u{10FFFF}"))
        }
        let huge = TrueTypeFont.u16(font, cmap + 2)
        #expect(huge > 0, "the seed font has a character map to damage")
    }
}
