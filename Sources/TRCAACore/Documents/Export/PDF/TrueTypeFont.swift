import Foundation

/// The parts of a TrueType font a PDF needs: metrics, the character map, and subsetting.
struct TrueTypeFont: Sendable {
    let data: [UInt8]
    let tables: [String: Range<Int>]
    let unitsPerEm: Int
    let ascender: Int
    let descender: Int
    let capHeight: Int
    let italicAngle: Double
    let boundingBox: (Int, Int, Int, Int)
    let glyphCount: Int
    private let advances: [UInt16]
    private let characterMap: [UInt32: UInt16]

    /// Parses a `.ttf` file; `nil` when it is missing or not a TrueType font with outlines.
    init?(path: String) {
        guard let contents = FileManager.default.contents(atPath: path) else { return nil }
        self.init(bytes: Array(contents))
    }

    init?(bytes: [UInt8]) {
        data = bytes
        guard bytes.count > 12, Self.u32(bytes, 0) == 0x0001_0000 else { return nil }
        var tables: [String: Range<Int>] = [:]
        for index in 0..<Int(Self.u16(bytes, 4)) {
            let record = 12 + index * 16
            guard record + 16 <= bytes.count else { return nil }
            let tag = String(decoding: bytes[record..<(record + 4)], as: UTF8.self)
            let offset = Int(Self.u32(bytes, record + 8)), length = Int(Self.u32(bytes, record + 12))
            guard offset + length <= bytes.count else { return nil }
            tables[tag] = offset..<(offset + length)
        }
        // The fixed-size tables must be whole (head 54 bytes, hhea 36, maxp 6) and hmtx must hold
        // the metrics hhea announces, at least one: a damaged font is no font.
        guard let head = tables["head"], head.count >= 54, let hhea = tables["hhea"], hhea.count >= 36,
              let maxp = tables["maxp"], maxp.count >= 6, let hmtx = tables["hmtx"], let cmap = tables["cmap"],
              tables["glyf"] != nil, tables["loca"] != nil else { return nil }
        let metricCount = Int(Self.u16(bytes, hhea.lowerBound + 34))
        guard metricCount > 0, metricCount * 4 <= hmtx.count else { return nil }
        self.tables = tables
        unitsPerEm = Int(Self.u16(bytes, head.lowerBound + 18))
        boundingBox = (Int(Self.i16(bytes, head.lowerBound + 36)), Int(Self.i16(bytes, head.lowerBound + 38)),
                       Int(Self.i16(bytes, head.lowerBound + 40)), Int(Self.i16(bytes, head.lowerBound + 42)))
        ascender = Int(Self.i16(bytes, hhea.lowerBound + 4))
        descender = Int(Self.i16(bytes, hhea.lowerBound + 6))
        glyphCount = Int(Self.u16(bytes, maxp.lowerBound + 4))
        var advances = (0..<metricCount).map { Self.u16(bytes, hmtx.lowerBound + $0 * 4) }
        if let last = advances.last, advances.count < glyphCount {
            advances += Array(repeating: last, count: glyphCount - advances.count)
        }
        self.advances = advances
        if let os2 = tables["OS/2"], os2.count >= 90, Self.u16(bytes, os2.lowerBound) >= 2 {
            capHeight = Int(Self.i16(bytes, os2.lowerBound + 88))
        } else {
            capHeight = ascender
        }
        italicAngle = tables["post"].map { Double(Int32(bitPattern: Self.u32(bytes, $0.lowerBound + 4))) / 65536 } ?? 0
        characterMap = Self.readCharacterMap(bytes, cmap)
        guard !characterMap.isEmpty else { return nil }
    }

    /// The glyph for a character (0, `.notdef`, when the font lacks it).
    func glyph(for scalar: Unicode.Scalar) -> UInt16 { characterMap[scalar.value] ?? 0 }

    func hasGlyph(for scalar: Unicode.Scalar) -> Bool { characterMap[scalar.value] != nil }

