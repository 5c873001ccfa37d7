/// Addresses: IPv4 (octets checked), IPv6 (the whole grammar), MAC addresses.
enum NetworkDetectors {
    /// A dotted quad of octets 0–255 at a word start, not glued to letters or to a further
    /// `.digit` (`10.0.19041.1`), and not introduced as a version or an OID.
    static func ipv4(_ text: ByteText, at start: Int, _ found: inout Candidates) {
        if let end = ipv4End(text, from: start) { found.add(.ipv4, start, end) }
    }

    /// The end of a dotted quad starting at `start`, validated with its surroundings.
    static func ipv4End(_ text: ByteText, from start: Int) -> Int? {
        let firstEnd = text.runEnd(.digit, from: start)
        guard text[firstEnd] == UInt8(ascii: "."), (1...3).contains(firstEnd - start) else { return nil }
        guard !text.has(.alpha, at: start - 1), !(text[start - 1] == UInt8(ascii: ".") && text.has(.digit, at: start - 2)),
              text[start - 1] != UInt8(ascii: "~"), text[start - 1] != UInt8(ascii: "_") else { return nil }
        var cursor = start
        for octet in 0..<4 {
            let end = text.runEnd(.digit, from: cursor)
            guard (1...3).contains(end - cursor), text.number(cursor..<end) <= 255 else { return nil }
            cursor = end
            if octet < 3 {
                guard text[cursor] == UInt8(ascii: "."), text.has(.digit, at: cursor + 1) else { return nil }
                cursor += 1
            }
        }
        // Followed by `.` and more of a name or number, it is part of a hostname or a version.
        guard !text.has(.word, at: cursor), !(text[cursor] == UInt8(ascii: ".") && text.has(.word, at: cursor + 1)),
              !isVersionContext(text, before: start) else { return nil }
        return cursor
    }

    private static let versionWords = WordSet("""
        version ver v build release rev revision firmware fw oid kernel patch update kb sdk api driver bios
        """)

    /// `version 1.2.3.4`, `build 10.0.1.1`, `OID 2.5.4.3`, `v=1.2.3.4`.
    static func isVersionContext(_ text: ByteText, before start: Int) -> Bool {
        var end = start
        while end > 0, text.has(.space, at: end - 1) || ByteClass.isOne(of: "=:", text[end - 1]) { end -= 1 }
        let wordStart = text.runStart(.alpha, before: end)
        guard end - wordStart >= 1, end - wordStart <= 12 else { return false }
        return versionWords.contains(text, wordStart..<end)
    }

    /// Every valid IPv6 address: full, compressed, IPv4-mapped, with a zone id, in brackets;
    /// tried at each colon not inside the colon-and-hex run of one tried before (`resume`).
    static func ipv6(_ text: ByteText, colon index: Int, resume: inout Int, _ found: inout Candidates) {
        // An address goes on after its first colon (`key: value` is the common case).
        guard index >= resume, text.has(.hex, at: index + 1) || text[index + 1] == UInt8(ascii: ":") else { return }
        var start = index
        while start > 0, text.has(.hex, at: start - 1) || text[start - 1] == UInt8(ascii: ":") { start -= 1 }
        // No colon of this run came before (it would have been tried): count them going forwards.
        var end = index, colons = 0, doubled = false
        while end < text.count, text.has(.hex, at: end) || text[end] == UInt8(ascii: ":")
            || (text[end] == UInt8(ascii: ".") && text.has(.digit, at: end + 1)) {
            if text[end] == UInt8(ascii: ":") {
                colons += 1
                doubled = doubled || text[end + 1] == UInt8(ascii: ":")
            }
            end += 1
        }
        defer { resume = max(end, index + 1) }
        // `isIPv6` needs `::` or six colons (`10:42:07` has two).
        guard doubled || colons >= 6, !text.has(.word, at: start - 1), text[start - 1] != UInt8(ascii: "_") else { return }
        // Running on into a word (`…:2181:FastLeader`): the hex-looking start of that word is not part of it.
        if text.has(.word, at: end), let colon = (start..<end).last(where: { text[$0] == UInt8(ascii: ":") }) {
            end = colon + 1
        }
        // A trailing single colon ends a sentence or precedes a port, not the address.
        if text[end - 1] == UInt8(ascii: ":"), text[end - 2] != UInt8(ascii: ":") { end -= 1 }
        var stop = end
        if text[end] == UInt8(ascii: "%"), text.has(.alpha, at: end + 1) {
            stop = text.runEnd([.alpha, .digit], from: end + 1)
        }
        guard !text.has(.word, at: stop), text[stop] != UInt8(ascii: "_") else { return }
        if isIPv6(text, start..<end) {
            found.add(.ipv6, start, stop)
        } else if stop == end, let colon = (start..<end).last(where: { text[$0] == UInt8(ascii: ":") }),
                  text[colon - 1] != UInt8(ascii: ":"), (colon + 1..<end).allSatisfy({ text.has(.digit, at: $0) }),
                  isIPv6(text, start..<colon) {
            // `0:0:0:0:0:0:0:0:2181`: an address and a port.
            found.add(.ipv6, start, colon)
        }
    }

