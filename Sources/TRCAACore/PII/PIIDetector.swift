/// Finds sensitive values in text (SPEC §7): byte offsets, non-overlapping spans.
///
/// Each detector looks for its formats by cheap trigger bytes (`@`, `:`, `.`, digits,
/// keywords) and validates what it finds (Luhn, mod-97, octet ranges, the IPv6 grammar, real
/// TLDs…), so look-alikes — versions, file names, class names, timestamps, ids — stay out.
/// Overlapping candidates are resolved by `PIIType.priority`, then by length.
public enum PIIDetector {
    /// All spans in `text`, sorted by start.
    public static func spans(in text: UnsafeRawBufferPointer) -> [PIISpan] {
        TextBits.of(ByteText(text)) { spans(in: ByteText(text), bits: $0) }
    }

    /// `spans(in:)` with the text's bits in `textBits`, kept by the caller from text to text
    /// (`TextBits.of(_:reusing:_:)`).
    static func spans(in text: UnsafeRawBufferPointer, textBits: inout [UInt64]) -> [PIISpan] {
        TextBits.of(ByteText(text), reusing: &textBits) { spans(in: ByteText(text), bits: $0) }
    }

    private static func spans(in text: ByteText, bits: TextBits) -> [PIISpan] {
        var found = Candidates(expected: text.count / 256)
        scanWords(text, bits, &found)
        scanAnnouncers(text, bits, &found)
        return found.resolved()
    }

    /// One pass over the words (runs of ASCII letters and digits), where most formats begin:
    /// those its bits do not already show to be plain (`VisitedWords`). At each, a detector is
    /// called only when the word could start its format (cheap necessary conditions on the
    /// word's length and the byte after it); each then checks its own condition on the byte
    /// before and validates.
    private static func scanWords(_ text: ByteText, _ bits: TextBits, _ found: inout Candidates) {
        var phoneResume = 0, ibanResume = 0, colonMAC = 0, dashMAC = 0
        var words = VisitedWords(bits)
        while let word = words.next() {
            let (index, wordEnd) = (word.lowerBound, word.upperBound)
            let byte = text[index], previous = text[index - 1], after = text[wordEnd]
            let afterWord = previous >= 0x80  // The byte before is not ASCII alphanumeric; is it part of a word?
            let length = wordEnd - index
            if isPlain(text, byte: byte, previous: previous, after: after, at: index, length: length) {
                continue
            }
            if byte <= UInt8(ascii: "9") {
                let digitEnd = bits.digitEnd(from: index)
                if digitEnd == wordEnd, isPlainNumber(text, at: index, digits: length, previous: previous, after: after) {
                    continue
                }
                scanNumber(text, at: index, digitEnd: digitEnd, previous: previous, afterWord: afterWord, phoneResume: &phoneResume, &found)
                // Mailchimp's 32 hex digits are the one vendor format that may start with a digit.
                if length == 32, after == UInt8(ascii: "-"), previous != UInt8(ascii: "-"), previous != UInt8(ascii: "_") {
                    VendorTokens.token(text, at: index, wordEnd: wordEnd, &found)
                }
            } else {
                if previous != UInt8(ascii: "-"), previous != UInt8(ascii: "_") {
                    if length >= 20 || after == UInt8(ascii: "-") || after == UInt8(ascii: "_")
                        || (after == UInt8(ascii: ".") && (length == 2 || length == 4)) {
                        VendorTokens.token(text, at: index, wordEnd: wordEnd, &found)
                    }
                    if byte == UInt8(ascii: "e"), text[index + 1] == UInt8(ascii: "y"), text[index + 2] == UInt8(ascii: "J") {
                        SecretDetectors.jwt(text, at: index, &found)
                    }
                }
                if !afterWord {
                    if after == UInt8(ascii: " ") {
                        if byte | 0x20 == UInt8(ascii: "p") { KeyValueDetector.spacedPassword(text, at: index, &found) }
                        if byte | 0x20 == UInt8(ascii: "b"), length == 6 { KeyValueDetector.bareBearer(text, at: index, &found) }
                    }
                    if byte == UInt8(ascii: "A"), length == 20 { SecretDetectors.awsKey(text, at: index, &found) }
                    if byte <= UInt8(ascii: "Z"), text.has(.upper, at: index + 1), text.has(.digit, at: index + 2),
                       text.has(.digit, at: index + 3), index >= ibanResume,
                       let end = NumberDetectors.iban(text, at: index, &found) {
                        ibanResume = end
                    }
                }
            }
            if after == UInt8(ascii: ".") || after == UInt8(ascii: "-"),
               previous != UInt8(ascii: "-"), previous != UInt8(ascii: "."), previous != UInt8(ascii: "_") {
                NameDetectors.hostname(text, at: index, wordEnd: wordEnd, &found)
            }
            scanPunctuated(text, at: index, wordEnd: wordEnd, colonMAC: &colonMAC, dashMAC: &dashMAC, &found)
        }
    }