    /// Advance width in font units.
    func advance(of glyph: UInt16) -> Int { Int(advances[min(Int(glyph), advances.count - 1)]) }

    /// A font file holding only `glyphs` (and the glyphs they are built from): glyph ids stay
    /// the same, unused glyphs are empty, and only the tables a PDF needs are kept.
    func subset(keeping glyphs: Set<UInt16>) -> [UInt8] {
        let glyf = tables["glyf"]!, loca = tables["loca"]!, head = tables["head"]!  // Safe: checked in init.
        let longOffsets = Self.i16(data, head.lowerBound + 50) == 1
        func glyphRange(_ glyph: Int) -> Range<Int> {
            let start = longOffsets ? Int(Self.u32(data, loca.lowerBound + glyph * 4))
                : Int(Self.u16(data, loca.lowerBound + glyph * 2)) * 2
            let end = longOffsets ? Int(Self.u32(data, loca.lowerBound + glyph * 4 + 4))
                : Int(Self.u16(data, loca.lowerBound + glyph * 2 + 2)) * 2
            // A damaged loca may point anywhere: keep what lies inside glyf.
            let lower = min(glyf.lowerBound + start, glyf.upperBound)
            return lower..<max(lower, min(glyf.lowerBound + end, glyf.upperBound))
        }
        var keep = glyphs.union([0])
        var pending = Array(keep)
        while let glyph = pending.popLast() {
            for component in components(of: glyphRange(Int(glyph))) where !keep.contains(component) {
                keep.insert(component)
                pending.append(component)
            }
        }
        var newGlyf: [UInt8] = []
        var newLoca: [UInt8] = []
        for glyph in 0..<glyphCount {
            Self.append32(&newLoca, UInt32(newGlyf.count))
            if keep.contains(UInt16(glyph)) {
                newGlyf += data[glyphRange(glyph)]
                while newGlyf.count % 4 != 0 { newGlyf.append(0) }
            }
        }
        Self.append32(&newLoca, UInt32(newGlyf.count))
        var newHead = Array(data[head])
        newHead.replaceSubrange(8..<12, with: [0, 0, 0, 0])  // checkSumAdjustment
        newHead.replaceSubrange(50..<52, with: [0, 1])  // long loca offsets
        var output: [String: [UInt8]] = ["glyf": newGlyf, "loca": newLoca, "head": newHead]
        for tag in ["hhea", "hmtx", "maxp", "cvt ", "fpgm", "prep"] {
            if let range = tables[tag] { output[tag] = Array(data[range]) }
        }
        return Self.assemble(output)
    }

    /// Glyph ids a composite glyph is built from.
    private func components(of range: Range<Int>) -> [UInt16] {
        guard range.count > 10, Self.i16(data, range.lowerBound) < 0 else { return [] }
        var found: [UInt16] = []
        var offset = range.lowerBound + 10
        while offset + 4 <= range.upperBound {
            let flags = Self.u16(data, offset)
            found.append(Self.u16(data, offset + 2))
            offset += 4 + (flags & 0x0001 != 0 ? 4 : 2)
            if flags & 0x0008 != 0 { offset += 2 } else if flags & 0x0040 != 0 { offset += 4 } else if flags & 0x0080 != 0 { offset += 8 }
            if flags & 0x0020 == 0 { break }
        }
        return found
    }

    /// A font file from tables, with a sorted directory and checksums.
    private static func assemble(_ tables: [String: [UInt8]]) -> [UInt8] {
        let tags = tables.keys.sorted()
        let count = tags.count
        var power = 1, exponent = 0
        while power * 2 <= count { power *= 2; exponent += 1 }
        var out: [UInt8] = []
        append32(&out, 0x0001_0000)
        append16(&out, UInt16(count))
        append16(&out, UInt16(power * 16))
        append16(&out, UInt16(exponent))
        append16(&out, UInt16(count * 16 - power * 16))
        var offset = 12 + count * 16
        var body: [UInt8] = []
        for tag in tags {
            var table = tables[tag]!  // Safe: tag comes from the keys.
            let length = table.count
            while table.count % 4 != 0 { table.append(0) }
            out += Array(tag.utf8)
            append32(&out, checksum(table))
            append32(&out, UInt32(offset))
            append32(&out, UInt32(length))
            body += table
            offset += table.count
        }
        return out + body
    }