    /// The RFC 4291 text forms: eight groups of 1–4 hex digits, one `::` standing for one or
    /// more zero groups, and optionally a dotted quad for the last 32 bits.
    static func isIPv6(_ text: ByteText, _ range: Range<Int>) -> Bool {
        // Without `::` an address has seven colons, or six before a dotted quad.
        var colons = 0, doubled = false
        for index in range where text[index] == UInt8(ascii: ":") {
            colons += 1
            if text[index + 1] == UInt8(ascii: ":") { doubled = true }
        }
        guard doubled || colons >= 6 else { return false }
        var groups = 0
        var compressed = false
        var index = range.lowerBound
        if text[index] == UInt8(ascii: ":") {
            guard text[index + 1] == UInt8(ascii: ":"), range.count > 2 else { return false }
            compressed = true
            index += 2
        }
        while index < range.upperBound {
            let groupEnd = min(text.runEnd(.hex, from: index), range.upperBound)
            if text[groupEnd] == UInt8(ascii: "."), groupEnd < range.upperBound {
                // A dotted quad ends the address.
                guard isDottedQuad(text, index..<range.upperBound) else { return false }
                groups += 2
                break
            }
            guard (1...4).contains(groupEnd - index) else { return false }
            groups += 1
            index = groupEnd
            guard index < range.upperBound else { break }
            guard text[index] == UInt8(ascii: ":") else { return false }
            if text[index + 1] == UInt8(ascii: ":"), index + 1 < range.upperBound {
                guard !compressed else { return false }
                compressed = true
                index += 2
                if index == range.upperBound { break }
            } else {
                index += 1
                guard index < range.upperBound else { return false }  // A single trailing colon.
            }
        }
        return compressed ? groups <= 7 : groups == 8
    }

    private static func isDottedQuad(_ text: ByteText, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        for octet in 0..<4 {
            let end = min(text.runEnd(.digit, from: index), range.upperBound)
            guard (1...3).contains(end - index), text.number(index..<end) <= 255 else { return false }
            index = end
            if octet < 3 {
                guard index < range.upperBound, text[index] == UInt8(ascii: ".") else { return false }
                index += 1
            }
        }
        return index == range.upperBound
    }

    /// `aa:bb:cc:dd:ee:ff` or `aa-bb-cc-dd-ee-ff` (one separator throughout) whose first
    /// separator is at `position`; longer runs (fingerprints, chip ids) are not MACs. `resume`
    /// skips separators inside a MAC already found.
    static func mac(_ text: ByteText, separator position: Int, resume: inout Int, _ found: inout Candidates) {
        let separator = text[position]
        let index = position - 2
        guard text[position + 3] == separator, text[position + 6] == separator, text[position + 9] == separator,
              text[position + 12] == separator, index >= resume, index + 17 <= text.count, text.has(.hex, at: index), text.has(.hex, at: index + 1),
              !text.has(.word, at: index - 1), !(text[index - 1] == separator && text.has(.hex, at: index - 2)) else { return }
        let valid = (0..<6).allSatisfy { group in
            text.has(.hex, at: index + group * 3) && text.has(.hex, at: index + group * 3 + 1)
                && (group == 5 || text[index + group * 3 + 2] == separator)
        }
        let end = index + 17
        guard valid, !text.has(.word, at: end), !(text[end] == separator && text.has(.hex, at: end + 1)) else { return }
        found.add(.mac, index, end)
        resume = end
    }

    /// Cisco `aabb.ccdd.eeff`, whose first dot is at `dot`.
    static func ciscoMAC(_ text: ByteText, dot: Int, _ found: inout Candidates) {
        let start = dot - 4
        guard start >= 0, text[start + 9] == UInt8(ascii: "."), !text.has(.word, at: start - 1),
              text[start - 1] != UInt8(ascii: "."),
              [0, 5, 10].allSatisfy({ group in (0..<4).allSatisfy { text.has(.hex, at: start + group + $0) } }),
              !text.has(.word, at: start + 14), !(text[start + 14] == UInt8(ascii: ".") && text.has(.hex, at: start + 15))
        else { return }
        // Cisco notation is lowercase hex in practice; all-digit groups are version numbers.
        guard (start..<(start + 14)).contains(where: { text.has(.alpha, at: $0) }) else { return }
        found.add(.mac, start, start + 14)
    }
}
