/// A query typed in FTS5's syntax (SPEC §8), parsed so the PostgreSQL index can run it:
/// `"phrases"`, barewords, `*` prefixes, `+` joining phrases, `AND`/`OR`/`NOT` (FTS5's
/// precedence: NOT, then AND, then OR), implicit AND, parentheses and `NEAR(…)`.
///
/// What `tsquery` cannot say is widened, never narrowed: `NEAR(a b, N)` matches a and b
/// anywhere, a column filter (`title: x`) and the initial-token mark (`^x`) are ignored.
indirect enum TypedFullTextQuery: Equatable {
    case phrase([String], prefix: Bool)
    case and([TypedFullTextQuery])
    case or([TypedFullTextQuery])
    /// `kept NOT excluded…`.
    case not(TypedFullTextQuery, [TypedFullTextQuery])

    /// `nil` where FTS5 reports a syntax error.
    init?(_ text: String) {
        guard case .tokens(let tokens) = Lexer.lex(text) else { return nil }
        var parser = Parser(tokens: tokens)
        guard !parser.tokens.isEmpty, let query = parser.orExpression(), parser.atEnd else { return nil }
        self = query
    }

    /// Why FTS5 refuses `text`, in its words: `unterminated string`, or `fts5: syntax error near
    /// "X"` with X where the parse stopped (empty at the end); `nil` when `text` is a query.
    static func syntaxError(in text: String) -> String? {
        let tokens: [Token]
        switch Lexer.lex(text) {
        case .refused(let reason): return reason
        case .tokens(let lexed): tokens = lexed
        }
        var parser = Parser(tokens: tokens)
        if !tokens.isEmpty, parser.orExpression() != nil, parser.atEnd { return nil }
        return "fts5: syntax error near \"\(parser.atEnd ? "" : tokens[parser.index].text)\""
    }

    fileprivate enum Token: Equatable {
        case word(String), string(String)
        case open, close, star, plus, colon, caret, comma

        /// As typed (a string without its quotes), for messages.
        var text: String {
            switch self {
            case .word(let text), .string(let text): text
            case .open: "("
            case .close: ")"
            case .star: "*"
            case .plus: "+"
            case .colon: ":"
            case .caret: "^"
            case .comma: ","
            }
        }
    }

    /// The tokens of a text, or why there are none.
    private enum Lexed {
        case tokens([Token])
        case refused(String)
    }

    private enum Lexer {
        static func lex(_ text: String) -> Lexed {
            var tokens: [Token] = []
            var scalars = Array(text.unicodeScalars)[...]
            while let scalar = scalars.first {
                scalars = scalars.dropFirst()
                switch scalar {
                case " ", "\t", "\n", "\r": continue
                case "(": tokens.append(.open)
                case ")": tokens.append(.close)
                case "*": tokens.append(.star)
                case "+": tokens.append(.plus)
                case ":": tokens.append(.colon)
                case "^": tokens.append(.caret)
                case ",": tokens.append(.comma)
                case "\"":
                    var string = String.UnicodeScalarView()
                    while true {
                        guard let next = scalars.first else { return .refused("unterminated string") }
                        scalars = scalars.dropFirst()
                        if next == "\"" {
                            guard scalars.first == "\"" else { break }
                            scalars = scalars.dropFirst()
                        }
                        string.append(next)
                    }
                    tokens.append(.string(String(string)))
                case _ where isBareword(scalar):
                    var word = String.UnicodeScalarView([scalar])
                    while let next = scalars.first, isBareword(next) {
                        word.append(next)
                        scalars = scalars.dropFirst()
                    }
                    tokens.append(.word(String(word)))
                default: return .refused("fts5: syntax error near \"\(Character(scalar))\"")
                }
            }
            return .tokens(tokens)
        }

        /// FTS5's bareword characters: ASCII letters and digits, `_`, `\u{1A}` and all non-ASCII.
        private static func isBareword(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0x80 || scalar == "_" || scalar == "\u{1A}"
                || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
        }
    }

    private struct Parser {
        var tokens: [Token]
        var index = 0
        var atEnd: Bool { index == tokens.count }

        private var next: Token? { atEnd ? nil : tokens[index] }

        private mutating func take(_ token: Token) -> Bool {
            guard next == token else { return false }
            index += 1
            return true
        }

        private mutating func takeKeyword(_ keyword: String) -> Bool { take(.word(keyword)) }

        mutating func orExpression() -> TypedFullTextQuery? {
            guard let first = andExpression() else { return nil }
            var parts = [first]
            while takeKeyword("OR") {
                guard let part = andExpression() else { return nil }
                parts.append(part)
            }
            return parts.count == 1 ? first : .or(parts)
        }

        private mutating func andExpression() -> TypedFullTextQuery? {
            guard let first = notExpression() else { return nil }
            var parts = [first]
            while true {
                if takeKeyword("AND") {
                    guard let part = notExpression() else { return nil }
                    parts.append(part)
                } else if startsPrimary, let part = notExpression() {
                    parts.append(part)
                } else {
                    break
                }
            }
            return parts.count == 1 ? first : .and(parts)
        }

        private mutating func notExpression() -> TypedFullTextQuery? {
            guard let kept = primary() else { return nil }
            var excluded: [TypedFullTextQuery] = []
            while takeKeyword("NOT") {
                guard let part = primary() else { return nil }
                excluded.append(part)
            }
            return excluded.isEmpty ? kept : .not(kept, excluded)
        }

        /// A token that begins a primary (implicit AND); the keywords do not.
        private var startsPrimary: Bool {
            switch next {
            case .word(let word): !["AND", "OR", "NOT"].contains(word)
            case .string, .open, .caret: true
            default: false
            }
        }

        private mutating func primary() -> TypedFullTextQuery? {
            if take(.open) {
                guard let inner = orExpression(), take(.close) else { return nil }
                return inner
            }
            if next == .word("NEAR"), index + 1 < tokens.count, tokens[index + 1] == .open {
                index += 2
                return near()
            }
            if case .word(let column) = next, index + 1 < tokens.count, tokens[index + 1] == .colon,
               !["AND", "OR", "NOT"].contains(column)
            {
                index += 2  // a column filter: matched in every column
                return primary()
            }
            _ = take(.caret)
            return phrase()
        }

        /// `NEAR(phrase phrase… [, N])`, widened to all the phrases.
        private mutating func near() -> TypedFullTextQuery? {
            var phrases: [TypedFullTextQuery] = []
            while let part = phrase() { phrases.append(part) }
            if take(.comma) {
                guard case .word(let distance) = next, Int(distance) != nil else { return nil }
                index += 1
            }
            guard phrases.count >= 1, take(.close) else { return nil }
            return phrases.count == 1 ? phrases[0] : .and(phrases)
        }

        /// Strings and barewords joined by `+`, with an optional `*` after the last.
        private mutating func phrase() -> TypedFullTextQuery? {
            var terms: [String] = []
            repeat {
                switch next {
                case .word(let text) where !["AND", "OR", "NOT"].contains(text), .string(let text):
                    terms += FullTextTokens.terms(text)
                    index += 1
                default:
                    return nil
                }
            } while take(.plus)
            return .phrase(terms, prefix: take(.star))
        }
    }
}