    private static func checksum(_ table: [UInt8]) -> UInt32 {
        stride(from: 0, to: table.count, by: 4).reduce(UInt32(0)) { $0 &+ u32(table, $1) }
    }

    /// Format 12 (full Unicode) when present, else format 4 (the BMP).
    private static func readCharacterMap(_ bytes: [UInt8], _ cmap: Range<Int>) -> [UInt32: UInt16] {
        var best: (format: Int, offset: Int)?
        for index in 0..<Int(u16(bytes, cmap.lowerBound + 2)) {
            let record = cmap.lowerBound + 4 + index * 8
            let platform = u16(bytes, record), encoding = u16(bytes, record + 2)
            let offset = cmap.lowerBound + Int(u32(bytes, record + 4))
            guard offset + 2 <= cmap.upperBound, platform == 3 || platform == 0 else { continue }
            let format = Int(u16(bytes, offset))
            if format == 12, platform == 0 || encoding == 10 { best = (12, offset) }
            if format == 4, best == nil { best = (4, offset) }
        }
        guard let (format, offset) = best else { return [:] }
        var map: [UInt32: UInt16] = [:]
        // A font maps each character once: a table that claims more groups than it holds, or
        // ranges that add up to more characters than there are, is read no further than that.
        var budget = format == 12 ? 0x11_0000 : 0x1_0000
        if format == 12 {
            let groups = min(Int(u32(bytes, offset + 12)), max(0, (cmap.upperBound - offset - 16) / 12))
            for group in 0..<groups {
                let base = offset + 16 + group * 12
                let start = u32(bytes, base), end = u32(bytes, base + 4), glyph = u32(bytes, base + 8)
                guard end >= start, Int(end - start) < budget else { break }
                budget -= Int(end - start) + 1
                for code in start...end { map[code] = UInt16(truncatingIfNeeded: glyph &+ (code &- start)) }
            }
        } else {
            let segments = min(Int(u16(bytes, offset + 6)) / 2, max(0, (cmap.upperBound - offset - 16) / 8))
            let ends = offset + 14, starts = ends + segments * 2 + 2
            let deltas = starts + segments * 2, rangeOffsets = deltas + segments * 2
            for segment in 0..<segments {
                let start = u16(bytes, starts + segment * 2), end = u16(bytes, ends + segment * 2)
                let delta = u16(bytes, deltas + segment * 2), rangeOffset = Int(u16(bytes, rangeOffsets + segment * 2))
                guard start <= end, start != 0xFFFF else { continue }
                guard Int(end - start) < budget else { break }
                budget -= Int(end - start) + 1
                for code in start...end {
                    var glyph: UInt16
                    if rangeOffset == 0 {
                        glyph = code &+ delta
                    } else {
                        let address = rangeOffsets + segment * 2 + rangeOffset + Int(code - start) * 2
                        guard address + 2 <= cmap.upperBound else { continue }
                        glyph = u16(bytes, address)
                        if glyph != 0 { glyph = glyph &+ delta }
                    }
                    if glyph != 0 { map[UInt32(code)] = glyph }
                }
            }
        }
        return map
    }

    static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        guard offset + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    static func i16(_ bytes: [UInt8], _ offset: Int) -> Int16 { Int16(bitPattern: u16(bytes, offset)) }

    static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        guard offset + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    static func append16(_ out: inout [UInt8], _ value: UInt16) { out += [UInt8(value >> 8), UInt8(value & 0xFF)] }

    static func append32(_ out: inout [UInt8], _ value: UInt32) {
        out += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