    /// The letters that start a plain word only when more holds (`isPlain`: a JWT's `eyJ`, a
    /// password or a `Bearer` before a space), in lower case: `VisitedWords` visits every
    /// word that starts with one, in any case.
    static let plainVetoes: StaticString = "ebp"

    /// Whether a word starts no format: a word of letters shorter than any token, joined to
    /// nothing (`-_.:`) on either side, not the `e` of a JWT nor the `p`/`b` of a password or
    /// `Bearer` before a space, nor an IBAN's country code. Most words of a log are plain.
    @inline(__always)
    static func isPlain(_ text: ByteText, byte: UInt8, previous: UInt8, after: UInt8, at index: Int, length: Int) -> Bool {
        let lower = byte | 0x20
        return byte > UInt8(ascii: "9") && length < 20 && !text.is(after, .joiner) && previous != UInt8(ascii: "-")
            && lower != UInt8(ascii: "e") && !(after == UInt8(ascii: " ") && (lower == UInt8(ascii: "p") || lower == UInt8(ascii: "b")))
            && !(byte <= UInt8(ascii: "Z") && text.has(.digit, at: index + 2))
    }

    /// Whether a word of `digits` digits only starts no format, so that no detector need look
    /// at it; most numbers of a log are such. Too short for a card or a mobile number, it is
    /// either
    /// - followed by none of `.-:` (no address, host name, MAC, URL, North American phone),
    ///   and joined to a number before it (`.811`, `-17`, `_3`) or not shaped like the start
    ///   of a card group, an SSN, a national phone (three or four digits, or a leading 0,
    ///   before a space and a next group) or an announced phone (a label before it, and
    ///   seven digits or a next group); or
    /// - inside a run of numbers joined by one separator (`16:13:38`, `2025-12-10`,
    ///   `10.0.0.1`), past its first number: every format that may hold it starts at that
    ///   first number or not at all (`:` before `/` aside: a URL); or
    /// - before a `:` (a time's first number), but for a MAC's first two digits (with a `:`
    ///   three groups on), a URL's `:/` and an announced phone number of seven digits or more
    ///   that the colon ends.
    @inline(__always)
    static func isPlainNumber(_ text: ByteText, at index: Int, digits: Int, previous: UInt8, after: UInt8) -> Bool {
        guard digits <= 10 else { return false }
        let joinsNext = after == UInt8(ascii: ".") || after == UInt8(ascii: "-") || after == UInt8(ascii: ":")
        if joinsNext {
            let next = text[index + digits + 1]
            if previous == after && text.has(.digit, at: index - 2) && next != UInt8(ascii: "/") { return true }
            return after == UInt8(ascii: ":") && next != UInt8(ascii: "/") && (digits != 2 || text[index + 8] != UInt8(ascii: ":"))
                && (digits < 7 || text.has(.digit, at: index + digits + 1))
        }
        if NumberDetectors.isJoinedToNumber(text, before: index) { return true }
        let opensGroup = PhoneDetector.opensGroup(text, after: index + digits)
        let mayStartGroup = opensGroup && (digits == 3 || digits == 4 || text[index] == UInt8(ascii: "0"))
        return !mayStartGroup && !((digits >= 7 || opensGroup) && PhoneDetector.isLabelled(text, before: index))
    }

