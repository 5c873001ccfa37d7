/// Secrets named by a keyword: `password=…`, `"api_key": "…"`, `client_secret: …`,
/// `Authorization: Bearer …`, `password <value>`, mysql `-p…`. The span is the value only.
enum KeyValueDetector {
    static func scan(_ text: ByteText, into found: inout Candidates) {
        for separator in [UInt8(ascii: "="), UInt8(ascii: ":")] {
            text.forEach(separator) { position in assignment(text, separator: position, &found) }
        }
        spacedPasswords(text, &found)
        mysqlPasswords(text, &found)
        bareBearer(text, &found)
    }

    /// What a key names.
    enum Kind { case password, apiKey, authorization }

    /// `key <sep> value` around the separator at `position` (`=`, `:`, `:=`, `=>`).
    private static func assignment(_ text: ByteText, separator position: Int, _ found: inout Candidates) {
        // `:=` and `=>` are one separator; handle them at their first byte.
        if text[position] == UInt8(ascii: "=") && text[position - 1] == UInt8(ascii: ":") { return }
        if text[position] == UInt8(ascii: ":") && text[position + 1] == UInt8(ascii: "/") { return }
        var keyEnd = position
        while text.has(.space, at: keyEnd - 1) { keyEnd -= 1 }
        if text[keyEnd - 1] == UInt8(ascii: "\"") || text[keyEnd - 1] == UInt8(ascii: "'") { keyEnd -= 1 }
        var keyStart = keyEnd
        while keyStart > 0, text.has(.base64url, at: keyStart - 1) || text[keyStart - 1] == UInt8(ascii: ".") { keyStart -= 1 }
        guard keyEnd - keyStart >= 2, let kind = kind(ofKey: text, keyStart..<keyEnd) else { return }
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
        if kind == .password, text.string(keyStart..<keyEnd) == "PWD", text[value.lowerBound] == UInt8(ascii: "/") { return }
        found.add(kind == .password ? .password : .apiKey, value.lowerBound, value.upperBound)
    }

    /// The kind of secret a key names, from its words (`db_pass_secure`, `DB_PASSWORD`,
    /// `apikey_myservice`, `bot_token4`, `client_secret`); `nil` for other keys.
    static func kind(ofKey text: ByteText, _ range: Range<Int>) -> Kind? {
        let words = KeyWords.split(text, range)
        guard let last = words.last else { return nil }
        if words.count == 1, last == "authorization" { return .authorization }
        if words.contains(where: { ["password", "passwd", "pwd", "pass", "passphrase", "passcode"].contains($0) }) {
            return KeyWords.describesPolicy(last) ? nil : .password
        }
        let joined = words.joined()
        for phrase in ["apikey", "accesstoken", "clientsecret", "authtoken", "apitoken", "secretkey", "privatetoken",
                       "accountkey", "userauth", "sessiontoken", "refreshtoken", "idtoken", "secretaccesskey",
                       "privatekey", "accesskeysecret"] where joined.contains(phrase) {
            return .apiKey
        }
        if ["token", "secret"].contains(last) || (last == "key" && words.count >= 2 && words[words.count - 2] == "x") {
            return .apiKey
        }
        return nil
    }

