import Glibc

/// What the terminal shows: UTF-8, or only ASCII when the locale is not UTF-8 (`LANG=C`, the
/// default of many servers), where UTF-8 bytes would be garbage.
public enum Charset: Sendable, Equatable {
    case utf8, ascii

    /// The charset of the locale the environment selects (`LC_ALL`, `LC_CTYPE`, `LANG`), made
    /// current. A UTF-8 locale that is not installed here (a laptop's, over SSH) is the
    /// terminal's, so C.UTF-8 stands in for it.
    public static func selectLocale(environment: [String: String]) -> Charset {
        if setlocale(LC_ALL, "") != nil {
            return String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8" ? .utf8 : .ascii
        }
        let wanted = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
        guard wanted.uppercased().contains("UTF-8") || wanted.uppercased().contains("UTF8") else {
            setlocale(LC_ALL, "C")
            return .ascii
        }
        setlocale(LC_ALL, "C.UTF-8")
        return .utf8
    }
}

/// ASCII for the symbols trcaa draws, and `?` for other text, on a terminal without UTF-8.
/// Box lines become `+ - |` here; the ncurses backend draws them with the terminal's own
/// line-drawing set instead.
public enum ASCIIFallback {
    /// A box-drawing character as the ncurses alternate character set names it (`q` is a
    /// horizontal line, `l` the upper-left corner…).
    static func lineDrawing(_ text: String) -> Character? { lines[text] }

    /// The cell's text in ASCII, as wide as the cell.
    static func text(of cell: Cell) -> String {
        if cell.isContinuation || cell.text.utf8.allSatisfy({ $0 < 0x80 }) { return cell.text }
        if let line = lines[cell.text] { return String(drawn[line] ?? "+") }
        if let symbol = symbols[cell.text], symbol.count == Int(cell.width) { return symbol }
        return String(repeating: "?", count: Int(cell.width))
    }

    /// The frame as an ASCII terminal shows it.
    public static func apply(to frame: CellBuffer) -> CellBuffer { frame.mapText(text(of:)) }

    private static let lines: [String: Character] = [
        "─": "q", "│": "x", "┌": "l", "┐": "k", "└": "m", "┘": "j", "├": "t", "┤": "u", "┬": "w", "┴": "v", "┼": "n",
    ]
    private static let drawn: [Character: Character] = ["q": "-", "x": "|"]
    private static let symbols: [String: String] = [
        "·": "-", "…": "~", "“": "\"", "”": "\"", "‘": "'", "’": "'", "—": "-", "–": "-", "→": ">", "←": "<", "↑": "^",
        "↓": "v", "›": ">", "★": "*", "•": "*", "✎": "e", "▸": ">", "▶": ">", "▤": "#", "█": "#", "⇪": "^", "×": "x",
        "§": "S", "✓": "*", "�": "?", "◆": "+", "☐": "[", "☑": "x",
    ]
}
