import Foundation

/// A font a PDF page draws with: a TrueType font embedded as a subset (any script it
/// covers), or, when no TrueType font is installed, the standard Courier (Latin-1 only).
final class PDFFontFace {
    /// The page resource name (`/F1`).
    let resourceName: String
    let trueType: TrueTypeFont?
    /// The PostScript name: `DejaVuSans` or `Courier-Bold`.
    let baseName: String
    let isItalic: Bool
    /// Glyphs drawn so far and the character each stands for (for the subset and ToUnicode).
    private(set) var usedGlyphs: [UInt16: Unicode.Scalar] = [:]

    init(resourceName: String, trueType: TrueTypeFont?, baseName: String, isItalic: Bool) {
        self.resourceName = resourceName
        self.trueType = trueType
        self.baseName = baseName
        self.isItalic = isItalic
    }

    /// Width of `text` in points at `size`.
    func width(of text: String, size: Double) -> Double {
        guard let font = trueType else { return Double(text.unicodeScalars.count) * 0.6 * size }
        let units = text.unicodeScalars.reduce(0) { $0 + font.advance(of: glyph(for: $1, in: font)) }
        return Double(units) * size / Double(font.unitsPerEm)
    }

    /// The PDF string operand that draws `text`, recording the glyphs it uses.
    func encode(_ text: String) -> String {
        guard let font = trueType else {
            var literal = "("
            for scalar in text.unicodeScalars {
                let code = scalar.value < 256 ? scalar.value : 63  // '?' outside Latin-1
                switch code {
                case 40, 41, 92: literal += "\\" + String(UnicodeScalar(UInt8(code)))
                case 32...126: literal += String(UnicodeScalar(UInt8(code)))
                default: literal += String(format: "\\%03o", code)
                }
            }
            return literal + ")"
        }
        var hex = "<"
        for scalar in text.unicodeScalars {
            let glyph = glyph(for: scalar, in: font)
            if usedGlyphs[glyph] == nil { usedGlyphs[glyph] = font.hasGlyph(for: scalar) ? scalar : "?" }
            hex += String(format: "%04X", glyph)
        }
        return hex + ">"
    }

    /// The glyph for a character; `?` stands in for characters the font lacks.
    private func glyph(for scalar: Unicode.Scalar, in font: TrueTypeFont) -> UInt16 {
        font.hasGlyph(for: scalar) ? font.glyph(for: scalar) : font.glyph(for: "?")
    }
}

/// The four faces documents use.
struct PDFFontSet {
    let regular: PDFFontFace
    let bold: PDFFontFace
    let italic: PDFFontFace
    let mono: PDFFontFace

    var all: [PDFFontFace] { [regular, bold, italic, mono] }

    /// DejaVu when installed (fonts-dejavu-core), else Courier.
    static func load() -> PDFFontSet {
        func face(_ name: String, _ file: String, fallback: String, italic: Bool = false) -> PDFFontFace {
            if let font = SystemFonts.font(named: file) {
                return PDFFontFace(resourceName: name, trueType: font, baseName: file.replacingOccurrences(of: ".ttf", with: ""),
                                   isItalic: italic)
            }
            return PDFFontFace(resourceName: name, trueType: nil, baseName: fallback, isItalic: italic)
        }
        return PDFFontSet(regular: face("F1", "DejaVuSans.ttf", fallback: "Courier"),
                          bold: face("F2", "DejaVuSans-Bold.ttf", fallback: "Courier-Bold"),
                          italic: face("F3", "DejaVuSans-Oblique.ttf", fallback: "Courier-Oblique", italic: true),
                          mono: face("F4", "DejaVuSansMono.ttf", fallback: "Courier"))
    }
}

/// TrueType fonts found on the system, parsed once.
enum SystemFonts {
    static let directories = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu",
                              "/usr/local/share/fonts"]
    private static let cache = FontCache()

    static func font(named file: String) -> TrueTypeFont? {
        cache.font(named: file) {
            directories.lazy.compactMap { TrueTypeFont(path: "\($0)/\(file)") }.first
        }
    }
}

private final class FontCache: @unchecked Sendable {
    private let lock = NSLock()
    private var fonts: [String: TrueTypeFont?] = [:]

    func font(named name: String, load: () -> TrueTypeFont?) -> TrueTypeFont? {
        lock.withLock {
            if let cached = fonts[name] { return cached }
            let loaded = load()
            fonts[name] = loaded
            return loaded
        }
    }
}
