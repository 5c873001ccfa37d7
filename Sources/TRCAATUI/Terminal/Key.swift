/// A key press, decoded from the terminal's input.
public enum Key: Hashable, Sendable {
    /// A printable character, space included.
    case char(Character)
    /// Ctrl with a letter, e.g. `.ctrl("d")`.
    case ctrl(Character)
    /// Alt (Esc prefix) with a character.
    case alt(Character)
    case up, down, left, right, home, end, pageUp, pageDown, insert, delete
    case backspace, enter, escape, tab, backTab
    case function(Int)

    /// How help and footers show the key: `j`, `Ctrl-d`, `PgDn`, `Enter`.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-\(c)"
        case .alt(let c): "Alt-\(c)"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .insert: "Ins"
        case .delete: "Del"
        case .backspace: "Backspace"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .function(let n): "F\(n)"
        }
    }

    /// The key for a printable character or a name as `label` shows it (used by tests and
    /// tmux scripts); `nil` when unknown.
    public init?(label: String) {
        let named: [String: Key] = [
            "Space": .char(" "), "↑": .up, "↓": .down, "←": .left, "→": .right, "Home": .home, "End": .end,
            "PgUp": .pageUp, "PgDn": .pageDown, "Ins": .insert, "Del": .delete, "Backspace": .backspace,
            "Enter": .enter, "Esc": .escape, "Tab": .tab, "S-Tab": .backTab,
        ]
        if let key = named[label] { self = key; return }
        if label.count == 1, let c = label.first { self = .char(c); return }
        if label.hasPrefix("Ctrl-"), label.count == 6, let c = label.last { self = .ctrl(c); return }
        if label.hasPrefix("Alt-"), label.count == 5, let c = label.last { self = .alt(c); return }
        if label.hasPrefix("F"), let n = Int(label.dropFirst()), (1...24).contains(n) { self = .function(n); return }
        return nil
    }
}
