import Foundation

/// Writes a PDF 1.4 file: A4 pages laid out by `PDFLayout`, fonts embedded as subsets with a
/// ToUnicode map (so `pdftotext` and search find the text), streams Flate-compressed.
enum PDFRenderer {
    static func render(_ blocks: [MarkdownBlock], title: String) -> [UInt8] {
        let fonts = PDFFontSet.load()
        let pages = PDFLayout(fonts: fonts).layout(blocks)
        var writer = PDFObjectWriter()
        let catalog = writer.reserve(), pageTree = writer.reserve(), info = writer.reserve()
        let fontRefs = fonts.all.filter { $0.trueType == nil || !$0.usedGlyphs.isEmpty }.map { face in
            (face.resourceName, writeFont(face, into: &writer))
        }
        let resources = "<< /Font << " + fontRefs.map { "/\($0.0) \($0.1) 0 R" }.joined(separator: " ") + " >> >>"
        let pageRefs = pages.map { content -> Int in
            let stream = writer.addStream(Array(content.utf8))
            return writer.add("<< /Type /Page /Parent \(pageTree) 0 R /MediaBox [0 0 \(PDFLayout.pageWidth) "
                + "\(PDFLayout.pageHeight)] /Resources \(resources) /Contents \(stream) 0 R >>")
        }
        writer.set(pageTree, "<< /Type /Pages /Kids [" + pageRefs.map { "\($0) 0 R" }.joined(separator: " ")
            + "] /Count \(pageRefs.count) >>")
        writer.set(catalog, "<< /Type /Catalog /Pages \(pageTree) 0 R >>")
        writer.set(info, "<< /Title \(textString(title)) /Producer (trcaa) /Creator (trcaa) >>")
        return writer.finish(root: catalog, info: info)
    }

    /// A Type0 font over an embedded TrueType subset, or a standard Type1 font.
    private static func writeFont(_ face: PDFFontFace, into writer: inout PDFObjectWriter) -> Int {
        guard let font = face.trueType else {
            return writer.add("<< /Type /Font /Subtype /Type1 /BaseFont /\(face.baseName) /Encoding /WinAnsiEncoding >>")
        }
        let glyphs = face.usedGlyphs.keys.sorted()
        let subsetName = subsetTag(glyphs) + "+" + face.baseName
        let fontFile = font.subset(keeping: Set(glyphs))
        let file = writer.addStream(fontFile, extra: "/Length1 \(fontFile.count)")
        let scale = 1000.0 / Double(font.unitsPerEm)
        let (xMin, yMin, xMax, yMax) = font.boundingBox
        let descriptor = writer.add("""
            << /Type /FontDescriptor /FontName /\(subsetName) /Flags \(face.isItalic ? 96 : 32) \
            /FontBBox [\(Int(Double(xMin) * scale)) \(Int(Double(yMin) * scale)) \(Int(Double(xMax) * scale)) \(Int(Double(yMax) * scale))] \
            /ItalicAngle \(font.italicAngle) /Ascent \(Int(Double(font.ascender) * scale)) \
            /Descent \(Int(Double(font.descender) * scale)) /CapHeight \(Int(Double(font.capHeight) * scale)) \
            /StemV 80 /FontFile2 \(file) 0 R >>
            """)
        let widths = glyphs.map { "\($0) [\(Int((Double(font.advance(of: $0)) * scale).rounded()))]" }.joined(separator: " ")
        let cidFont = writer.add("""
            << /Type /Font /Subtype /CIDFontType2 /BaseFont /\(subsetName) \
            /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
            /FontDescriptor \(descriptor) 0 R /CIDToGIDMap /Identity /W [\(widths)] >>
            """)
        let toUnicode = writer.addStream(Array(toUnicodeMap(face.usedGlyphs).utf8))
        return writer.add("""
            << /Type /Font /Subtype /Type0 /BaseFont /\(subsetName) /Encoding /Identity-H \
            /DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>
            """)
    }

    /// Six capital letters that name the subset (the same glyphs give the same tag).
    private static func subsetTag(_ glyphs: [UInt16]) -> String {
        var hash: UInt32 = 2_166_136_261
        for glyph in glyphs { hash = (hash ^ UInt32(glyph)) &* 16_777_619 }
        return String((0..<6).map { index in Character(UnicodeScalar(65 + UInt8((hash >> (index * 5)) % 26))) })
    }

    private static func toUnicodeMap(_ glyphs: [UInt16: Unicode.Scalar]) -> String {
        let entries = glyphs.sorted { $0.key < $1.key }.map { glyph, scalar -> String in
            let utf16 = String(scalar).utf16.map { String(format: "%04X", $0) }.joined()
            return String(format: "<%04X> <%@>", glyph, utf16)
        }
        var body = ""
        for start in stride(from: 0, to: entries.count, by: 100) {
            let block = entries[start..<min(start + 100, entries.count)]
            body += "\(block.count) beginbfchar\n" + block.joined(separator: "\n") + "\nendbfchar\n"
        }
        return """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange
            \(body)endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end
            """
    }

    /// A PDF text string: UTF-16BE with a byte-order mark, so any title survives.
    private static func textString(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }
}

/// Numbered objects, streams and the cross-reference table.
struct PDFObjectWriter {
    private var objects: [[UInt8]?] = []

    mutating func reserve() -> Int {
        objects.append(nil)
        return objects.count
    }

    mutating func set(_ number: Int, _ body: String) { objects[number - 1] = Array(body.utf8) }

    mutating func add(_ body: String) -> Int {
        let number = reserve()
        set(number, body)
        return number
    }

    /// A Flate-compressed stream object.
    mutating func addStream(_ bytes: [UInt8], extra: String = "") -> Int {
        let compressed = Zlib.compress(bytes)
        let number = reserve()
        objects[number - 1] = Array("<< /Length \(compressed.count) /Filter /FlateDecode \(extra) >>\nstream\n".utf8)
            + compressed + Array("\nendstream".utf8)
        return number
    }

    func finish(root: Int, info: Int) -> [UInt8] {
        var out = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8) + (body ?? Array("null".utf8)) + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { out += Array(String(format: "%010d 00000 n \n", offset).utf8) }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root \(root) 0 R /Info \(info) 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }
}
