/// Secrets named by a keyword: `password=…`, `"api_key": "…"`, `client_secret: …`,
/// `Authorization: Bearer …`, `password <value>`, mysql `-p…`. The span is the value only.
enum KeyValueDetector {
    /// What a key names.
    enum Kind { case password, apiKey, authorization }

    /// `key <sep> value` around the separator at `position` (`=`, `:`, `:=`, `=>`).
    static func assignment(_ text: ByteText, separator position: Int, _ found: inout Candidates) {
        // A key of digits only (the `10:42` of a time) names nothing: the common case, settled first.
        let digitsStart = text.digitStart(before: position)
        if digitsStart < position, !text.has(.base64url, at: digitsStart - 1), text[digitsStart - 1] != UInt8(ascii: ".") { return }
        // `:=` and `=>` are one separator; handle them at their first byte.
        if text[position] == UInt8(ascii: "=") && text[position - 1] == UInt8(ascii: ":") { return }
        if text[position] == UInt8(ascii: ":") && text[position + 1] == UInt8(ascii: "/") { return }
        var keyEnd = position
        while text.has(.space, at: keyEnd - 1) { keyEnd -= 1 }
        let quote = text[keyEnd - 1]
        let isQuoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
        if isQuoted { keyEnd -= 1 }
        // The key's characters, read backwards; what they spell is looked at on the way.
        var keyStart = keyEnd
        var fragments = SecretFragments()
        while keyStart > 0, text.has(.key, at: keyStart - 1) {
            keyStart -= 1
            fragments.prepend(text[keyStart])
        }
        // A quoted key may hold spaces (`"API Key": …`): it runs back to its opening quote.
        if isQuoted, text[keyStart - 1] == UInt8(ascii: " ") {
            var open = keyStart
            while open > 0, keyEnd - open < 40, text.has([.alnum, .space], at: open - 1) || ByteClass.isOne(of: "_-.", text[open - 1]) {
                open -= 1
            }
            if text[open - 1] == quote {
                for index in (open..<keyStart).reversed() { fragments.prepend(text[index]) }
                keyStart = open
            }
        }
        guard keyEnd - keyStart >= 2, fragments.found, let kind = kind(ofKey: text, keyStart..<keyEnd) else { return }
        var valueStart = position + 1
        if (text[position] == UInt8(ascii: "=") && text[valueStart] == UInt8(ascii: ">"))
            || (text[position] == UInt8(ascii: ":") && text[valueStart] == UInt8(ascii: "=")) { valueStart += 1 }
        while text.has(.space, at: valueStart) { valueStart += 1 }
        if kind == .authorization {
            authorization(text, valueStart, &found)
            return
        }
        guard let value = value(text, from: valueStart), isSecretValue(text, value, kind: kind) else { return }
        // `PWD=/home/user` is the shell's working directory.
        if kind == .password, keyEnd - keyStart == 3, text.startsWith("PWD", at: keyStart), text[value.lowerBound] == UInt8(ascii: "/") {
            return
        }
        found.add(kind == .password ? .password : .apiKey, value.lowerBound, value.upperBound)
    }

    /// Whether a key holds one of the fragments every secret-naming key has (`pas`, `pwd`,
    /// `key`, `tok`, `sec`, `auth`), in any case: a cheap test, made while the key is read
    /// backwards, that turns away nearly every key in a log before `kind(ofKey:)` splits it into words.
    struct SecretFragments {
        /// The last four characters prepended, lowercased; the first of them in the low byte.
        private var window: UInt32 = 0
        private(set) var found = false

        @inline(__always) mutating func prepend(_ byte: UInt8) {
            let lower = byte | 0x20  // Exact for letters; other bytes start no fragment either way.
            window = window << 8 | UInt32(lower)
            // Every fragment compared at every byte, without a branch: key bytes are too
            // varied for a branch on each to be predicted.
            let three = window & 0xFF_FFFF
            found = found || three == 0x73_6170 || three == 0x64_7770 || three == 0x79_656B  // pas, pwd, key
                || three == 0x6B_6F74 || three == 0x63_6573 || window == 0x6874_7561  // tok, sec, auth
        }
    }

