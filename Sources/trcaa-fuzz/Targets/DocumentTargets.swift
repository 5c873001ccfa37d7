#if DEBUG
@testable import TRCAACore

extension FuzzTarget {
    /// The TrueType parser the PDF writer embeds fonts with: parse, map characters, measure
    /// every glyph and subset.
    static let trueType = FuzzTarget(name: "truetype", summary: "TrueType font parser and subsetter") { input in
        guard let font = TrueTypeFont(bytes: input.bytes) else { return }
        let glyphs = Set("Aa0 é—€\u{FFFD}".unicodeScalars.map(font.glyph(for:)))
        for glyph in 0..<min(font.glyphCount + 1, 512) { _ = font.advance(of: UInt16(glyph)) }
        _ = font.subset(keeping: glyphs)
    }

    /// Markdown from `$EDITOR` through the parser and each renderer.
    static let markdown = FuzzTarget(name: "markdown", summary: "Markdown parser, HTML/PDF/DOCX renderers") { input in
        let (choice, rest) = input.splitFirstByte()
        let blocks = MarkdownParser.parse(String(decoding: rest, as: UTF8.self))
        switch choice % 3 {
        case 0: _ = HTMLRenderer.render(blocks, title: "Fuzz")
        case 1: _ = PDFRenderer.render(blocks, title: "Fuzz")
        default: _ = DOCXRenderer.render(blocks, title: "Fuzz")
        }
    }

    /// Format sniffing and the dimensions each format's header gives.
    static let image = FuzzTarget(name: "image", summary: "image sniffing and dimensions (PNG, JPEG, GIF, WebP, BMP, SVG)") { input in
        let sniffed = ImageFormat.sniff(input.bytes)
        for format in ImageFormat.allCases {
            if let size = format.dimensions(of: input.bytes), format == sniffed {
                require(size.width >= 0 && size.height >= 0, "\(format) size \(size)")
            }
        }
    }
}
#endif
