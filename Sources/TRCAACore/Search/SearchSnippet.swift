import Foundation

/// The passage of a text around the first place a query's words occur, with every
/// occurrence in it marked — computed from text already in memory, where FTS5's `snippet()`
/// would parse the query and re-tokenise the row once per result.
///
/// Words match whole, ignoring case and diacritics (as the `unicode61` tokenizer does); the
/// last word of a plain query also matches the start of a longer word. One pass over the
/// text; only words with non-ASCII letters are folded through Unicode.
struct SearchSnippet {
    /// Folded query words.
    let terms: [String]
    /// Whether the last term may be the start of a longer word.
    let lastIsPrefix: Bool
    /// Words of context kept before the first match, and words in the whole passage.
    static let wordsBefore = 6
    static let passageWords = 18

    /// The words of `query` to highlight (operators and syntax left out).
    init(query: String) {
        terms = Self.words(in: query).map { Self.fold(query[$0]) }.filter { !["and", "or", "not", "near"].contains($0) }
        lastIsPrefix = !query.contains { "\"*()^".contains($0) } || query.hasSuffix("*")
    }

    /// `text` cut to the passage around the first match, matches between
    /// `SearchResult.highlightStart` and `.highlightEnd`; the text's start when nothing matches.
    func passage(of text: String) -> String {
        let words = Self.words(in: text)
        guard !words.isEmpty else { return "" }
        let matching = words.map { matches(text[$0]) }
        let first = matching.firstIndex(of: true) ?? 0
        let from = max(0, first - Self.wordsBefore)
        let to = min(words.count, from + Self.passageWords)
        var out = from > 0 ? "…" : ""
        var cursor = words[from].lowerBound
        for index in from..<to where matching[index] {
            out += Self.oneLine(text[cursor..<words[index].lowerBound])
            out.append(SearchResult.highlightStart)
            out += text[words[index]]
            out.append(SearchResult.highlightEnd)
            cursor = words[index].upperBound
        }
        let end = to < words.count ? words[to - 1].upperBound : text.endIndex
        out += Self.oneLine(text[cursor..<end])
        return to < words.count ? out + "…" : out
    }

    private func matches(_ word: Substring) -> Bool {
        guard !terms.isEmpty else { return false }
        let folded = Self.fold(word)
        for (index, term) in terms.enumerated() {
            if folded == term || (lastIsPrefix && index == terms.count - 1 && folded.hasPrefix(term)) { return true }
        }
        return false
    }

    /// Runs of letters and digits.
    static func words(in text: String) -> [Range<String.Index>] {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiWords(in: text) : unicodeWords(in: text)
    }

    /// `words(in:)` of ASCII text, byte by byte: its letters are A–Z and a–z, its digits 0–9.
    private static func asciiWords(in text: String) -> [Range<String.Index>] {
        let utf8 = text.utf8
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let isWord = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if isWord, start == nil { start = index }
            if !isWord, let begin = start {
                ranges.append(begin..<index)
                start = nil
            }
            utf8.formIndex(after: &index)
        }
        if let begin = start { ranges.append(begin..<text.endIndex) }
        return ranges
    }

    /// `words(in:)` of any text, by `Character`.
    private static func unicodeWords(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let isWord = character.isLetter || character.isNumber
            if isWord, start == nil { start = index }
            if !isWord, let begin = start {
                ranges.append(begin..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start { ranges.append(begin..<text.endIndex) }
        return ranges
    }

    /// Lowercased, and without diacritics for words that have any.
    static func fold(_ word: Substring) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static func oneLine(_ text: Substring) -> String {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x80 }  // ASCII with no line break
        return plain || !text.contains(where: \.isNewline) ? String(text) : String(text.map { $0.isNewline ? " " : $0 })
    }
}
