/// Inline Markdown: `**strong**`, `__strong__`, `*emphasis*`, `_emphasis_` (not inside
/// words, so `snake_case` stays as it is), `` `code` ``, `[text](url)`, backslash escapes,
/// and hard line breaks (two spaces or a backslash before a newline).
enum MarkdownInlineParser {
    static func parse(_ text: String) -> [MarkdownInline] {
        merge(parse(Array(text)[...]))
    }

    private static func parse(_ chars: ArraySlice<Character>) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        var text = ""
        var index = chars.startIndex
        func flush() {
            if !text.isEmpty { result.append(.text(text)) }
            text = ""
        }
        while index < chars.endIndex {
            let character = chars[index]
            let next = index + 1 < chars.endIndex ? chars[index + 1] : nil
            if character == "\\", let next, next == "\n" {
                flush()
                result.append(.lineBreak)
                index += 2
            } else if character == "\\", let next, next.isPunctuation || next.isSymbol {
                text.append(next)
                index += 2
            } else if character == "\n" {
                if text.hasSuffix("  ") {
                    text = String(text.dropLast(2))
                    flush()
                    result.append(.lineBreak)
                } else {
                    text.append(" ")
                }
                index += 1
            } else if character == "`", let close = chars[(index + 1)...].firstIndex(of: "`") {
                flush()
                result.append(.code(String(chars[(index + 1)..<close])))
                index = close + 1
            } else if (character == "*" || character == "_"), next == character,
                      let close = closing(String([character, character]), in: chars, from: index + 2) {
                flush()
                result.append(.strong(parse(chars[(index + 2)..<close])))
                index = close + 2
            } else if (character == "*" || character == "_"), opens(character, in: chars, at: index),
                      let close = closing(String(character), in: chars, from: index + 1) {
                flush()
                result.append(.emphasis(parse(chars[(index + 1)..<close])))
                index = close + 1
            } else if character == "[", let link = link(in: chars, at: index) {
                flush()
                result.append(.link(text: parse(chars[(index + 1)..<link.textEnd]), url: link.url))
                index = link.end
            } else {
                text.append(character)
                index += 1
            }
        }
        flush()
        return result
    }

    /// An opener is followed by a non-space; `_` must also not follow a letter or digit.
    private static func opens(_ marker: Character, in chars: ArraySlice<Character>, at index: Int) -> Bool {
        guard index + 1 < chars.endIndex, !chars[index + 1].isWhitespace else { return false }
        if marker == "_", index > chars.startIndex, chars[index - 1].isLetter || chars[index - 1].isNumber { return false }
        return true
    }

    /// The index of the closing delimiter, not preceded by a space (and, for `_`, not
    /// followed by a letter or digit).
    private static func closing(_ delimiter: String, in chars: ArraySlice<Character>, from start: Int) -> Int? {
        let marks = Array(delimiter)
        var index = start + 1
        while index + marks.count <= chars.endIndex {
            if chars[index] == "\\" { index += 2; continue }
            if chars[index] == "`", let close = chars[(index + 1)...].firstIndex(of: "`") { index = close + 1; continue }
            if Array(chars[index..<(index + marks.count)]) == marks, !chars[index - 1].isWhitespace {
                let after = index + marks.count < chars.endIndex ? chars[index + marks.count] : nil
                let wordFollows = after.map { $0.isLetter || $0.isNumber } ?? false
                if marks[0] == "_" && wordFollows {
                    index += 1
                    continue
                }
                if marks.count == 1, after == marks[0] {
                    index += 2
                    continue
                }
                return index
            }
            index += 1
        }
        return nil
    }

    /// `[text](url)` starting at `index`.
    private static func link(in chars: ArraySlice<Character>, at index: Int) -> (textEnd: Int, url: String, end: Int)? {
        guard let textEnd = chars[(index + 1)...].firstIndex(of: "]"), textEnd + 1 < chars.endIndex,
              chars[textEnd + 1] == "(", let urlEnd = chars[(textEnd + 2)...].firstIndex(of: ")") else { return nil }
        let url = String(chars[(textEnd + 2)..<urlEnd])
        guard !url.contains(" ") else { return nil }
        return (textEnd, url, urlEnd + 1)
    }

    private static func merge(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        var merged: [MarkdownInline] = []
        for inline in inlines {
            if case .text(let next) = inline, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + next)
            } else {
                merged.append(inline)
            }
        }
        return merged
    }
}
