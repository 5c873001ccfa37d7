/// Addresses: IPv4 (octets checked), IPv6 (the whole grammar), MAC addresses.
enum NetworkDetectors {
    static func scan(_ text: ByteText, into found: inout Candidates) {
        ipv4(text, &found)
        ipv6(text, &found)
        macs(text, &found)
    }

    /// Dotted quads of octets 0–255, not glued to letters or to a further `.digit`
    /// (`10.0.19041.1`), and not introduced as a version or an OID.
    static func ipv4(_ text: ByteText, _ found: inout Candidates) {
        var index = 0
        while index < text.count {
            guard text.has(.digit, at: index), !text.has(.digit, at: index - 1) else {
                index += 1
                continue
            }
            if let end = ipv4End(text, from: index) { found.add(.ipv4, index, end) }
            index = text.runEnd(.digit, from: index)
        }
    }

    /// The end of a dotted quad starting at `start`, validated with its surroundings.
    static func ipv4End(_ text: ByteText, from start: Int) -> Int? {
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

    /// `version 1.2.3.4`, `build 10.0.1.1`, `OID 2.5.4.3`, `v=1.2.3.4`.
    static func isVersionContext(_ text: ByteText, before start: Int) -> Bool {
        var end = start
        while end > 0, text.has(.space, at: end - 1) || "=:".utf8.contains(text[end - 1]) { end -= 1 }
        let wordStart = text.runStart(.alpha, before: end)
        guard end - wordStart >= 1, end - wordStart <= 12 else { return false }
        return ["version", "ver", "v", "build", "release", "rev", "revision", "firmware", "fw", "oid", "kernel",
                "patch", "update", "kb", "sdk", "api", "driver", "bios"].contains(text.string(wordStart..<end).lowercased())
    }

    /// Every valid IPv6 address: full, compressed, IPv4-mapped, with a zone id, in brackets.
    static func ipv6(_ text: ByteText, _ found: inout Candidates) {
        var index = 0
        while index < text.count {
            guard text[index] == UInt8(ascii: ":") else {
                index += 1
                continue
            }
            var start = index
            while start > 0, text.has(.hex, at: start - 1) || text[start - 1] == UInt8(ascii: ":") { start -= 1 }
            var end = index
            while end < text.count, text.has(.hex, at: end) || text[end] == UInt8(ascii: ":")
                || (text[end] == UInt8(ascii: ".") && text.has(.digit, at: end + 1)) { end += 1 }
            defer { index = max(end, index + 1) }
            guard !text.has(.word, at: start - 1), text[start - 1] != UInt8(ascii: "_") else { continue }
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
            guard !text.has(.word, at: stop), text[stop] != UInt8(ascii: "_") else { continue }
            if isIPv6(text, start..<end) {
                found.add(.ipv6, start, stop)
            } else if stop == end, let colon = (start..<end).last(where: { text[$0] == UInt8(ascii: ":") }),
                      text[colon - 1] != UInt8(ascii: ":"), (colon + 1..<end).allSatisfy({ text.has(.digit, at: $0) }),
                      isIPv6(text, start..<colon) {
                // `0:0:0:0:0:0:0:0:2181`: an address and a port.
                found.add(.ipv6, start, colon)
            }
        }
    }

    /// The RFC 4291 text forms: eight groups of 1–4 hex digits, one `::` standing for one or
    /// more zero groups, and optionally a dotted quad for the last 32 bits.
    static func isIPv6(_ text: ByteText, _ range: Range<Int>) -> Bool {
        let string = text.string(range)
        let halves = string.components(separatedBy: "::")
        guard halves.count <= 2, string != "::" else { return false }
        var groups = 0
        for (offset, half) in halves.enumerated() where !half.isEmpty {
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            for (position, part) in parts.enumerated() {
                let isLast = offset == halves.count - 1 && position == parts.count - 1
                if isLast, part.contains(".") {
                    guard isDottedQuad(part) else { return false }
                    groups += 2
                } else {
                    guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit) else { return false }
                    groups += 1
                }
            }
        }
        return halves.count == 2 ? groups <= 7 : groups == 8
    }

    private static func isDottedQuad(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { (1...3).contains($0.count) && Int($0).map { $0 <= 255 } == true }
    }

    /// `aa:bb:cc:dd:ee:ff`, `aa-bb-cc-dd-ee-ff` (one separator throughout) and Cisco
    /// `aabb.ccdd.eeff`; longer runs (fingerprints, chip ids) are not MACs.
    static func macs(_ text: ByteText, _ found: inout Candidates) {
        for separator in [UInt8(ascii: ":"), UInt8(ascii: "-")] {
            var index = 0
            while index + 17 <= text.count {
                guard text[index + 2] == separator, text.has(.hex, at: index), text.has(.hex, at: index + 1),
                      !text.has(.word, at: index - 1), !(text[index - 1] == separator && text.has(.hex, at: index - 2)) else {
                    index += 1
                    continue
                }
                let valid = (0..<6).allSatisfy { group in
                    text.has(.hex, at: index + group * 3) && text.has(.hex, at: index + group * 3 + 1)
                        && (group == 5 || text[index + group * 3 + 2] == separator)
                }
                let end = index + 17
                if valid, !text.has(.word, at: end), !(text[end] == separator && text.has(.hex, at: end + 1)) {
                    found.add(.mac, index, end)
                    index = end
                } else {
                    index += 1
                }
            }
        }
        text.forEach(UInt8(ascii: ".")) { dot in
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
}
