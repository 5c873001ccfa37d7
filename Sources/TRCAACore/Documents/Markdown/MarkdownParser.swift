import Foundation

/// Parses Markdown into blocks (see `MarkdownBlock` for what is covered). Never fails:
/// anything it does not recognise is paragraph text.
public enum MarkdownParser {
    public static func parse(_ text: String) -> [MarkdownBlock] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var blocks: [MarkdownBlock] = []
        var index = 0
        var paragraph: [String] = []

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            blocks.append(.paragraph(MarkdownInlineParser.parse(paragraph.joined(separator: "\n"))))
            paragraph = []
        }

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty {
                flushParagraph()
                index += 1
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushParagraph()
                let fence = String(trimmed.prefix(3))
                var code: [String] = []
                index += 1
                while index < lines.count, !lines[index].drop(while: { $0 == " " }).hasPrefix(fence) {
                    code.append(lines[index])
                    index += 1
                }
                blocks.append(.code(code.joined(separator: "\n")))
                index += 1
            } else if let heading = heading(trimmed) {
                flushParagraph()
                blocks.append(heading)
                index += 1
            } else if isRule(trimmed) {
                flushParagraph()
                blocks.append(.rule)
                index += 1
            } else if trimmed.hasPrefix(">") {
                flushParagraph()
                var quoted: [String] = []
                while index < lines.count, let rest = quoteContent(lines[index]) {
                    quoted.append(rest)
                    index += 1
                }
                blocks.append(.quote(parse(quoted.joined(separator: "\n"))))
            } else if trimmed.hasPrefix("|") {
                flushParagraph()
                var rows: [String] = []
                while index < lines.count, lines[index].drop(while: { $0 == " " }).hasPrefix("|") {
                    rows.append(String(lines[index].drop { $0 == " " }))
                    index += 1
                }
                blocks.append(table(rows))
            } else if listItem(line) != nil {
                flushParagraph()
                var items: [MarkdownListItem] = []
                var ordered = false
                while index < lines.count {
                    if let (item, isOrdered) = listItem(lines[index]) {
                        if items.isEmpty { ordered = isOrdered }
                        items.append(item)
                    } else if !items.isEmpty, lines[index].hasPrefix("  "), !lines[index].allSatisfy({ $0 == " " }) {
                        items[items.count - 1].content += [.text(" ")]
                            + MarkdownInlineParser.parse(String(lines[index].drop { $0 == " " }))
                    } else {
                        break
                    }
                    index += 1
                }
                blocks.append(.list(ordered: ordered, items: items))
            } else {
                paragraph.append(String(trimmed))
                index += 1
            }
        }
        flushParagraph()
        return blocks
    }

    private static func heading(_ line: Substring) -> MarkdownBlock? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var title = rest.trimmingCharacters(in: .whitespaces)
        while title.hasSuffix("#") { title = String(title.dropLast()).trimmingCharacters(in: .whitespaces) }
        return .heading(level: hashes, MarkdownInlineParser.parse(title))
    }

    private static func isRule(_ line: Substring) -> Bool {
        let marks = line.filter { $0 != " " }
        guard marks.count >= 3, let first = marks.first, "-*_".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    private static func quoteContent(_ line: String) -> String? {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix(">") else { return nil }
        let rest = trimmed.dropFirst()
        return String(rest.hasPrefix(" ") ? rest.dropFirst() : rest)
    }

    /// `- text`, `* text`, `+ text`, `1. text`, `1) text`, with `[ ]`/`[x]` for tasks.
    private static func listItem(_ line: String) -> (MarkdownListItem, ordered: Bool)? {
        let indent = line.prefix { $0 == " " }.count
        var rest = line.dropFirst(indent)
        var number: Int?
        if let marker = rest.first, "-*+".contains(marker), rest.dropFirst().first == " " {
            rest = rest.dropFirst(2)
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let delimiter = rest.dropFirst(digits.count).first,
                  delimiter == "." || delimiter == ")", rest.dropFirst(digits.count + 1).first == " " else { return nil }
            number = Int(digits)
            rest = rest.dropFirst(digits.count + 2)
        }
        var checked: Bool?
        if rest.hasPrefix("[ ] ") || rest == "[ ]" {
            checked = false
            rest = rest.dropFirst(4)
        } else if rest.lowercased().hasPrefix("[x] ") || rest.lowercased() == "[x]" {
            checked = true
            rest = rest.dropFirst(4)
        }
        let item = MarkdownListItem(number: number, checked: checked, level: indent / 2,
                                    content: MarkdownInlineParser.parse(String(rest)))
        return (item, number != nil)
    }

    /// Pipe table rows; the second row is the header separator when it is made of dashes.
    private static func table(_ rows: [String]) -> MarkdownBlock {
        let cells = rows.map(splitCells)
        let isSeparator: ([String]) -> Bool = { row in
            !row.isEmpty && row.allSatisfy { cell in
                let core = cell.trimmingCharacters(in: .whitespaces)
                return !core.isEmpty && core.allSatisfy { "-:".contains($0) }
            }
        }
        let parse: ([String]) -> [[MarkdownInline]] = { $0.map { MarkdownInlineParser.parse($0.trimmingCharacters(in: .whitespaces)) } }
        if cells.count >= 2, isSeparator(cells[1]) {
            return .table(header: parse(cells[0]), rows: cells.dropFirst(2).map(parse))
        }
        return .table(header: [], rows: cells.filter { !isSeparator($0) }.map(parse))
    }

    /// The cells of `| a | b \| c |`, honouring `\|`.
    private static func splitCells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in row.dropFirst() {
            if escaped {
                current += character == "|" ? "\\|" : "\\\(character)"
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { cells.append(current) }
        return cells
    }
}
