import TRCAACore

/// Markdown blocks laid out for a terminal of a given width: headings in their own styles,
/// paragraphs and list items word-wrapped (hanging indent), tables with aligned columns,
/// quotes behind a bar, code indented, rules across.
enum MarkdownLines {
    typealias Line = [(text: String, role: Role)]

    static func lines(_ blocks: [MarkdownBlock], width: Int) -> [Line] {
        var out: [Line] = []
        for block in blocks {
            if !out.isEmpty { out.append([]) }
            out += lines(block, width: max(10, width))
        }
        return out
    }

    private static func lines(_ block: MarkdownBlock, width: Int) -> [Line] {
        switch block {
        case .heading(let level, let inlines):
            let text = MarkdownInline.plainText(inlines)
            let role: Role = level == 1 ? .title : level == 2 ? .header : .dialog
            return wrap(text, width: width).map { [($0, role)] }
        case .paragraph(let inlines):
            return wrap(MarkdownInline.plainText(inlines), width: width).map { [($0, .normal)] }
        case .list(let ordered, let items):
            return items.enumerated().flatMap { index, item -> [Line] in
                let indent = String(repeating: "  ", count: item.level)
                var marker = ordered ? "\(item.number ?? index + 1). " : "• "
                if let checked = item.checked { marker += checked ? "[x] " : "[ ] " }
                let body = wrap(MarkdownInline.plainText(item.content), width: width - indent.count - marker.count)
                return body.enumerated().map { row, text in
                    row == 0 ? [(indent + marker, .key), (text, .normal)]
                        : [(indent + String(repeating: " ", count: marker.count) + text, .normal)]
                }
            }
        case .table(let header, let rows):
            return table(header.map(MarkdownInline.plainText), rows.map { $0.map(MarkdownInline.plainText) }, width: width)
        case .quote(let inner):
            return lines(inner, width: width - 2).map { [("│ ", .border)] + $0 }
        case .code(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { [("    " + $0, .key)] }
        case .rule:
            return [[(String(repeating: "─", count: width), .border)]]
        }
    }

    /// Columns as wide as their widest cell; when the table is too wide, prose columns narrow
    /// first, and a cell that no longer fits wraps at its spaces onto more lines of its row.
    private static func table(_ header: [String], _ rows: [[String]], width: Int) -> [Line] {
        let count = max(header.count, rows.map(\.count).max() ?? 0)
        guard count > 0 else { return [] }
        let cell = { (row: [String], column: Int) in column < row.count ? row[column] : "" }
        var widths = (0..<count).map { column in
            ([header] + rows).map { DisplayWidth.columns(of: cell($0, column)) }.max() ?? 0
        }
        let available = width - 3 * (count - 1)
        // Columns of prose (wider than 24) give way first, down to their longest word, so that
        // short cells (times, kinds, names) stay on one line; then the widest narrows.
        let longestWord = (0..<count).map { column in
            ([header] + rows).flatMap { cell($0, column).split(separator: " ") }.map { DisplayWidth.columns(of: $0) }.max() ?? 0
        }
        let prose = widths.indices.filter { widths[$0] > 24 }
        func narrow(_ candidates: [Int], floor: (Int) -> Int) {
            while widths.reduce(0, +) > available,
                  let widest = candidates.filter({ widths[$0] > floor($0) }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            }
        }
        narrow(prose) { max(longestWord[$0], 3) }
        narrow(Array(widths.indices)) { _ in 3 }
        func row(_ cells: [String], role: Role) -> [Line] {
            let wrapped = (0..<count).map { TextWrap.lines(cell(cells, $0), width: widths[$0]) }
            return (0..<max(1, wrapped.map(\.count).max() ?? 1)).map { lineIndex in
                var line: Line = []
                for column in 0..<count {
                    if column > 0 { line.append((" │ ", .border)) }
                    let text = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : ""
                    line.append((fit(text, widths[column]), role))
                }
                return line
            }
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
        return row(header, role: .header) + [[(rule, .border)]] + rows.flatMap { row($0, role: .normal) }
    }

    /// `text` padded or cut (with `…`) to exactly `width` columns.
    private static func fit(_ text: String, _ width: Int) -> String {
        let columns = DisplayWidth.columns(of: text)
        if columns <= width { return text + String(repeating: " ", count: width - columns) }
        var out = ""
        var used = 0
        for character in text {
            let next = DisplayWidth.columns(of: character)
            if used + next > width - 1 { break }
            out.append(character)
            used += next
        }
        return out + "…" + String(repeating: " ", count: max(0, width - used - 1))
    }

    private static func wrap(_ text: String, width: Int) -> [String] {
        let wrapped = TextWrap.lines(text, width: max(1, width))
        return wrapped.isEmpty ? [""] : wrapped
    }
}