    /// The value after a separator: quoted (up to the closing quote) or a run of non-space
    /// characters without trailing punctuation.
    static func value(_ text: ByteText, from start: Int) -> Range<Int>? {
        let quote = text[start]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "`") {
            var end = start + 1
            while end < text.count, text[end] != quote, text[end] != 10 {
                end += text[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            return end < text.count && text[end] == quote ? (start + 1)..<end : nil
        }
        var end = start
        while end < text.count, text[end] > 32, text[end] != UInt8(ascii: "\"") { end += 1 }
        while end > start, ",;`'.):".utf8.contains(text[end - 1]) { end -= 1 }
        return end > start ? start..<end : nil
    }

    /// Not empty, not a placeholder (`********`, `${VAR}`, `<YOUR_KEY>`, `null`), and for keys
    /// long enough to be one.
    static func isSecretValue(_ text: ByteText, _ range: Range<Int>, kind: Kind) -> Bool {
        guard !range.isEmpty, !isPlaceholder(text, range) else { return false }
        if kind == .password { return true }
        // An API key written without quotes is token characters with letters and digits
        // (`Token{a64f992` or `BinderProxy@2bd79ce` are object names, not keys).
        let quoted = "\"'`".utf8.contains(text[range.lowerBound - 1])
        return range.count >= 8
            && (quoted || (range.allSatisfy { text.has(.token, at: $0) } && VendorTokens.hasMix(text, range) && !isName(text, range)))
    }

    /// Dotted or slashed names (`com.apple.xpc.activity/4505`): two or more segments that are
    /// lowercase words. Random keys do not split into words.
    static func isName(_ text: ByteText, _ range: Range<Int>) -> Bool {
        text.string(range).split { "./:_-".contains($0) }
            .filter { $0.count >= 3 && $0.allSatisfy { $0.isLetter && $0.isLowercase } }.count >= 2
    }

    static func isPlaceholder(_ text: ByteText, _ range: Range<Int>) -> Bool {
        let first = text[range.lowerBound], last = text[range.upperBound - 1]
        if first == UInt8(ascii: "<") && last == UInt8(ascii: ">") { return true }
        if first == UInt8(ascii: "$") && text[range.lowerBound + 1] == UInt8(ascii: "{") && last == UInt8(ascii: "}") { return true }
        if first == UInt8(ascii: "{") && text[range.lowerBound + 1] == UInt8(ascii: "{") && last == UInt8(ascii: "}") { return true }
        if range.allSatisfy({ "*xX#.-_ ".utf8.contains(text[$0]) }) { return true }
        let value = text.string(range)
        let lowered = value.lowercased()
        if ["null", "none", "nil", "undefined", "empty", "redacted", "[redacted]", "changeme", "true", "false",
            "required", "optional", "hidden", "masked", "secret", "password", "string"].contains(lowered) { return true }
        // `$DB_PASSWORD`, `%s`, `%(password)s`: a variable or a format, not a value.
        if first == UInt8(ascii: "$"), value.dropFirst().allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) { return true }
        return first == UInt8(ascii: "%") && (value.count <= 3 || (value.hasPrefix("%(") && value.hasSuffix(")s")))
    }

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
        let end = text.runEnd(.token, from: cursor)
        guard end - cursor >= 8, !isPlaceholder(text, cursor..<end) else { return }
        found.add(type, cursor, end)
    }

    /// `Bearer <token>` outside an Authorization header (`auth=Bearer …`).
    private static func bareBearer(_ text: ByteText, _ found: inout Candidates) {
        text.forEach(UInt8(ascii: " ")) { space in
            guard text.matches("bearer", at: space - 6), !text.has(.word, at: space - 7) else { return }
            let start = space + 1
            let end = text.runEnd(.token, from: start)
            guard end - start >= 16, VendorTokens.hasMix(text, start..<end), !isPlaceholder(text, start..<end) else { return }
            found.add(.bearer, start, end)
        }
    }

    /// `password <value>` with no separator, where the value looks like a secret (a digit or
    /// a symbol in it) and is not a word of a sentence (`Failed password for root`).
    private static func spacedPasswords(_ text: ByteText, _ found: inout Candidates) {
        text.forEach(UInt8(ascii: " ")) { space in
            var keyStart = space
            while keyStart > 0, text.has(.alpha, at: keyStart - 1) { keyStart -= 1 }
            let key = keyStart..<space
            guard (4...10).contains(key.count), !text.has(.word, at: keyStart - 1),
                  ["password", "passwd", "pwd", "pass", "passphrase"].contains(text.string(key).lowercased()) else { return }
            var start = space + 1
            // `my password is abc123!!`: the value follows "is" or "was".
            for linking in ["is ", "was "] where text.string(start..<min(text.count, start + linking.utf8.count)).lowercased() == linking {
                start += linking.utf8.count
            }
            var end = start
            while end < text.count, text[end] > 32 { end += 1 }
            while end > start, ",;.)".utf8.contains(text[end - 1]) { end -= 1 }
            let range = start..<end
            guard range.count >= 4, range.contains(where: { !text.has(.alpha, at: $0) }),
                  !"([{<\"'".utf8.contains(text[start]), !isPlaceholder(text, range),
                  !KeyWords.isSentenceWord(text.string(range).lowercased()) else { return }
            found.add(.password, start, end)
        }
    }

    /// `mysql … -pSECRET` or `-p SECRET`.
    private static func mysqlPasswords(_ text: ByteText, _ found: inout Candidates) {
        text.forEach(UInt8(ascii: "-")) { dash in
            var lineStart = dash
            while lineStart > 0, text[lineStart - 1] != 10 { lineStart -= 1 }
            guard text[dash + 1] == UInt8(ascii: "p"), text.has(.space, at: dash - 1),
                  SecretDetectors.find("mysql", in: text, from: lineStart).map({ $0 <= dash }) == true else { return }
            var start = dash + 2
            if text.has(.space, at: start) { start += 1 }
            var end = start
            while end < text.count, text[end] > 32 { end += 1 }
            guard end - start >= 3, text[start] != UInt8(ascii: "-"), !isPlaceholder(text, start..<end) else { return }
            found.add(.password, start, end)
        }
    }
}

/// The words of a key name: split at `_ - .` and at lower-to-upper case changes, lowercased,
/// trailing digits dropped (`bot_token4` → bot, token).
enum KeyWords {
    static func split(_ text: ByteText, _ range: Range<Int>) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            while let last = current.last, (48...57).contains(last) { current.removeLast() }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current = []
        }
        for index in range {
            let byte = text[index]
            if !text.has([.alpha, .digit], at: index) {
                flush()
                continue
            }
            if text.has(.upper, at: index), text.has(.lower, at: index - 1) { flush() }
            current.append(ByteClass.lower(byte))
        }
        flush()
        return words
    }

    /// Key words that describe a password rule rather than hold one (`password_policy`).
    static func describesPolicy(_ word: String) -> Bool {
        ["policy", "expiry", "expires", "expired", "length", "reset", "change", "changed", "hash", "file", "prompt",
         "strength", "age", "min", "max", "rules", "required", "enabled", "auth", "authentication", "timeout",
         "attempts", "retries", "history", "complexity", "count", "less"].contains(word)
    }

    /// Words that follow "password" in sentences.
    static func isSentenceWord(_ word: String) -> Bool {
        ["for", "expired", "changed", "reset", "required", "incorrect", "invalid", "accepted", "rejected", "updated",
         "authentication", "strength", "policy", "change", "from", "is", "was", "has", "and", "or"].contains(word)
    }
}