    /// The formats that start with a digit: IPv4, cards, SSNs, phones.
    @inline(__always)
    private static func scanNumber(_ text: ByteText, at index: Int, digitEnd: Int, previous: UInt8, afterWord: Bool,
                                   phoneResume: inout Int, _ found: inout Candidates) {
        let digits = digitEnd - index, after = text[digitEnd]
        if after == UInt8(ascii: "."), digits <= 3 { NetworkDetectors.ipv4(text, at: index, &found) }
        let separated = after == UInt8(ascii: " ") || after == UInt8(ascii: "-")
        // A card validates itself (issuer, length, Luhn): text of another script right before it
        // (`卡号：4111 1111 1111 1111`) does not make it part of a word.
        let mayBeCard = text[index] >= UInt8(ascii: "2") && text[index] <= UInt8(ascii: "6") && (digits >= 13 || (digits == 4 && separated))
        let mayBeSSN = !afterWord && digits == 3 && (separated || after == UInt8(ascii: "."))
        let phoneForms: PhoneDetector.Forms = !afterWord && index >= phoneResume && previous != UInt8(ascii: "+")
            && previous != UInt8(ascii: "(")
            ? .possible(text, at: index, first: text[index], digits: digits, after: after) : []
        guard mayBeCard || mayBeSSN || !phoneForms.isEmpty, !NumberDetectors.isGluedToNumber(text, before: index) else { return }
        if mayBeCard, let end = NumberDetectors.cardEnd(text, from: index) { found.add(.creditCard, index, end) }
        if mayBeSSN, let end = NumberDetectors.ssnEnd(text, from: index) { found.add(.ssn, index, end) }
        if !phoneForms.isEmpty, let end = PhoneDetector.number(text, at: index, forms: phoneForms, &found) { phoneResume = end }
    }

    /// The formats a word starts together with the punctuation around it: MACs (`aa:` `aa-`
    /// `aabb.`), URL schemes (`https://`), mysql's `-p`, PEM's `-----BEGIN`.
    @inline(__always)
    private static func scanPunctuated(_ text: ByteText, at index: Int, wordEnd: Int, colonMAC: inout Int, dashMAC: inout Int,
                                       _ found: inout Candidates) {
        let after = text[wordEnd], previous = text[index - 1]
        switch wordEnd - index {
        case 2 where after == UInt8(ascii: ":"): NetworkDetectors.mac(text, separator: wordEnd, resume: &colonMAC, &found)
        case 2 where after == UInt8(ascii: "-"): NetworkDetectors.mac(text, separator: wordEnd, resume: &dashMAC, &found)
        case 4 where after == UInt8(ascii: "."): NetworkDetectors.ciscoMAC(text, dot: wordEnd, &found)
        default: break
        }
        if after == UInt8(ascii: ":"), text[wordEnd + 1] == UInt8(ascii: "/") {
            NameDetectors.urlCredentials(text, colon: wordEnd, &found)
        }
        if previous == UInt8(ascii: "-") {
            if text[index] == UInt8(ascii: "p") { KeyValueDetector.mysqlPassword(text, dash: index - 1, &found) }
            if text[index] | 0x20 == UInt8(ascii: "b") { SecretDetectors.privateKey(text, dash: index - 5, &found) }
        }
    }

    /// Formats announced by a byte of `ByteClass.announcerBytes`, visited in order.
    private static func scanAnnouncers(_ text: ByteText, _ bits: TextBits, _ found: inout Candidates) {
        var ipv6Resume = 0
        bits.forEachAnnouncer { index in
            switch text[index] {
            case UInt8(ascii: ":"):
                KeyValueDetector.assignment(text, separator: index, &found)
                NetworkDetectors.ipv6(text, colon: index, resume: &ipv6Resume, &found)
                VendorTokens.telegram(text, colon: index, &found)
            case UInt8(ascii: "="): KeyValueDetector.assignment(text, separator: index, &found)
            case UInt8(ascii: "@"): NameDetectors.email(text, at: index, &found)
            case UInt8(ascii: "+"): PhoneDetector.international(text, plus: index, &found)
            case UInt8(ascii: "("): PhoneDetector.parenthesised(text, paren: index, &found)
            default: assertionFailure("a byte of ByteClass.announcerBytes without its detectors")
            }
        }
    }