    /// The kind of secret a key names, from its words (`db_pass_secure`, `DB_PASSWORD`,
    /// `apikey_myservice`, `bot_token4`, `client_secret`); `nil` for other keys.
    static func kind(ofKey text: ByteText, _ range: Range<Int>) -> Kind? {
        let key = KeyWords(text, range)
        guard let last = key.words.last else { return nil }
        if key.words.count == 1, key.word(last, is: "authorization") { return .authorization }
        if key.words.contains(where: { KeyWords.passwordWords.contains(key.letters[$0]) }) {
            return KeyWords.policyWords.contains(key.letters[last]) ? nil : .password
        }
        let phrases: [StaticString] = ["apikey", "accesstoken", "clientsecret", "authtoken", "apitoken", "secretkey", "privatetoken",
                                       "accountkey", "userauth", "sessiontoken", "refreshtoken", "idtoken", "secretaccesskey",
                                       "privatekey", "accesskeysecret"]
        if phrases.contains(where: { key.joinedContains($0) }) { return .apiKey }
        if key.word(last, is: "token") || key.word(last, is: "secret")
            || (key.word(last, is: "key") && key.words.count >= 2 && key.word(key.words[key.words.count - 2], is: "x")) {
            return .apiKey
        }
        return nil
    }

    /// Values longer than this name no secret: a password, key or token is shorter (a JWT or a
    /// private key is found by its own format). Read further, every separator of a long run of
    /// `password=password=…` read the rest of the run, in time the square of its length.
    static let maximumValueLength = 4096

