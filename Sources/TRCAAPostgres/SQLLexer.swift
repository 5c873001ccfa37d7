/// Just enough of PostgreSQL's lexical rules to find the SQL outside string literals ('…',
/// E'…', $tag$…$tag$), quoted identifiers and comments: where parameter markers and statement
/// ends may be.
enum SQLLexer {
    /// The statements of a script, split at the semicolons outside literals and comments;
    /// empty ones (only whitespace or comments) are dropped.
    static func statements(_ script: String) -> [String] {
        let bytes = Array(script.utf8)
        var statements: [String] = []
        var start = 0
        var hasCode = false
        var index = 0
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == UInt8(ascii: ";") {
                if hasCode { statements.append(String(decoding: bytes[start..<index], as: UTF8.self)) }
                start = index + 1
                hasCode = false
                index += 1
            } else if let end = endOfQuoted(bytes, at: index) {
                hasCode = hasCode || !isComment(bytes, at: index)
                index = end
            } else {
                hasCode = hasCode || !isSpace(bytes[index])
                index += 1
            }
        }
        return statements
    }

    private static func isComment(_ bytes: [UInt8], at index: Int) -> Bool {
        bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "/")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (9...13).contains(byte)
    }

    static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// The index just past the literal, identifier or comment starting at `start`; `nil` when
    /// none starts there. An unterminated one runs to the end of the text.
    static func endOfQuoted(_ bytes: [UInt8], at start: Int) -> Int? {
        let byte = bytes[start]
        let next = start + 1 < bytes.count ? bytes[start + 1] : 0
        switch byte {
        case UInt8(ascii: "'"):
            return endOfQuote(bytes, from: start + 1, quote: byte, backslashEscapes: isEscapePrefix(bytes, before: start))
        case UInt8(ascii: "\""):
            return endOfQuote(bytes, from: start + 1, quote: byte, backslashEscapes: false)
        case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
            return bytes[(start + 2)...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
        case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
            return endOfBlockComment(bytes, from: start + 2)
        case UInt8(ascii: "$"):
            return endOfDollarQuote(bytes, at: start)
        default:
            return nil
        }
    }

    /// `E'…'` (or `e'…'`) not preceded by an identifier character: backslash escapes apply.
    private static func isEscapePrefix(_ bytes: [UInt8], before quote: Int) -> Bool {
        guard quote >= 1, bytes[quote - 1] | 0x20 == UInt8(ascii: "e") else { return false }
        return quote < 2 || !isIdentifierByte(bytes[quote - 2])
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || digit(byte) != nil
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// Past the closing `quote`; a doubled quote is one quote character.
    private static func endOfQuote(_ bytes: [UInt8], from start: Int, quote: UInt8, backslashEscapes: Bool) -> Int {
        var index = start
        while index < bytes.count {
            if backslashEscapes, bytes[index] == UInt8(ascii: "\\") {
                index += 2
            } else if bytes[index] == quote {
                if index + 1 < bytes.count, bytes[index + 1] == quote { index += 2 } else { return index + 1 }
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    /// Past the `*/` that closes the comment opened before `start`; PostgreSQL nests them.
    private static func endOfBlockComment(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 1
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*"), bytes[index + 1] == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    /// `$tag$…$tag$` starting at `start` (a `$` not inside an identifier); `nil` when the `$`
    /// opens no such quote (a `$1` parameter, say).
    private static func endOfDollarQuote(_ bytes: [UInt8], at start: Int) -> Int? {
        if start > 0, isIdentifierByte(bytes[start - 1]) { return nil }
        var tagEnd = start + 1
        while tagEnd < bytes.count, bytes[tagEnd] != UInt8(ascii: "$") {
            guard isIdentifierByte(bytes[tagEnd]), digit(bytes[tagEnd]) == nil || tagEnd > start + 1 else { return nil }
            tagEnd += 1
        }
        guard tagEnd < bytes.count else { return nil }
        let tag = bytes[start...tagEnd]
        var index = tagEnd + 1
        while index + tag.count <= bytes.count {
            if bytes[index..<(index + tag.count)].elementsEqual(tag) { return index + tag.count }
            index += 1
        }
        return bytes.count
    }
}
