/// Names on the network: credentials in URLs, e-mail addresses and hostnames.
enum NameDetectors {
    static func scan(_ text: ByteText, into found: inout Candidates) {
        urlCredentials(text, &found)
        emails(text, &found)
        hostnames(text, &found)
    }

    /// `scheme://user:password@host`: the span is the userinfo, `user:password` (the host is
    /// a hostname or an address of its own). Passwords in logs carry `#`, `?` and `/` unencoded,
    /// so the userinfo runs to the last `@` before the host; the user name must be plain.
    static func urlCredentials(_ text: ByteText, _ found: inout Candidates) {
        text.forEach(UInt8(ascii: ":")) { colon in
            guard text[colon + 1] == UInt8(ascii: "/"), text[colon + 2] == UInt8(ascii: "/"), text.has(.alpha, at: colon - 1)
            else { return }
            let start = colon + 3
            let userEnd = text.runEnd(.local, from: start)
            guard text[userEnd] == UInt8(ascii: ":") else { return }
            var end = userEnd + 1
            var lastAt: Int?
            while end < text.count, text[end] > 32, !"\"'<>".utf8.contains(text[end]) {
                if text[end] == UInt8(ascii: "@"), NameDetectors.hostnameEnd(text, from: end + 1) != nil
                    || NetworkDetectors.ipv4End(text, from: end + 1) != nil || text[end + 1] == UInt8(ascii: "[") {
                    lastAt = end
                }
                end += 1
            }
            guard let at = lastAt, at > userEnd + 1 else { return }
            found.add(.url, start, at)
        }
    }

    /// `local@domain` where the domain is a hostname by `hostnameEnd`.
    static func emails(_ text: ByteText, _ found: inout Candidates) {
        text.forEach(UInt8(ascii: "@")) { at in
            var start = text.runStart(.local, before: at)
            while start < at, text[start] == UInt8(ascii: ".") { start += 1 }
            guard start < at, text[at - 1] != UInt8(ascii: "."), let end = hostnameEnd(text, from: at + 1) else { return }
            found.add(.email, start, end)
        }
    }

    /// Dotted DNS names of two or more labels ending in a real TLD. The whole dotted word is
    /// judged, so `java.net.SocketTimeoutException` and `com.apple.xpc` are not hostnames.
    static func hostnames(_ text: ByteText, _ found: inout Candidates) {
        var index = 0
        while index < text.count {
            guard text.has(.label, at: index), !text.has(.label, at: index - 1), text[index - 1] != UInt8(ascii: "."),
                  text[index - 1] != UInt8(ascii: "_") else {
                index += 1
                continue
            }
            var end = index
            while end < text.count, text.has(.label, at: end) || (text[end] == UInt8(ascii: ".") && text.has(.label, at: end + 1)) {
                end += 1
            }
            if let name = hostnameEnd(text, from: index), name == end { found.add(.hostname, index, end) }
            index = max(end, index + 1)
        }
    }

    /// The end of a hostname starting at `start`, or `nil` when the dotted word there is not one.
    static func hostnameEnd(_ text: ByteText, from start: Int) -> Int? {
        var labels: [Range<Int>] = []
        var cursor = start
        while true {
            let end = text.runEnd(.label, from: cursor)
            guard end > cursor, end - cursor <= 63, text[cursor] != UInt8(ascii: "-"), text[end - 1] != UInt8(ascii: "-")
            else { return nil }
            labels.append(cursor..<end)
            guard text[end] == UInt8(ascii: "."), text.has(.label, at: end + 1) else { break }
            cursor = end + 1
        }
        let end = labels[labels.count - 1].upperBound
        // Glued to a word character, `_` or `$` after it: part of an identifier or path.
        // Followed by `=`, it is a property key (`host.name=`, `os.name=`).
        guard labels.count >= 2, !text.has(.word, at: end), text[end] != UInt8(ascii: "_"), text[end] != UInt8(ascii: "$"),
              text[end] != UInt8(ascii: "("), text[end] != UInt8(ascii: "=")
        else { return nil }
        let tld = text.string(labels[labels.count - 1]).lowercased()
        guard TopLevelDomains.all.contains(tld) else { return nil }
        if labels.count == 2, TopLevelDomains.fileExtensions.contains(tld) { return nil }
        let first = text.string(labels[0]).lowercased()
        if labels.count >= 3, TopLevelDomains.packageRoots.contains(first), first != tld { return nil }
        // TLDs that are also words of identifiers (`mapred.tip.id`, `config.is`) need a sign of a
        // host: a digit or hyphen, a registry second level (`co.id`), or a network position.
        if TopLevelDomains.wordLike.contains(tld) {
            let secondLevel = text.string(labels[labels.count - 2]).lowercased()
            let hostLike = (start..<end).contains { text.has(.digit, at: $0) || text[$0] == UInt8(ascii: "-") }
                || TopLevelDomains.secondLevels.contains(secondLevel) || text[start - 1] == UInt8(ascii: "@")
                || (text[start - 1] == UInt8(ascii: "/") && text[start - 2] == UInt8(ascii: "/"))
            if !hostLike { return nil }
        }
        // Labels that are all digits before the TLD are version strings or addresses (`1.2.com`).
        if labels.dropLast().allSatisfy({ $0.allSatisfy { text.has(.digit, at: $0) } }) { return nil }
        return end
    }
}
