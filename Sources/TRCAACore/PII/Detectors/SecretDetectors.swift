import Foundation

/// Secrets recognisable by their own format, wherever they stand: PEM and PGP private keys,
/// JWTs, AWS access key ids and vendor tokens.
enum SecretDetectors {
    /// `-----BEGIN … PRIVATE KEY-----` (PGP: `… PRIVATE KEY BLOCK-----`) through the matching END
    /// line (also with literal `\n` inside JSON). A block whose END is missing is covered to the
    /// end of its base64.
    static func privateKey(_ text: ByteText, dash start: Int, _ found: inout Candidates) {
        guard let label = privateKeyLabel(text, dash: start) else { return }
        if let end = privateKeyEnd(text, label: label) {
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

    /// A private key block's longest: an 8192-bit RSA key, or a PGP key with its subkeys, takes
    /// a few KB. Its END is looked for no further, so that each of many BEGIN lines without one
    /// does not read the rest of the text.
    static let maximumKeyBlock = 1 << 16

    /// The end (exclusive) of the END line of the block whose BEGIN has `label`, if `text` holds
    /// it within `maximumKeyBlock`.
    static func privateKeyEnd(_ text: ByteText, label: Range<Int>) -> Int? {
        text.end(ofFirst: Array("-----END \(text.string(label))-----".utf8), from: label.upperBound + 5,
                 before: label.lowerBound + maximumKeyBlock)
    }

    /// Whether an armour label names a private key: `RSA PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`.
    static func isPrivateKeyLabel(_ text: ByteText, _ label: Range<Int>) -> Bool {
        let end = text.matches(" block", at: label.upperBound - 6) ? label.upperBound - 6 : label.upperBound
        return end - label.lowerBound >= 11 && text.matches("private key", at: end - 11)
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
