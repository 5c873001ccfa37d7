/// Tokens whose issuer gave them a recognisable shape, found without any keyword: GitHub,
/// GitLab, Slack, Stripe secret keys, OpenAI, SendGrid, Google API keys, npm, PyPI, Clojars,
/// Discord and Telegram bot tokens and Mailchimp keys.
enum VendorTokens {
    /// A prefix and the least number of token characters that must follow it.
    private struct Prefixed {
        let prefix: StaticString
        let minimumBody: Int
        let body: ByteClass
    }

    private static let prefixed: [Prefixed] = [
        Prefixed(prefix: "ghp_", minimumBody: 30, body: .base64url), Prefixed(prefix: "gho_", minimumBody: 30, body: .base64url),
        Prefixed(prefix: "ghu_", minimumBody: 30, body: .base64url), Prefixed(prefix: "ghs_", minimumBody: 30, body: .base64url),
        Prefixed(prefix: "ghr_", minimumBody: 30, body: .base64url),
        Prefixed(prefix: "github_pat_", minimumBody: 40, body: .base64url),
        Prefixed(prefix: "glpat-", minimumBody: 20, body: .base64url), Prefixed(prefix: "gldt-", minimumBody: 20, body: .base64url),
        Prefixed(prefix: "glrt-", minimumBody: 20, body: .base64url), Prefixed(prefix: "gloas-", minimumBody: 20, body: .base64url),
        Prefixed(prefix: "glsoat-", minimumBody: 20, body: .base64url), Prefixed(prefix: "glft-", minimumBody: 20, body: .base64url),
        Prefixed(prefix: "glimt-", minimumBody: 20, body: .base64url), Prefixed(prefix: "glptt-", minimumBody: 20, body: .base64url),
        Prefixed(prefix: "glagent-", minimumBody: 20, body: .base64url), Prefixed(prefix: "glcbt-", minimumBody: 20, body: .base64url),
        Prefixed(prefix: "GR1348941", minimumBody: 20, body: .base64url),
        Prefixed(prefix: "sk_live_", minimumBody: 16, body: .base64url), Prefixed(prefix: "sk_test_", minimumBody: 16, body: .base64url),
        Prefixed(prefix: "rk_live_", minimumBody: 16, body: .base64url), Prefixed(prefix: "rk_test_", minimumBody: 16, body: .base64url),
        Prefixed(prefix: "npm_", minimumBody: 36, body: .base64url),
        Prefixed(prefix: "pypi-Ag", minimumBody: 50, body: .base64url),
        Prefixed(prefix: "AIza", minimumBody: 35, body: .base64url),
        Prefixed(prefix: "CLOJARS_", minimumBody: 60, body: .base64url),
    ]

    /// The bytes a format may start with: its prefix's first, Slack's `x`, OpenAI's `s`,
    /// SendGrid's `S` and Discord's `M`, `N`, `O`.
    private static let startBytes: [Bool] = {
        var bytes = [Bool](repeating: false, count: 256)
        for rule in prefixed { bytes[Int(rule.prefix.utf8Start[0])] = true }
        for byte in "xsSMNO".utf8 { bytes[Int(byte)] = true }
        return bytes
    }()

    /// A token at the start of a word (after no base64url character) whose letters and
    /// digits end at `wordEnd`.
    static func token(_ text: ByteText, at start: Int, wordEnd: Int, _ found: inout Candidates) {
        // Most words start no vendor's format: settled by the first byte, or Mailchimp's 32 hex digits.
        guard startBytes[Int(text[start])] || wordEnd - start == 32 else { return }
        let next = text[wordEnd]
        let end = next == UInt8(ascii: "-") || next == UInt8(ascii: "_") ? text.runEnd(.base64url, from: wordEnd) : wordEnd
        // The shortest format has 20 characters in its first word, except SendGrid's `SG.` and
        // Slack's `xoxe.`.
        guard end - start >= 20 || (text[end] == UInt8(ascii: ".") && (end - start == 2 || end - start == 4)),
              let match = match(text, start, end) else { return }
        found.add(.apiKey, start, match)
    }

    /// The end of a vendor token starting at `start` (its word ends at `wordEnd`), if any.
    private static func match(_ text: ByteText, _ start: Int, _ wordEnd: Int) -> Int? {
        for rule in prefixed where rule.prefix.utf8Start[0] == text[start] && text.startsWith(rule.prefix, at: start) {
            let body = wordEnd - start - rule.prefix.utf8CodeUnitCount
            guard body >= rule.minimumBody, !isPlaceholder(text, (start + rule.prefix.utf8CodeUnitCount)..<wordEnd) else { return nil }
            return wordEnd
        }
        return slack(text, start) ?? openAI(text, start, wordEnd) ?? sendGrid(text, start, wordEnd)
            ?? discord(text, start, wordEnd) ?? mailchimp(text, start, wordEnd)
    }

