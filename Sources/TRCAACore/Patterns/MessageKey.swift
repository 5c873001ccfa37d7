/// A message with its values masked, as the miner groups it: a 64-bit hash of the masked
/// tokens (fast path, every line) and, for a line whose hash is new, the tokens themselves.
enum MessageKey {
    /// Tokens beyond this many are hashed but not kept in a template (a hostile line of 100 000
    /// words costs no more memory than one of 64).
    static let keptTokens = 64

    /// The hash and token count of `message` (the line after its header), and whether the
    /// hash read the values of digits (`MessageToken.isLiteralWithDigit`; else only where
    /// digits are).
    static func hash(_ message: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, tokens: Int, readsDigits: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var tokens = 0
        var readsDigits = false
        forEachToken(message) { start, end, token in
            if token.isLiteral {
                readsDigits = readsDigits || token.isLiteralWithDigit
                mix(&hash, message, start, end)
                mix(&hash, UInt64(end - start))
            } else {
                mix(&hash, message, start, token.variableStart)
                mix(&hash, message, token.variableEnd, end)
                // The lengths of the text kept before and after the value, and a mark of a value.
                mix(&hash, UInt64(token.variableStart - start) | UInt64(end - token.variableEnd) << 16 | 1 << 32)
            }
            tokens += 1
        }
        return (hash, tokens, readsDigits)
    }

    /// The template tokens of `message`, at most `keptTokens`.
    static func tokens(_ message: UnsafeBufferPointer<UInt8>) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        forEachToken(message) { start, end, token in
            guard tokens.count < keptTokens else { return }
            let text = { (from: Int, to: Int) in String(decoding: UnsafeBufferPointer(rebasing: message[from..<to]), as: UTF8.self) }
            tokens.append(token.isLiteral ? TemplateToken(literal: text(start, end))
                          : TemplateToken(prefix: text(start, token.variableStart), kind: token.kind(in: message),
                                          suffix: text(token.variableEnd, end)))
        }
        return tokens
    }

    /// Each token, read; a unit after a number (`5.4 KB`, `120 ms`) is part of its value, and
    /// so are the words of a date written out (`Sun Jul 17 23:21:54 2005`).
    private static func forEachToken(_ message: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, MessageToken) -> Void) {
        var value: MessageToken?
        var count = message.count
        while count > 0, message[count - 1] == 13 { count -= 1 }
        var next = skipSpaces(message, 0, count)
        while next < count {
            let start = next
            let (end, firstDigit) = cut(message, start, count)
            next = skipSpaces(message, end, count)
            var token = MessageToken.read(message, start, end, firstDigit: firstDigit)
            if token.isLiteral {
                if let previous = value, let unit = MessageToken.unit(message, start, end), previous.kind(in: message) == .number {
                    token = unit
                } else if next < count, let date = MessageToken.dateWord(message, start, end, before: message[next]) {
                    token = date
                }
            }
            // A value that ends its token: a unit may follow it.
            value = !token.isLiteral && token.variableEnd == end ? token : nil
            body(start, end, token)
        }
    }

    private static func skipSpaces(_ message: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int {
        var index = from
        while index < count, ASCIIByte.isSpace(message[index]) { index += 1 }
        return index
    }

    /// Where the token at `start` ends (its first space or tab, or `count`) and its first digit:
    /// up to the first digit, then on to the end with nothing else to look for.
    @inline(__always) private static func cut(_ message: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> (end: Int, firstDigit: Int?) {
        var end = start
        while end < count, !ASCIIByte.isSpaceOrDigit(message[end]) { end += 1 }
        guard end < count, ASCIIByte.isDigit(message[end]) else { return (end, nil) }
        let firstDigit = end
        while end < count, !ASCIIByte.isSpace(message[end]) { end += 1 }
        return (end, firstDigit)
    }

    /// Mixes the bytes `from..<to` in, eight at a time: a message's hash is a chain of
    /// multiplications, one a word rather than one a byte.
    @inline(__always) private static func mix(_ hash: inout UInt64, _ message: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        var index = from
        while index < to {
            let word = Lanes.load(message, from: index)
            mix(&hash, to - index >= 8 ? word : word & ((1 << (8 * UInt64(to - index))) - 1))
            index += 8
        }
    }

    /// One word mixed in (wyhash's folded 128-bit product).
    @inline(__always) private static func mix(_ hash: inout UInt64, _ word: UInt64) {
        let product = (hash ^ word).multipliedFullWidth(by: 0x9e37_79b9_7f4a_7c15)
        hash = product.high ^ product.low
    }
}

/// One token of a template: literal text, or a variable with the text kept around it.
struct TemplateToken: Hashable, Sendable {
    var prefix: String
    /// nil for a literal.
    var kind: VariableKind?
    var suffix: String
    /// Made by merging keys that differ here: any value fits.
    private(set) var isWildcard = false

    init(literal: String) { (prefix, kind, suffix) = (literal, nil, "") }
    init(prefix: String, kind: VariableKind, suffix: String) { (self.prefix, self.kind, self.suffix) = (prefix, kind, suffix) }

    /// The token of a place where merged keys differ.
    static let wildcard: TemplateToken = {
        var token = TemplateToken(prefix: "", kind: .any, suffix: "")
        token.isWildcard = true
        return token
    }()

    /// What merging compares (the fast path hashes the kept text too): a literal's text;
    /// every variable alike, whatever is kept around it (`<ip>,` and `LOCAL(<num>),` hold the
    /// same place).
    /// A `name=` before a value stays: `ready=<*>` and `steps=<*>` are different messages.
    var word: String { kind == nil ? prefix : prefix.hasSuffix("=") ? prefix + "<*>" : "<*>" }

    /// Appends the token's text as templates show it: variables by kind.
    func write(to text: inout [UInt8]) {
        text += prefix.utf8
        guard let kind else { return }
        text += kind.placeholder.utf8
        text += suffix.utf8
    }

    /// The token two merged keys share: this one if equal, the same text around a `<*>`, or
    /// a wildcard.
    func generalized(with other: TemplateToken) -> TemplateToken {
        if self == other { return self }
        if kind != nil, other.kind != nil, !isWildcard, !other.isWildcard, prefix == other.prefix, suffix == other.suffix {
            return TemplateToken(prefix: prefix, kind: .any, suffix: suffix)
        }
        return .wildcard
    }
}
