/// Numbers that validate: payment cards, US social security numbers, IBANs.
enum NumberDetectors {
    /// The digits continue something longer: `1.2.`, `12-`, an identifier (`blk_-…`, `id_…`,
    /// `dsl-082-…`), or the last group of an IBAN-like run of four-character groups.
    static func isGluedToNumber(_ text: ByteText, before index: Int) -> Bool {
        if isJoinedToNumber(text, before: index) { return true }
        if text[index - 1] == UInt8(ascii: " "), (2...5).allSatisfy({ text.has([.upper, .digit], at: index - $0) }),
           (2...5).contains(where: { text.has(.digit, at: index - $0) }), !text.has(.word, at: index - 6) {
            return true
        }
        return false
    }

    /// The digits are joined by punctuation to what comes before: `1.2.`, `12-`, `blk_-…`,
    /// `id_…`, `dsl-082-…`. The cheap part of `isGluedToNumber`, read before every number.
    @inline(__always)
    static func isJoinedToNumber(_ text: ByteText, before index: Int) -> Bool {
        let previous = text[index - 1]
        if previous == UInt8(ascii: "_") { return true }
        if previous == UInt8(ascii: ".") || previous == UInt8(ascii: "/") {
            return text.has(.digit, at: index - 2) || text[index - 2] == UInt8(ascii: "_")
        }
        return previous == UInt8(ascii: "-") && (text.has(.word, at: index - 2) || text[index - 2] == UInt8(ascii: "_"))
    }

    // MARK: Payment cards

    /// 13–19 digits with a real issuer prefix and a valid Luhn check digit, contiguous or in
    /// the groupings cards are printed in (4-4-4-4[-3], Amex 4-6-5, Diners 4-6-4).
    static func cardEnd(_ text: ByteText, from start: Int) -> Int? {
        // Every issuer number starts with 2–6, and every printed shape with 13+ digits or a group of 4.
        let firstEnd = text.runEnd(.digit, from: start)
        guard (UInt8(ascii: "2")...UInt8(ascii: "6")).contains(text[start]) else { return nil }
        if firstEnd - start < 13 {
            // Grouped: 4 digits, a separator, then a group of 4 or 6.
            let second = text.runEnd(.digit, from: firstEnd + 1)
            guard firstEnd - start == 4, text[firstEnd] == UInt8(ascii: " ") || text[firstEnd] == UInt8(ascii: "-"),
                  second - firstEnd - 1 == 4 || second - firstEnd - 1 == 6 else { return nil }
        }
        var groups: [Range<Int>] = [start..<firstEnd]
        var separator: UInt8?
        while groups.count < 5 {
            let end = groups[groups.count - 1].upperBound
            let next = text[end]
            guard next == UInt8(ascii: " ") || next == UInt8(ascii: "-"), separator == nil || separator == next,
                  text.has(.digit, at: end + 1) else { break }
            separator = next
            groups.append((end + 1)..<text.runEnd(.digit, from: end + 1))
        }
        let lengths = groups.map { $0.count }
        for count in stride(from: groups.count, through: 1, by: -1) {
            let shape = Array(lengths.prefix(count))
            guard isCardShape(shape) else { continue }
            let end = groups[count - 1].upperBound
            if count == groups.count, text.has(.word, at: end) { continue }
            if text[end] == UInt8(ascii: "-") || text[end] == UInt8(ascii: "."), text.has(.digit, at: end + 1) { continue }
            let digits = groups.prefix(count).flatMap { range in range.map { text[$0] - 48 } }
            if isIssued(digits), luhn(digits) { return end }
        }
        return nil
    }

    private static func isCardShape(_ groups: [Int]) -> Bool {
        let total = groups.reduce(0, +)
        guard (13...19).contains(total) else { return false }
        if groups.count == 1 { return true }
        if groups == [4, 6, 5] || groups == [4, 6, 4] { return true }
        return groups.dropLast().allSatisfy { $0 == 4 } && (1...4).contains(groups[groups.count - 1])
    }