    /// The value after a separator: quoted (up to the closing quote) or a run of non-space
    /// characters without trailing punctuation; `nil` past `maximumValueLength`.
    static func value(_ text: ByteText, from start: Int) -> Range<Int>? {
        let quote = text[start]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "`") {
            var end = start + 1
            while end < text.count, end - start <= maximumValueLength, text[end] != quote, text[end] != 10 {
                end += text[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            return end < text.count && end - (start + 1) <= maximumValueLength && text[end] == quote ? (start + 1)..<end : nil
        }
        var end = start
        while end < text.count, end - start <= maximumValueLength, text[end] > 32, text[end] != UInt8(ascii: "\"") { end += 1 }
        guard end - start <= maximumValueLength else { return nil }
        while end > start, ByteClass.isOne(of: ",;`'.):", text[end - 1]) { end -= 1 }
        return end > start ? start..<end : nil
    }

    /// Not empty, not a placeholder (`********`, `${VAR}`, `<YOUR_KEY>`, `null`), and for keys
    /// long enough to be one.
    static func isSecretValue(_ text: ByteText, _ range: Range<Int>, kind: Kind) -> Bool {
        guard !range.isEmpty, !isPlaceholder(text, range) else { return false }
        if kind == .password { return true }
        // An API key written without quotes is token characters with letters and digits
        // (`Token{a64f992` or `BinderProxy@2bd79ce` are object names, not keys).
        // Quoted, it may hold spaces and punctuation (`"sk live/abc+def=="`, `'a b;c'`).
        if ByteClass.isOne(of: "\"'`", text[range.lowerBound - 1]) {
            return range.count >= 8 || (range.count >= 4 && range.contains { !text.has(.alnum, at: $0) })
        }
        return range.count >= 8 && range.allSatisfy { text.has(.token, at: $0) } && VendorTokens.hasMix(text, range)
            && !isName(text, range)
    }

    /// Dotted or slashed names (`com.apple.xpc.activity/4505`): two or more segments that are
    /// lowercase words. Random keys do not split into words.
    static func isName(_ text: ByteText, _ range: Range<Int>) -> Bool {
        var words = 0
        text.forEachSegment(of: range, separatedBy: "./:_-") { segment in
            if segment.count >= 3, segment.allSatisfy({ text.has(.lower, at: $0) }) { words += 1 }
        }
        return words >= 2
    }

    static func isPlaceholder(_ text: ByteText, _ range: Range<Int>) -> Bool {
        let first = text[range.lowerBound], last = text[range.upperBound - 1]
        if first == UInt8(ascii: "<") && last == UInt8(ascii: ">") { return true }
        if first == UInt8(ascii: "$") && text[range.lowerBound + 1] == UInt8(ascii: "{") && last == UInt8(ascii: "}") { return true }
        if first == UInt8(ascii: "{") && text[range.lowerBound + 1] == UInt8(ascii: "{") && last == UInt8(ascii: "}") { return true }
        if range.allSatisfy({ ByteClass.isOne(of: "*xX#.-_ ", text[$0]) }) { return true }
        if placeholderWords.contains(text, range) { return true }
        if first == UInt8(ascii: "["), last == UInt8(ascii: "]"), range.count == 10, text.matches("redacted", at: range.lowerBound + 1) {
            return true
        }
        // `$DB_PASSWORD`, `%s`, `%(password)s`: a variable or a format, not a value.
        if first == UInt8(ascii: "$"), range.dropFirst().allSatisfy({ text.has([.upper, .digit], at: $0) || text[$0] == UInt8(ascii: "_") }) {
            return true
        }
        return first == UInt8(ascii: "%")
            && (range.count <= 3 || (text[range.lowerBound + 1] == UInt8(ascii: "(") && text.startsWith(")s", at: range.upperBound - 2)))
    }

    private static let placeholderWords = WordSet("""
        null none nil undefined empty redacted changeme true false required optional hidden masked secret password string
        """)

    /// `Authorization: Bearer X`, `Authorization: token X`, `Authorization: Api-Token X`,
    /// or a bare credential after `Authorization:`.
    private static func authorization(_ text: ByteText, _ start: Int, _ found: inout Candidates) {
        var cursor = start
        if text[cursor] == UInt8(ascii: "\"") || text[cursor] == UInt8(ascii: "'") { cursor += 1 }
        let schemeEnd = text.runEnd(.base64url, from: cursor)
        var type = PIIType.apiKey
        if text.has(.space, at: schemeEnd), schemeEnd > cursor {
            let scheme = text.string(cursor..<schemeEnd).lowercased()
            guard ["bearer", "token", "api-token", "apitoken", "apikey", "key", "sso-key", "basic", "digest"].contains(scheme)
            else { return }
            if scheme == "bearer" { type = .bearer }
            cursor = schemeEnd
            while text.has(.space, at: cursor) { cursor += 1 }
        }
        let end = text.runEnd(.token, from: cursor, before: cursor + maximumValueLength + 1)
        guard end - cursor >= 8, end - cursor <= maximumValueLength, !isPlaceholder(text, cursor..<end) else { return }
        found.add(type, cursor, end)
    }

    /// `Bearer <token>` outside an Authorization header (`auth=Bearer …`), at a word start.
    static func bareBearer(_ text: ByteText, at word: Int, _ found: inout Candidates) {
        guard ByteClass.lower(text[word]) == UInt8(ascii: "b"), text.matches("bearer ", at: word) else { return }
        let start = word + 7
        let end = text.runEnd(.token, from: start)
        guard end - start >= 16, VendorTokens.hasMix(text, start..<end), !isPlaceholder(text, start..<end) else { return }
        found.add(.bearer, start, end)
    }

    /// `password <value>` with no separator, at a word start, where the value looks like a
    /// secret (a digit or a symbol in it) and is not a word of a sentence (`Failed password for root`).
    static func spacedPassword(_ text: ByteText, at word: Int, _ found: inout Candidates) {
        guard ByteClass.lower(text[word]) == UInt8(ascii: "p") else { return }
        let keyEnd = text.runEnd(.alpha, from: word)
        let key = word..<keyEnd
        guard text[keyEnd] == UInt8(ascii: " "), (4...10).contains(key.count),
              KeyWords.spacedPasswordKeys.contains(text, key) else { return }
        var start = keyEnd + 1
        // `my password is abc123!!`: the value follows "is" or "was".
        if text.matches("is ", at: start) { start += 3 } else if text.matches("was ", at: start) { start += 4 }
        var end = start
        while end < text.count, text[end] > 32 { end += 1 }
        // Trailing punctuation, or the quote that closes the text around it, is not the value's.
        while end > start, ByteClass.isOne(of: ",;.)\"'", text[end - 1]) { end -= 1 }
        let range = start..<end
        guard range.count >= 4, range.contains(where: { !text.has(.alpha, at: $0) }),
              !ByteClass.isOne(of: "([{<\"'", text[start]), !isPlaceholder(text, range),
              !KeyWords.isSentenceWord(text, range) else { return }
        found.add(.password, start, end)
    }

    /// How far before its `-p` `mysql` is looked for on the line: a command line is shorter,
    /// and read to its start for each `-p`, a long line of them took time in its length's square.
    static let commandLineLength = 4096
    private static let mysql = Array("mysql".utf8)

    /// `mysql … -pSECRET` or `-p SECRET`, at a `-`.
    static func mysqlPassword(_ text: ByteText, dash: Int, _ found: inout Candidates) {
        guard text[dash + 1] == UInt8(ascii: "p"), text.has(.space, at: dash - 1) else { return }
        var lineStart = dash
        while lineStart > max(dash - commandLineLength, 0), text[lineStart - 1] != 10 { lineStart -= 1 }
        guard text.end(ofFirst: mysql, from: lineStart, before: dash) != nil else { return }
        var start = dash + 2
        if text.has(.space, at: start) { start += 1 }
        var end = start
        while end < text.count, text[end] > 32 { end += 1 }
        guard end - start >= 3, text[start] != UInt8(ascii: "-"), !isPlaceholder(text, start..<end) else { return }
        found.add(.password, start, end)
    }
}

/// The words of a key name: split at `_ - .` and at lower-to-upper case changes, lowercased,
/// trailing digits dropped (`bot_token4` → bot, token), joined without separators.
struct KeyWords {
    /// The words, lowercased, one after the other (`bottoken`).
    private(set) var letters: [UInt8] = []
    /// Each word's range in `letters`.
    private(set) var words: [Range<Int>] = []

