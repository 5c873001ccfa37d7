/// A one-line text field with readline keys: Ctrl-a/e start/end, Ctrl-u/k delete to the
/// start/end, Ctrl-w and Alt-Backspace delete a word, Alt-b/f move by words.
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: String
    /// The cursor, in characters from the start.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies `key`; returns `false` when the key is not an editing key (the caller handles it).
    public mutating func handle(_ key: Key) -> Bool {
        var characters = Array(text)
        switch key {
        case .char(let c): characters.insert(c, at: cursor); cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1); cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("u"): characters.removeFirst(cursor); cursor = 0
        case .ctrl("k"): characters.removeLast(characters.count - cursor)
        case .ctrl("w"), .alt("\u{7F}"):
            let start = Self.wordStart(before: cursor, in: characters)
            characters.removeSubrange(start..<cursor); cursor = start
        case .alt("b"): cursor = Self.wordStart(before: cursor, in: characters)
        case .alt("f"):
            var end = cursor
            while end < characters.count, characters[end] == " " { end += 1 }
            while end < characters.count, characters[end] != " " { end += 1 }
            cursor = end
        default: return false
        }
        text = String(characters)
        return true
    }

    private static func wordStart(before index: Int, in characters: [Character]) -> Int {
        var start = index
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        return start
    }
}