    /// All spans in a string.
    public static func spans(in text: String) -> [PIISpan] {
        var copy = text
        return copy.withUTF8 { spans(in: UnsafeRawBufferPointer($0)) }
    }
}

extension PIISpan {
    /// The order in which overlapping candidates win, packed for sorting: priority, then
    /// length (capped at 2^20), then a vendor key over `Bearer`, then the earlier start.
    fileprivate var rank: UInt64 {
        UInt64(type.priority) << 59 | UInt64(min(length, 1 << 20 - 1)) << 39 | (type == .apiKey ? 1 << 38 : 0)
            | (1 << 38 - 1 - UInt64(min(start, 1 << 38 - 1)))
    }
}

/// Candidate spans before overlaps are resolved.
struct Candidates {
    private(set) var spans: [PIISpan] = []

    init(expected: Int) { spans.reserveCapacity(expected) }

    mutating func add(_ type: PIIType, _ start: Int, _ end: Int) {
        guard end > start else { return }
        spans.append(PIISpan(type: type, start: start, end: end))
    }

    /// Non-overlapping spans: among overlapping candidates the higher priority wins, then the
    /// longer, then (for the same text) a vendor's key format over the `Bearer` it was sent as,
    /// then the earlier. Candidates are swept in order of start; only groups that overlap are
    /// ranked, greedily, which decides exactly as ranking them all would.
    func resolved() -> [PIISpan] {
        let byStart = spans.sorted { $0.start < $1.start }
        var kept: [PIISpan] = []
        kept.reserveCapacity(byStart.count)
        var groupStart = 0
        var groupEnd = Int.min
        for (index, span) in byStart.enumerated() {
            if span.start >= groupEnd, index > groupStart {
                Self.resolve(byStart[groupStart..<index], into: &kept)
                groupStart = index
            }
            groupEnd = max(groupEnd, span.end)
        }
        if groupStart < byStart.count { Self.resolve(byStart[groupStart...], into: &kept) }
        return kept
    }

    /// The winners of one group of overlapping candidates, appended in order of start. What
    /// is kept is marked in a bit per byte of the group: a candidate is looked for among the
    /// winners in its length, not in their number (a line of thousands of overlapping numbers
    /// took time in the square of their count).
    private static func resolve(_ group: ArraySlice<PIISpan>, into kept: inout [PIISpan]) {
        guard let origin = group.first?.start, group.count > 1 else { return kept += group }  // The group is by start.
        let extent = group.reduce(0) { max($0, $1.end) } - origin
        let winners = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: extent / 64 + 1) { taken in
            taken.initialize(repeating: 0)
            var winners: [PIISpan] = []
            for span in group.sorted(by: { $0.rank > $1.rank }) {
                let bytes = (span.start - origin)..<(span.end - origin)
                guard !visit(bytes, of: taken, { $0 & $1 != 0 }) else { continue }
                _ = visit(bytes, of: taken) { word, mask in word |= mask; return false }
                winners.append(span)
            }
            return winners
        }
        kept += winners.sorted { $0.start < $1.start }
    }

    /// Calls `body` with each word of `bits` that holds bits of `range` and the mask of those
    /// bits, until it returns true; whether it did.
    private static func visit(_ range: Range<Int>, of bits: UnsafeMutableBufferPointer<UInt64>,
                              _ body: (inout UInt64, UInt64) -> Bool) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let offset = index & 63, count = min(64 - offset, range.upperBound - index)
            let mask: UInt64 = (count == 64 ? .max : (1 << UInt64(count)) - 1) << UInt64(offset)
            if body(&bits[index >> 6], mask) { return true }
            index += count
        }
        return false
    }
}