    /// Visa, Mastercard (51–55, 2221–2720), Amex, Discover, JCB, Diners, Maestro, UnionPay.
    static func isIssued(_ digits: [UInt8]) -> Bool {
        func prefix(_ count: Int) -> Int { digits.prefix(count).reduce(0) { $0 * 10 + Int($1) } }
        let length = digits.count
        switch digits[0] {
        case 4: return [13, 16, 19].contains(length)
        case 5:
            if (51...55).contains(prefix(2)) { return length == 16 }
            return [50, 56, 57, 58].contains(prefix(2)) && (12...19).contains(length)
        case 2: return (2221...2720).contains(prefix(4)) && length == 16
        case 3:
            if [34, 37].contains(prefix(2)) { return length == 15 }
            if (3528...3589).contains(prefix(4)) { return (16...19).contains(length) }
            if (300...305).contains(prefix(3)) || prefix(4) == 3095 || [36, 38, 39].contains(prefix(2)) {
                return (14...19).contains(length)
            }
            return false
        case 6:
            if prefix(4) == 6011 || (644...649).contains(prefix(3)) || prefix(2) == 65 || prefix(2) == 62 {
                return (16...19).contains(length)
            }
            return [6304, 6759, 6761, 6762, 6763].contains(prefix(4)) && (12...19).contains(length)
        default: return false
        }
    }

    static func luhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let value = Int(digit) * (offset % 2 == 1 ? 2 : 1)
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }

    // MARK: Social security numbers

    /// `AAA-GG-SSSS`, `AAA GG SSSS` or `AAA.GG.SSSS`: area not 000, 666 or 900–999, group not 00,
    /// serial not 0000; the dotted form not after a version word.
    static func ssnEnd(_ text: ByteText, from start: Int) -> Int? {
        let separator = text[start + 3]
        guard ByteClass.isOne(of: "- .", separator), text.runEnd(.digit, from: start) == start + 3,
              text.runEnd(.digit, from: start + 4) == start + 6, text[start + 6] == separator,
              text.runEnd(.digit, from: start + 7) == start + 11 else { return nil }
        let end = start + 11
        guard !text.has(.word, at: end), !(text[end] == separator && text.has(.digit, at: end + 1)),
              !(text[end] == UInt8(ascii: "-") && text.has(.digit, at: end + 1)) else { return nil }
        let area = text.number(start..<(start + 3)), group = text.number((start + 4)..<(start + 6))
        let serial = text.number((start + 7)..<end)
        guard area != 0, area != 666, area < 900, group != 0, serial != 0,
              separator != UInt8(ascii: ".") || !NetworkDetectors.isVersionContext(text, before: start) else { return nil }
        return end
    }

    // MARK: IBANs

    /// A country code, two check digits and the country's BBAN length, compact or in groups
    /// of four, whose mod-97 check holds.
    /// At a word start; returns the IBAN's end when one is found.
    static func iban(_ text: ByteText, at index: Int, _ found: inout Candidates) -> Int? {
        guard index + 15 <= text.count, text.has(.upper, at: index), text.has(.upper, at: index + 1),
              text.has(.digit, at: index + 2), text.has(.digit, at: index + 3),
              let length = IBANRegistry.lengths[UInt16(text[index]) << 8 | UInt16(text[index + 1])],
              let end = ibanEnd(text, from: index, length: length) else { return nil }
        found.add(.iban, index, end)
        return end
    }

    private static func ibanEnd(_ text: ByteText, from start: Int, length: Int) -> Int? {
        var characters: [UInt8] = []
        var cursor = start
        var separator: UInt8?
        while characters.count < length, cursor < text.count {
            let byte = text[cursor]
            if text.has([.upper, .digit], at: cursor) {
                characters.append(byte)
                cursor += 1
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-"), characters.count % 4 == 0,
                      separator == nil ? characters.count == 4 : separator == byte, text.has([.upper, .digit], at: cursor + 1) {
                separator = byte
                cursor += 1
            } else {
                return nil
            }
        }
        guard characters.count == length, !text.has(.word, at: cursor) else { return nil }
        let rearranged = characters[4...] + characters[..<4]
        var remainder = 0
        for byte in rearranged {
            let value = byte >= 65 ? Int(byte) - 55 : Int(byte) - 48
            remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
        }
        return remainder == 1 ? cursor : nil
    }
}

/// IBAN lengths by country (the SWIFT IBAN registry).
enum IBANRegistry {
    /// By the two letters, packed (`"GB"` is `0x4742`).
    static let lengths: [UInt16: Int] = Dictionary(uniqueKeysWithValues: byCode.map { code, length in
        let bytes = Array(code.utf8)
        return (UInt16(bytes[0]) << 8 | UInt16(bytes[1]), length)
    })

    private static let byCode: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27, "BR": 29,
        "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
        "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
        "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
        "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20,
        "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
        "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
        "SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
    ]
}
