import Foundation

/// Secrets recognisable by their own format, wherever they stand: PEM and PGP private keys,
/// JWTs, AWS access key ids and vendor tokens.
enum SecretDetectors {
    /// `-----BEGIN … PRIVATE KEY-----` (PGP: `… PRIVATE KEY BLOCK-----`) through the matching END
    /// line (also with literal `\n` inside JSON). A block whose END is missing is covered to the
    /// end of its base64.
    static func privateKey(_ text: ByteText, dash start: Int, ends: inout PrivateKeyEnds, _ found: inout Candidates) {
        guard let label = privateKeyLabel(text, dash: start) else { return }
        if let end = ends.end(of: label, in: text) {
            found.add(.privateKey, start, end)
        } else {
            var stop = label.upperBound + 5
            while stop < text.count, text.has(.token, at: stop) || text[stop] == 10 || text[stop] == 13
                || (text[stop] == UInt8(ascii: "\\") && text[stop + 1] == UInt8(ascii: "n")) {
                stop += 1
            }
            found.add(.privateKey, start, stop)
        }
    }

    /// The END lines found for BEGIN lines of a text, BEGIN after BEGIN: a BEGIN whose END a
    /// search already found (or found missing) for an earlier BEGIN of the same label gets
    /// that answer without a search (searched for each, many BEGIN lines before one END, or
    /// with none, took time in the square of the text's length).
    struct PrivateKeyEnds {
        /// Per label, where the last search started and what it found.
        private var searches: [[UInt8]: (from: Int, end: Int?)] = [:]

        /// `privateKeyEnd(text, label:)`, for BEGIN lines given in order.
        mutating func end(of label: Range<Int>, in text: ByteText) -> Int? {
            let name = Array(UnsafeBufferPointer(start: text.base + label.lowerBound, count: label.count))
            let from = label.upperBound + 5
            // The END found lies past this BEGIN too: nothing came between the last search's start and it.
            if let last = searches[name], from >= last.from, last.end.map({ from <= $0 - (name.count + 14) }) ?? true {
                return last.end
            }
            let end = privateKeyEnd(text, label: label)
            searches[name] = (from, end)
            return end
        }
    }

    /// The label (`RSA PRIVATE KEY`) of the private-key BEGIN line whose dashes start at `start`.
    static func privateKeyLabel(_ text: ByteText, dash start: Int) -> Range<Int>? {
        guard text.matches("-----begin ", at: start), text[start - 1] != UInt8(ascii: "-") else { return nil }
        let labelStart = start + 11
        var labelEnd = labelStart
        while labelEnd < text.count, labelEnd - labelStart < 40, text.has([.upper, .lower, .digit, .space], at: labelEnd) {
            labelEnd += 1
        }
        guard text.matches("-----", at: labelEnd), isPrivateKeyLabel(text, labelStart..<labelEnd) else { return nil }
        return labelStart..<labelEnd
    }

    /// The end (exclusive) of the END line of the block whose BEGIN has `label`, if `text` holds it.
    static func privateKeyEnd(_ text: ByteText, label: Range<Int>) -> Int? {
        find("-----END \(text.string(label))-----", in: text, from: label.upperBound + 5)
    }

    /// Whether an armour label names a private key: `RSA PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`.
    static func isPrivateKeyLabel(_ text: ByteText, _ label: Range<Int>) -> Bool {
        let end = text.matches(" block", at: label.upperBound - 6) ? label.upperBound - 6 : label.upperBound
        return end - label.lowerBound >= 11 && text.matches("private key", at: end - 11)
    }

    /// The end (exclusive) of the first `needle` at or after `from`.
    static func find(_ needle: String, in text: ByteText, from: Int) -> Int? {
        text.end(ofFirst: Array(needle.utf8), from: from)
    }

    /// `header.payload[.signature]` where header and payload are base64url JSON objects.
    static func jwt(_ text: ByteText, at start: Int, _ found: inout Candidates) {
        guard text[start] == UInt8(ascii: "e"), text[start + 1] == UInt8(ascii: "y"), text[start + 2] == UInt8(ascii: "J")
        else { return }
        var segments: [Range<Int>] = []
        var cursor = start
        while segments.count < 3 {
            let end = text.runEnd(.base64url, from: cursor)
            segments.append(cursor..<end)
            guard text[end] == UInt8(ascii: "."), text.has(.base64url, at: end + 1) || segments.count == 2 else {
                cursor = end
                break
            }
            cursor = end + 1
        }
        guard segments.count >= 2, segments[0].count >= 10, segments[1].count >= 10,
              isJSONObject(text, segments[0]), isJSONObject(text, segments[1]) else { return }
        found.add(.jwt, start, segments[segments.count - 1].upperBound)
    }

    /// Whether the segment decodes to a JSON object (parsed, not just braced).
    private static func isJSONObject(_ text: ByteText, _ range: Range<Int>) -> Bool {
        guard let decoded = Base64URL.decode(text, range), decoded.first == UInt8(ascii: "{") else { return false }
        return (try? JSONSerialization.jsonObject(with: Data(decoded))) is [String: Any]
    }

    /// AWS access key ids: a four-letter type prefix and 16 characters of base32.
    static let awsPrefixes: [StaticString] = ["akia", "asia", "abia", "acca", "agpa", "aida", "aipa", "anpa", "anva",
                                              "apka", "aroa", "asca"]

    static func awsKey(_ text: ByteText, at start: Int, _ found: inout Candidates) {
        guard text[start] == UInt8(ascii: "A"), awsPrefixes.contains(where: { text.matches($0, at: start) }),
              (0..<4).allSatisfy({ text.has(.upper, at: start + $0) }) else { return }
        let end = start + 20
        for index in (start + 4)..<end {
            let byte = text[index]
            guard (65...90).contains(byte) || (50...55).contains(byte) else { return }
        }
        guard !text.has(.word, at: end) else { return }
        found.add(.awsKey, start, end)
    }
}

/// Base64url (and standard base64) decoding of short segments.
enum Base64URL {
    static func decode(_ text: ByteText, _ range: Range<Int>) -> [UInt8]? {
        guard range.count <= 8192 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(range.count * 3 / 4)
        var accumulator: UInt32 = 0, bits = 0
        for index in range {
            let byte = text[index]
            let value: UInt32
            switch byte {
            case 65...90: value = UInt32(byte - 65)
            case 97...122: value = UInt32(byte - 71)
            case 48...57: value = UInt32(byte + 4)
            case 45, 43: value = 62
            case 95, 47: value = 63
            case 61: continue
            default: return nil
            }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
