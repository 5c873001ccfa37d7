import Foundation

/// Lays Markdown blocks out on A4 pages as PDF content streams: wrapped text in four faces,
/// lists, tables with wrapped cells (the header repeats after a page break), quotes, code
/// and rules, with page numbers.
final class PDFLayout {
    static let pageWidth = 595.28
    static let pageHeight = 841.89
    static let margin = 56.7
    static let bodySize = 10.0
    /// How far a measured width may exceed the room for it (sums of the same widths in
    /// another order differ in their last bits).
    static let tolerance = 0.001

    let fonts: PDFFontSet
    private(set) var pages: [String] = []
    private var current = ""
    private var top = PDFLayout.pageHeight - PDFLayout.margin
    private var contentWidth: Double { Self.pageWidth - 2 * Self.margin }
    private var bottom: Double { Self.margin + 18 }  // room for the page number

    /// A run of text in one face, ready to measure and draw.
    struct Piece {
        var text: String
        var face: PDFFontFace
        var size: Double
        var gray: Double
        var width: Double
        var isSpace: Bool
        var isBreak = false
    }

    private struct Style {
        var bold = false, italic = false, code = false
        var size = PDFLayout.bodySize
        var gray = 0.1
    }

    init(fonts: PDFFontSet) { self.fonts = fonts }

    /// Lays out every block and returns one content stream per page.
    func layout(_ blocks: [MarkdownBlock]) -> [String] {
        for block in blocks { place(block, indent: 0) }
        finishPage()
        let total = pages.count
        pages = pages.enumerated().map { index, content in
            let label = "\(index + 1) / \(total)"
            let width = fonts.regular.width(of: label, size: 8)
            return content + text(label, face: fonts.regular, size: 8, gray: 0.45,
                                  x: (Self.pageWidth - width) / 2, baseline: Self.margin - 4)
        }
        return pages
    }

