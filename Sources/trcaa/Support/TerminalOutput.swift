import Foundation
import Glibc
import TRCAACore

/// How stdout should look: its width and whether to colour.
struct TerminalOutput {
    /// Columns of the terminal, or `nil` when stdout is not a terminal (no truncation).
    let width: Int?
    let color: Bool

    static func current(noColor: Bool) -> TerminalOutput {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        var width: Int?
        if isTerminal {
            width = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col)
                : Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
        }
        let environment = ProcessInfo.processInfo.environment
        let color = isTerminal && !noColor && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        return TerminalOutput(width: width, color: color)
    }

    /// `text` in an SGR style (`1` bold, `31` red…) when colouring.
    func styled(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// A severity in its colour: P1 red, P2 yellow.
    func severity(_ value: String) -> String {
        switch value {
        case "P1": styled(value, "1;31")
        case "P2": styled(value, "33")
        default: value
        }
    }
}

/// A plain-text table: columns padded to their widest cell, the last one cut with `…` to fit.
struct TextTable {
    var header: [String]
    var rows: [[String]]
    /// Display text per cell (colour added after measuring).
    var decorate: (Int, String) -> String = { $1 }

    func render(width: Int?) -> String {
        let columns = header.count
        var widths = (0..<columns).map { column in
            ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
        }
        if let width {
            let fixed = widths.dropLast().reduce(0, +) + 2 * (columns - 1)
            widths[columns - 1] = max(10, min(widths[columns - 1], width - fixed))
        }
        return ([header] + rows).enumerated().map { index, row in
            row.enumerated().map { column, cell in
                let fitted = column == columns - 1 ? DisplayWidth.truncate(cell, to: widths[column]) : cell
                let padded = column == columns - 1 ? fitted
                    : fitted + String(repeating: " ", count: widths[column] - DisplayWidth.of(fitted))
                return index == 0 ? padded : decorate(column, padded)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// Terminal column widths of text: wide East Asian characters and emoji take two.
enum DisplayWidth {
    static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0x200D { return 0 }
        let value = scalar.value
        let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value)
            || (0x20000...0x3FFFD).contains(value)
        return wide ? 2 : 1
    }

    /// `text` cut to `width` columns, ending in `…` when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }
}
