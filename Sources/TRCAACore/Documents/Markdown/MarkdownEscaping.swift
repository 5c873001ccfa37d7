import Foundation

/// Keeps user text from breaking the structure of a generated document.
enum MarkdownEscaping {
    /// Text for a table cell: one line, `|` escaped.
    static func cell(_ text: String) -> String {
        oneLine(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text on one line (headings, list items): line breaks become spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Text inside a paragraph: later lines that would start a block of their own (a heading,
    /// table row, quote, list item, rule or fence) get a backslash in front.
    static func inline(_ text: String) -> String {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        return lines.enumerated().map { index, line in
            index > 0 && startsBlock(line) ? "\\" + line.drop { $0 == " " } : line
        }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Text whose line breaks are kept: each line ends in a hard break, and a blank line
    /// starts a new paragraph.
    static func lines(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { inline($0).replacingOccurrences(of: "\n", with: "  \n") }
            .filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// A fenced code block quoting `text`: the fence is one no line of it starts with (```
    /// else ~~~); when lines start with both, those starting with the fence get a zero-width
    /// space in front, the only change to the text.
    static func codeBlock(_ text: String) -> String {
        let body = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let fence = body.contains { $0.drop { $0 == " " }.hasPrefix("```") } ? "~~~" : "```"
        return ([fence] + body.map { $0.drop { $0 == " " }.hasPrefix(fence) ? "\u{200B}" + $0 : String($0) } + [fence])
            .joined(separator: "\n")
    }

    /// A block quote of `text`, every line prefixed.
    static func quote(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { "> \($0)" }
            .joined(separator: "\n")
    }

    private static func startsBlock(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard let first = trimmed.first else { return false }
        if "#|>-*+`=".contains(first) { return true }
        let digits = trimmed.prefix { $0.isNumber }
        return !digits.isEmpty && (trimmed.dropFirst(digits.count).first == "." || trimmed.dropFirst(digits.count).first == ")")
    }
}