    private func place(_ block: MarkdownBlock, indent: Double) {
        switch block {
        case .heading(let level, let content):
            let size = [18.0, 14, 12, 11, 10, 10][min(level, 6) - 1]
            top -= level <= 2 ? 10 : 6
            ensure(size * 1.4 * 2)  // keep a heading with the line after it
            flow(content, style: Style(bold: true, size: size, gray: 0), x: Self.margin + indent,
                 width: contentWidth - indent)
            if level == 1 { rule(x: Self.margin + indent, gray: 0.6) }
            top -= 4
        case .paragraph(let content):
            flow(content, style: Style(), x: Self.margin + indent, width: contentWidth - indent)
            top -= 6
        case .list(_, let items):
            for item in items {
                let marker = item.checked.map { $0 ? "☑" : "☐" } ?? item.number.map { "\($0)." } ?? "•"
                let itemIndent = indent + Double(item.level) * 14
                let markerPieces = pieces([.text(marker)], style: Style())
                flow(item.content, style: Style(), x: Self.margin + itemIndent + 16, width: contentWidth - itemIndent - 16,
                     marker: (markerPieces, Self.margin + itemIndent + 2))
            }
            top -= 6
        case .table(let header, let rows):
            table(header: header, rows: rows, indent: indent)
            top -= 8
        case .quote(let inner):
            let start = top
            let startPage = pages.count
            for block in inner { place(block, indent: indent + 14) }
            if pages.count == startPage {
                current += String(format: "0.7 G 2 w %.2f %.2f m %.2f %.2f l S\n", Self.margin + indent + 4, start,
                                  Self.margin + indent + 4, top + 6)
            }
        case .code(let code):
            // Each line starts a line; one too long for the block wraps at a space where it has
            // one, its later parts indented two characters.
            let style = Style(code: true, size: 8.5)
            let lineHeight = style.size * 1.35
            let hanging = fonts.mono.width(of: "  ", size: style.size)
            for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
                let parts = wrap(codePieces(String(line), style: style), width: contentWidth - indent - 8 - hanging)
                for (index, part) in parts.enumerated() {
                    ensure(lineHeight)
                    current += String(format: "0.95 g %.2f %.2f %.2f %.2f re f\n", Self.margin + indent, top - lineHeight,
                                      contentWidth - indent, lineHeight)
                    draw(part, x: Self.margin + indent + 4 + (index > 0 ? hanging : 0), baseline: top - style.size * 1.05)
                    top -= lineHeight
                }
            }
            top -= 6
        case .rule:
            ensure(10)
            top -= 4
            rule(x: Self.margin + indent, gray: 0.7)
            top -= 6
        }
    }

    /// Wraps `content` into lines of `width` and draws them from `x`; `marker` (a bullet) is
    /// drawn on the first line at its own position.
    private func flow(_ content: [MarkdownInline], style: Style, x: Double, width: Double,
                      marker: ([Piece], Double)? = nil) {
        let lineHeight = style.size * 1.4
        for (index, line) in wrap(pieces(content, style: style), width: width).enumerated() {
            ensure(lineHeight)
            let baseline = top - style.size * 1.05
            if index == 0, let (markerPieces, markerX) = marker { draw(markerPieces, x: markerX, baseline: baseline) }
            draw(line, x: x, baseline: baseline)
            top -= lineHeight
        }
    }

    private func table(header: [[MarkdownInline]], rows: [[[MarkdownInline]]], indent: Double) {
        let columnCount = ([header] + rows).map(\.count).max() ?? 0
        guard columnCount > 0 else { return }
        let padding = 4.0, size = 9.0, lineHeight = 9.0 * 1.35
        let available = contentWidth - indent
        // Every cell's pieces, in the face it is drawn in (the header's bold is wider).
        func cellPieces(_ cells: [[MarkdownInline]], bold: Bool) -> [[Piece]] {
            (0..<columnCount).map { column in pieces(column < cells.count ? cells[column] : [], style: Style(bold: bold, size: size)) }
        }
        let headerPieces = header.isEmpty ? nil : cellPieces(header, bold: true)
        let rowPieces = rows.map { cellPieces($0, bold: false) }
        let allPieces = (headerPieces.map { [$0] } ?? []) + rowPieces
        func widest(_ column: Int, _ measure: ([Piece]) -> Double) -> Double {
            (allPieces.map { measure($0[column]) }.max() ?? 0) + 2 * padding
        }
        var widths = (0..<columnCount).map { widest($0, wrapWidth) }
        if widths.reduce(0, +) > available {
            // Every column gets up to an equal share but at least its longest word; when that is
            // too much, its longest word; when even that is, up to an equal share (and long
            // words break). What is left goes by need.
            let words = (0..<columnCount).map { widest($0) { $0.filter { !$0.isSpace }.map(\.width).max() ?? 0 } }
            let share = available / Double(columnCount)
            let shares = widths.map { min($0, share) }
            let floors = [zip(shares, words).map { max($0, $1) }, words, shares]
            let fixed = floors.first { $0.reduce(0, +) <= available } ?? shares
            let spare = available - fixed.reduce(0, +)
            let wanting = zip(widths, fixed).map { $0 - $1 }
            let totalWanting = max(wanting.reduce(0, +), 1)
            widths = zip(fixed, wanting).map { $0 + spare * $1 / totalWanting }
        }
        func layoutRow(_ cells: [[Piece]]) -> [[[Piece]]] {
            cells.enumerated().map { column, pieces in wrap(pieces, width: widths[column] - 2 * padding) }
        }
        func drawRow(_ cells: [[[Piece]]], shaded: Bool) {
            let height = Double(max(cells.map(\.count).max() ?? 1, 1)) * lineHeight + 2 * padding
            var x = Self.margin + indent
            if shaded {
                current += String(format: "0.93 g %.2f %.2f %.2f %.2f re f\n", x, top - height, widths.reduce(0, +), height)
            }
            for (column, lines) in cells.enumerated() {
                for (index, line) in lines.enumerated() {
                    draw(line, x: x + padding, baseline: top - padding - Double(index) * lineHeight - size * 1.0)
                }
                current += String(format: "0.6 G 0.5 w %.2f %.2f %.2f %.2f re S\n", x, top - height, widths[column], height)
                x += widths[column]
            }
            top -= height
        }
        let headerCells = headerPieces.map(layoutRow)
        if let headerCells { ensure(rowHeight(headerCells, lineHeight, padding) * 2); drawRow(headerCells, shaded: true) }
        for row in rowPieces {
            let cells = layoutRow(row)
            if top - rowHeight(cells, lineHeight, padding) < bottom {
                newPage()
                if let headerCells { drawRow(headerCells, shaded: true) }
            }
            drawRow(cells, shaded: false)
        }
    }

    private func rowHeight(_ cells: [[[Piece]]], _ lineHeight: Double, _ padding: Double) -> Double {
        Double(max(cells.map(\.count).max() ?? 1, 1)) * lineHeight + 2 * padding
    }

    // MARK: Text runs

    private func pieces(_ content: [MarkdownInline], style: Style) -> [Piece] {
        var result: [Piece] = []
        for inline in content {
            switch inline {
            case .text(let text): result += tokens(text, style: style)
            case .strong(let inner): result += pieces(inner, style: modified(style) { $0.bold = true })
            case .emphasis(let inner): result += pieces(inner, style: modified(style) { $0.italic = true })
            case .code(let code): result += tokens(code, style: modified(style) { $0.code = true })
            case .link(let text, let url):
                result += pieces(text, style: style)
                if MarkdownInline.plainText(text) != url {
                    result += tokens(" (\(url))", style: modified(style) { $0.gray = 0.35 })
                }
            case .lineBreak:
                result.append(Piece(text: "", face: fonts.regular, size: style.size, gray: 0, width: 0, isSpace: false,
                                    isBreak: true))
            }
        }
        return result
    }

    private func modified(_ style: Style, _ change: (inout Style) -> Void) -> Style {
        var copy = style
        change(&copy)
        return copy
    }

    private func face(for style: Style) -> PDFFontFace {
        style.code ? fonts.mono : style.bold ? fonts.bold : style.italic ? fonts.italic : fonts.regular
    }

    /// Words and runs of spaces as separate pieces.
    private func tokens(_ text: String, style: Style) -> [Piece] {
        let face = face(for: style)
        var result: [Piece] = []
        var word = ""
        var inSpace = false
        func flush() {
            guard !word.isEmpty else { return }
            result.append(Piece(text: word, face: face, size: style.size, gray: style.gray,
                                width: face.width(of: word, size: style.size), isSpace: inSpace))
            word = ""
        }
        for character in text {
            let isSpace = character == " " || character == "\t"
            if isSpace != inSpace { flush(); inSpace = isSpace }
            word.append(isSpace ? " " : character)
        }
        flush()
        return result
    }

    /// The pieces of a line of code: tabs to the next multiple of four columns, the
    /// indentation kept.
    private func codePieces(_ line: String, style: Style) -> [Piece] {
        var expanded = ""
        for character in line {
            if character == "\t" {
                expanded += String(repeating: " ", count: 4 - expanded.count % 4)
            } else {
                expanded.append(character)
            }
        }
        var result = tokens(expanded, style: style)
        if result.first?.isSpace == true { result[0].isSpace = false }  // indentation, not a place to break
        return result
    }

    /// Greedy line filling at spaces; a word wider than a line is cut.
    private func wrap(_ pieces: [Piece], width: Double) -> [[Piece]] {
        let width = width + Self.tolerance
        var lines: [[Piece]] = [[]]
        var used = 0.0
        func newLine() {
            while lines[lines.count - 1].last?.isSpace == true { lines[lines.count - 1].removeLast() }
            lines.append([])
            used = 0
        }
        for piece in pieces {
            if piece.isBreak { newLine(); continue }
            if piece.isSpace {
                if !lines[lines.count - 1].isEmpty { lines[lines.count - 1].append(piece); used += piece.width }
                continue
            }
            if used + piece.width > width, !lines[lines.count - 1].isEmpty { newLine() }
            if piece.width > width {
                for chunk in chunks(piece.text, face: piece.face, size: piece.size, width: width) {
                    if !lines[lines.count - 1].isEmpty { newLine() }
                    var part = piece
                    part.text = chunk
                    part.width = piece.face.width(of: chunk, size: piece.size)
                    lines[lines.count - 1].append(part)
                    used = part.width
                }
            } else {
                lines[lines.count - 1].append(piece)
                used += piece.width
            }
        }
        while lines[lines.count - 1].last?.isSpace == true { lines[lines.count - 1].removeLast() }
        return lines
    }

    /// The width `pieces` need on one line.
    private func wrapWidth(_ pieces: [Piece]) -> Double {
        var widest = 0.0, line = 0.0
        for piece in pieces {
            if piece.isBreak { widest = max(widest, line); line = 0 } else { line += piece.width }
        }
        return max(widest, line)
    }

    /// `text` cut into pieces no wider than `width`.
    private func chunks(_ text: String, face: PDFFontFace, size: Double, width: Double) -> [String] {
        let width = width + Self.tolerance
        var result: [String] = []
        var chunk = ""
        for character in text {
            if !chunk.isEmpty, face.width(of: chunk + String(character), size: size) > width {
                result.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        return result + [chunk]
    }

    // MARK: Drawing

    private func draw(_ line: [Piece], x: Double, baseline: Double) {
        var x = x
        var index = 0
        while index < line.count {
            var run = line[index]
            var next = index + 1
            while next < line.count, line[next].face === run.face, line[next].size == run.size,
                  line[next].gray == run.gray {
                run.text += line[next].text
                run.width += line[next].width
                next += 1
            }
            current += text(run.text, face: run.face, size: run.size, gray: run.gray, x: x, baseline: baseline)
            x += run.width
            index = next
        }
    }

    private func text(_ string: String, face: PDFFontFace, size: Double, gray: Double, x: Double, baseline: Double)
        -> String
    {
        String(format: "BT /%@ %.1f Tf %.2f g 1 0 0 1 %.2f %.2f Tm ", face.resourceName, size, gray, x, baseline)
            + face.encode(string) + " Tj ET\n"
    }

    private func rule(x: Double, gray: Double) {
        current += String(format: "%.2f G 0.6 w %.2f %.2f m %.2f %.2f l S\n", gray, x, top, Self.pageWidth - Self.margin, top)
        top -= 4
    }

    private func ensure(_ height: Double) {
        if top - height < bottom { newPage() }
    }

    private func newPage() {
        finishPage()
        top = Self.pageHeight - Self.margin
    }

    private func finishPage() {
        pages.append(current)
        current = ""
    }
}
