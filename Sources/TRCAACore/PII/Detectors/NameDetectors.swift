/// Names on the network: credentials in URLs, e-mail addresses and hostnames.
enum NameDetectors {
    /// `scheme://user:password@host`: the span is the userinfo, `user:password` (the host is
    /// a hostname or an address of its own). Passwords in logs carry `#`, `?` and `/` unencoded,
    /// so the userinfo runs to the last `@` before the host; the user name must be plain.
    static func urlCredentials(_ text: ByteText, colon: Int, _ found: inout Candidates) {
        guard text[colon + 1] == UInt8(ascii: "/"), text[colon + 2] == UInt8(ascii: "/"), text.has(.alpha, at: colon - 1)
        else { return }
        let start = colon + 3
        let userEnd = text.runEnd(.local, from: start)
        guard text[userEnd] == UInt8(ascii: ":") else { return }
        var end = userEnd + 1
        var lastAt: Int?
        // A password's `@`s are looked for as far as a value may run (`KeyValueDetector.maximumValueLength`).
        while end < text.count, end - userEnd <= KeyValueDetector.maximumValueLength, text[end] > 32,
              !ByteClass.isOne(of: "\"'<>", text[end]) {
            if text[end] == UInt8(ascii: "@"), NameDetectors.hostnameEnd(text, from: end + 1) != nil
                || NetworkDetectors.ipv4End(text, from: end + 1) != nil || text[end + 1] == UInt8(ascii: "[") {
                lastAt = end
            }
            end += 1
        }
        guard let at = lastAt, at > userEnd + 1 else { return }
        found.add(.url, start, at)
    }

    /// `local@domain` where the domain is a hostname by `hostnameEnd`.
    static func email(_ text: ByteText, at: Int, _ found: inout Candidates) {
        var start = text.runStart(.local, before: at)
        while start < at, text[start] == UInt8(ascii: ".") { start += 1 }
        guard start < at, text[at - 1] != UInt8(ascii: "."), let end = hostnameEnd(text, from: at + 1) else { return }
        found.add(.email, start, end)
    }

    /// Dotted DNS names of two or more labels ending in a real TLD, at a word start whose
    /// letters and digits end at `wordEnd`. The whole dotted word is
    /// judged, so `java.net.SocketTimeoutException` and `com.apple.xpc` are not hostnames.
    static func hostname(_ text: ByteText, at start: Int, wordEnd: Int, _ found: inout Candidates) {
        var end = text[wordEnd] == UInt8(ascii: "-") ? text.runEnd(.label, from: wordEnd) : wordEnd
        // Only dotted words whose last label is a top-level domain can be names.
        guard text[end] == UInt8(ascii: "."), text.has(.label, at: end + 1) else { return }
        var lastLabel = end
        while text[end] == UInt8(ascii: "."), text.has(.label, at: end + 1) {
            lastLabel = end + 1
            end = text.runEnd(.label, from: lastLabel)
        }
        guard TopLevelDomains.contains(text, lastLabel..<end), let name = hostnameEnd(text, from: start), name == end else { return }
        found.add(.hostname, start, end)
    }

    /// The end of a hostname starting at `start`, or `nil` when the dotted word there is not one.
    static func hostnameEnd(_ text: ByteText, from start: Int) -> Int? {
        var count = 0
        var first = start..<start, secondLast = start..<start, last = start..<start
        // Whether every label before `last` is all digits.
        var numericBeforeLast = true
        var cursor = start
        while true {
            let end = text.runEnd(.label, from: cursor)
            guard end > cursor, end - cursor <= 63, text[cursor] != UInt8(ascii: "-"), text[end - 1] != UInt8(ascii: "-")
            else { return nil }
            if count == 0 { first = cursor..<end }
            if count > 0 {
                numericBeforeLast = numericBeforeLast && last.allSatisfy { text.has(.digit, at: $0) }
                secondLast = last
            }
            last = cursor..<end
            count += 1
            guard text[end] == UInt8(ascii: "."), text.has(.label, at: end + 1) else { break }
            cursor = end + 1
        }
        let end = last.upperBound
        // Glued to a word character, `_` or `$` after it: part of an identifier or path.
        // Followed by `=`, it is a property key (`host.name=`, `os.name=`).
        guard count >= 2, !text.has(.word, at: end), text[end] != UInt8(ascii: "_"), text[end] != UInt8(ascii: "$"),
              text[end] != UInt8(ascii: "("), text[end] != UInt8(ascii: "="), TopLevelDomains.contains(text, last)
        else { return nil }
        if TopLevelDomains.fileTypes.contains(text, last) || (count == 2 && TopLevelDomains.fileExtensions.contains(text, last)) {
            return nil
        }
        if count >= 3, TopLevelDomains.packageRoots.contains(text, first), !text.isWord(first, equalTo: last) { return nil }
        if TopLevelDomains.memberReceivers.contains(text, first) { return nil }
        // TLDs that are also words of identifiers (`mapred.tip.id`, `config.is`) need a sign of a
        // host: a digit or hyphen, a registry second level (`co.id`), or a network position.
        if TopLevelDomains.wordLike.contains(text, last) {
            let hostLike = (start..<end).contains { text.has(.digit, at: $0) || text[$0] == UInt8(ascii: "-") }
                || TopLevelDomains.secondLevels.contains(text, secondLast) || text[start - 1] == UInt8(ascii: "@")
                || (text[start - 1] == UInt8(ascii: "/") && text[start - 2] == UInt8(ascii: "/"))
            if !hostLike { return nil }
        }
        // Labels that are all digits before the TLD are version strings or addresses (`1.2.com`).
        if numericBeforeLast { return nil }
        return end
    }
}