    /// `xox[abeoprs]-…` with a numeric segment, `xoxe.xoxb-1-…`, `xapp-1-…`.
    private static func slack(_ text: ByteText, _ start: Int) -> Int? {
        var cursor = start
        if text.matches("xoxe.", at: cursor), text.matches("xox", at: cursor + 5) { cursor += 5 }
        let isApp = text.matches("xapp-", at: cursor)
        guard isApp || (text.matches("xox", at: cursor) && text.has(.lower, at: cursor + 3) && text[cursor + 4] == UInt8(ascii: "-"))
        else { return nil }
        let end = text.runEnd(.base64url, from: cursor)
        guard end - start >= 24 else { return nil }
        // Segments after the prefix: real tokens carry a numeric one (team or user id) and
        // enough random characters; placeholders (`xoxb-xxxx`, `xoxb-Slack_BOT_TOKEN`) do not.
        var hasNumber = false, digits = 0
        var segmentStart = cursor + 5
        for index in (cursor + 5)...end {
            if index == end || text[index] == UInt8(ascii: "-") {
                if index - segmentStart >= 1, (segmentStart..<index).allSatisfy({ text.has(.digit, at: $0) }) { hasNumber = true }
                segmentStart = index + 1
            } else if text.has(.digit, at: index) {
                digits += 1
            }
        }
        return hasNumber && digits >= 6 && text[end - 1] != UInt8(ascii: "-") ? end : nil
    }

    /// `sk-…` (OpenAI), 20 or more characters with letters and digits.
    private static func openAI(_ text: ByteText, _ start: Int, _ end: Int) -> Int? {
        guard text[start] == UInt8(ascii: "s"), text[start + 1] == UInt8(ascii: "k"), text[start + 2] == UInt8(ascii: "-"),
              end - start >= 23, hasMix(text, (start + 3)..<end) else { return nil }
        return end
    }

    /// `SG.` + 22 + `.` + 43 base64url characters.
    private static func sendGrid(_ text: ByteText, _ start: Int, _ end: Int) -> Int? {
        guard text[start] == UInt8(ascii: "S"), text[start + 1] == UInt8(ascii: "G"), text[start + 2] == UInt8(ascii: ".") else {
            return nil
        }
        let first = text.runEnd(.base64url, from: start + 3)
        guard first - start - 3 >= 16, text[first] == UInt8(ascii: ".") else { return nil }
        let second = text.runEnd(.base64url, from: first + 1)
        return second - first - 1 >= 30 ? second : nil
    }

    /// Discord bot tokens: base64 of a user id (starts M, N or O), `.`, 6, `.`, 27 or more.
    private static func discord(_ text: ByteText, _ start: Int, _ end: Int) -> Int? {
        guard ByteClass.isOne(of: "MNO", text[start]), (23...28).contains(end - start), text[end] == UInt8(ascii: "."),
              hasMix(text, start..<end) else { return nil }
        let second = text.runEnd(.base64url, from: end + 1)
        guard second - end - 1 == 6, text[second] == UInt8(ascii: ".") else { return nil }
        let third = text.runEnd(.base64url, from: second + 1)
        return (27...40).contains(third - second - 1) ? third : nil
    }

    /// Mailchimp API keys: 32 hex digits, `-us` and a data-centre number of one or two digits.
    private static func mailchimp(_ text: ByteText, _ start: Int, _ end: Int) -> Int? {
        guard end - start == 36 || end - start == 37, (start..<(start + 32)).allSatisfy({ text.has(.hex, at: $0) }),
              text.matches("-us", at: start + 32), text.has(.digit, at: start + 35) else { return nil }
        return text.runEnd(.digit, from: start + 35) == end ? end : nil
    }

    /// Telegram bot tokens: the bot's id (5–16 digits), `:`, `A` and 34 base64url characters, not
    /// all letters (a word is not a token); the id may follow `bot` in an API URL (`/bot123…:AA…`).
    static func telegram(_ text: ByteText, colon: Int, _ found: inout Candidates) {
        guard text[colon + 1] == UInt8(ascii: "A"), text.has(.digit, at: colon - 1) else { return }
        let start = text.digitStart(before: colon), end = text.runEnd(.base64url, from: colon + 1)
        guard (5...16).contains(colon - start), end - colon == 36,
              !text.has(.base64url, at: start - 1) || (text.matches("bot", at: start - 3) && !text.has(.base64url, at: start - 4)),
              ((colon + 2)..<end).contains(where: { !text.has(.alpha, at: $0) }) else { return }
        found.add(.apiKey, start, end)
    }

    /// Letters and digits both present: random tokens have them, words and placeholders rarely do.
    static func hasMix(_ text: ByteText, _ range: Range<Int>) -> Bool {
        range.contains { text.has(.digit, at: $0) } && range.contains { text.has(.alpha, at: $0) }
    }

    /// A body of one repeated character (`xxxxxxxx`, `XXXX`) or of words joined by `_`, each
    /// upper case or capitalised (`Slack_BOT_TOKEN`, `YOUR_API_KEY`).
    static func isPlaceholder(_ text: ByteText, _ range: Range<Int>) -> Bool {
        guard let first = range.first else { return true }
        let folded = ByteClass.lower(text[first])
        if range.allSatisfy({ ByteClass.lower(text[$0]) == folded || !text.has(.word, at: $0) }) { return true }
        var words = 0, allNamed = true
        text.forEachSegment(of: range, separatedBy: "_") { word in
            words += 1
            let isUpper = word.allSatisfy { text.has(.upper, at: $0) }
            let isCapitalised = text.has(.upper, at: word.lowerBound) && word.dropFirst().allSatisfy { text.has(.lower, at: $0) }
            allNamed = allNamed && (isUpper || isCapitalised)
        }
        return words >= 2 && allNamed
    }
}