    init(_ source: ByteText, _ range: Range<Int>) {
        var wordStart = 0
        func flush() {
            while letters.count > wordStart, (48...57).contains(letters[letters.count - 1]) { letters.removeLast() }
            if letters.count > wordStart { words.append(wordStart..<letters.count) }
            wordStart = letters.count
        }
        for index in range {
            guard source.has(.alnum, at: index) else {
                flush()
                continue
            }
            if source.has(.upper, at: index), source.has(.lower, at: index - 1) { flush() }
            letters.append(ByteClass.lower(source[index]))
        }
        flush()
    }

    func word(_ range: Range<Int>, is literal: StaticString) -> Bool {
        range.count == literal.utf8CodeUnitCount && letters[range].elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    func joinedContains(_ phrase: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount)
        guard letters.count >= needle.count else { return false }
        return (0...(letters.count - needle.count)).contains { letters[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    static let passwordWords = WordSet("password passwd pwd pass passphrase passcode")

    /// Key words that describe a password rule rather than hold one (`password_policy`).
    static let policyWords = WordSet("""
        policy expiry expires expired length reset change changed hash file prompt strength age min max rules required \
        enabled auth authentication timeout attempts retries history complexity count less
        """)

    /// Keys of `password <value>`.
    static let spacedPasswordKeys = WordSet("password passwd pwd pass passphrase")

    private static let sentenceWords = WordSet("""
        for expired changed reset required incorrect invalid accepted rejected updated authentication strength policy \
        change from is was has and or
        """)

    /// Words that follow "password" in sentences.
    static func isSentenceWord(_ text: ByteText, _ range: Range<Int>) -> Bool {
        sentenceWords.contains(text, range)
    }
}
