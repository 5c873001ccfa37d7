/// Phone numbers written in a phone format. Bare digit runs (epoch seconds, ids) are not
/// phones, except right after a word that says they are (`phone number is 4258829090`).
enum PhoneDetector {
    /// `+` then an international number.
    static func international(_ text: ByteText, plus: Int, _ found: inout Candidates) {
        guard !text.has(.word, at: plus - 1), text.has(.digit, at: plus + 1),
              let end = longest(grouped(text, from: plus + 1, mixedSeparators: true), digits: 8...15) else { return }
        found.add(.phone, plus, end)
    }

    /// `(415) 555-0132`: an area code in parentheses.
    static func parenthesised(_ text: ByteText, paren: Int, _ found: inout Candidates) {
        guard !text.has(.word, at: paren - 1),
              let end = longest(grouped(text, from: paren, mixedSeparators: true), digits: 9...11, minimumGroups: 3)
        else { return }
        found.add(.phone, paren, end)
    }

    /// The forms a number may be written in, as far as its first digit run tells.
    struct Forms: OptionSet {
        let rawValue: UInt8
        static let national = Forms(rawValue: 1 << 0)
        static let northAmerican = Forms(rawValue: 1 << 1)
        static let mobile = Forms(rawValue: 1 << 2)
        static let announced = Forms(rawValue: 1 << 3)

        /// The forms whose necessary conditions hold for a digit run of `digits` digits starting
        /// with `first` and followed by `after`, at `start`.
        @inline(__always)
        static func possible(_ text: ByteText, at start: Int, first: UInt8, digits: Int, after: UInt8) -> Forms {
            var forms: Forms = []
            let dashOrDot = after == UInt8(ascii: "-") || after == UInt8(ascii: ".")
            if first == UInt8(ascii: "0"), (2...5).contains(digits), dashOrDot || after == UInt8(ascii: " ") { forms.insert(.national) }
            if digits == 3, dashOrDot { forms.insert(.northAmerican) }
            if digits == 11, first == UInt8(ascii: "1") || first == UInt8(ascii: "0") { forms.insert(.mobile) }
            // A word, then spaces or `:="`, then the digits: seven or more, in this group or with the next.
            if isLabelled(text, before: start), digits >= 7 || opensGroup(text, after: start + digits), followsAnnouncingWord(text, start) {
                forms.insert(.announced)
            }
            return forms
        }
    }

    /// A national, North American, mobile or announced number at the start of a number, tried
    /// in that order among `forms`; returns its end.
    static func number(_ text: ByteText, at index: Int, forms: Forms, _ found: inout Candidates) -> Int? {
        guard let end = (forms.contains(.national) ? nationalEnd(text, from: index) : nil)
                ?? (forms.contains(.northAmerican) ? northAmericanEnd(text, from: index) : nil)
                ?? (forms.contains(.mobile) ? mobileEnd(text, from: index) : nil)
                ?? (forms.contains(.announced) ? announcedEnd(text, from: index) : nil)
        else { return nil }
        found.add(.phone, index, end)
        return end
    }

    /// Digit groups separated by single spaces, dashes or dots (one kind throughout unless
    /// `mixedSeparators`); a group may be in parentheses (`(415)`, or `(0)30` inside an
    /// international number). `ends[i]` and `digits[i]` describe the number ending after group i,
    /// so a caller can stop before a second number that follows (`052 5552606 074-7111234`).
    /// At most 15 digits, so at most 15 groups: fixed storage, no allocation.
    struct Grouped {
        private(set) var count = 0
        private(set) var ends = InlineArray<16, Int>(repeating: 0)
        private(set) var digits = InlineArray<16, Int>(repeating: 0)
        private(set) var lengths = InlineArray<16, Int>(repeating: 0)
        /// The separator that follows each group (0 for none yet).
        private(set) var separators = InlineArray<16, UInt8>(repeating: 0)

        mutating func append(end: Int, digits total: Int, length: Int) {
            ends[count] = end
            digits[count] = total
            lengths[count] = length
            count += 1
        }

        mutating func setSeparator(_ byte: UInt8) { separators[count - 1] = byte }

        /// The lengths of the first `count` groups.
        func lengths(_ count: Int) -> [Int] { (0..<count).map { lengths[$0] } }
    }

    static func grouped(_ text: ByteText, from start: Int, mixedSeparators: Bool) -> Grouped {
        var result = Grouped()
        var cursor = start
        var total = 0
        var separator: UInt8?
        while true {
            var groupEnd: Int
            var length: Int
            if text[cursor] == UInt8(ascii: "("), text.has(.digit, at: cursor + 1) {
                let close = text.runEnd(.digit, from: cursor + 1)
                guard text[close] == UInt8(ascii: ")"), (1...4).contains(close - cursor - 1) else { return result }
                length = close - cursor - 1
                groupEnd = close + 1
                if length == 1, text.has(.digit, at: groupEnd) {  // `(0)30`: the trunk digit, then the area code
                    let more = text.runEnd(.digit, from: groupEnd)
                    length += more - groupEnd
                    groupEnd = more
                }
            } else {
                groupEnd = text.runEnd(.digit, from: cursor)
                length = groupEnd - cursor
                guard length > 0 else { return result }
            }
            // `(415)555-0132`: after an area code in parentheses the next group may follow at once.
            let next = text[groupEnd]
            if text[groupEnd - 1] == UInt8(ascii: ")"), text.has(.digit, at: groupEnd) {
                total += length
                result.append(end: groupEnd, digits: total, length: length)
                cursor = groupEnd
                continue
            }
            // A number that runs on into letters, or into more digits after `.`/`:`, is something else.
            if text.has(.word, at: groupEnd) || next == UInt8(ascii: "_")
                || ((next == UInt8(ascii: ".") || next == UInt8(ascii: ":")) && text.has(.digit, at: groupEnd + 1)
                    && !(mixedSeparators || separator == UInt8(ascii: "."))) {
                return result
            }
            total += length
            result.append(end: groupEnd, digits: total, length: length)
            guard opensGroup(text, after: groupEnd), total < 15, mixedSeparators || separator == nil || separator == next else {
                return result
            }
            result.setSeparator(next)
            separator = next
            cursor = groupEnd + 1
        }
    }

    /// Whether a word, then spaces or `:="`, come right before `start`: what an announced number
    /// follows (`followsAnnouncingWord` then reads the word).
    @inline(__always)
    static func isLabelled(_ text: ByteText, before start: Int) -> Bool {
        text.has(.labelGap, at: start - 1) && text.has([.alpha, .labelGap], at: start - 2)
    }

    /// Whether another group follows the group ending at `groupEnd`: a space, dash or dot, then
    /// a digit or a parenthesised one.
    @inline(__always)
    static func opensGroup(_ text: ByteText, after groupEnd: Int) -> Bool {
        let next = text[groupEnd]
        return (next == UInt8(ascii: " ") || next == UInt8(ascii: "-") || next == UInt8(ascii: "."))
            && (text.has(.digit, at: groupEnd + 1) || (text[groupEnd + 1] == UInt8(ascii: "(") && text.has(.digit, at: groupEnd + 2)))
    }

    /// The longest prefix of `number` whose digit count is in `range` (and passes `accept`).
    /// A prefix may end only before a space: groups joined by `-` or `.` are one token.
    static func longest(_ number: Grouped, digits range: ClosedRange<Int>, minimumGroups: Int = 1,
                        accept: ([Int]) -> Bool = { _ in true }) -> Int? {
        for count in stride(from: number.count, through: minimumGroups, by: -1)
        where range.contains(number.digits[count - 1]) && accept(number.lengths(count)) {
            let end = number.ends[count - 1]
            if count < number.count, number.ends[count] > end, number.separators[count - 1] != UInt8(ascii: " ") { continue }
            return end
        }
        return nil
    }

    /// National forms with a trunk `0`: `020 7946 0002`, `03-7797-5581`, `06 12 34 56 78`,
    /// `030 12345678`, `01632 960123` — two or more groups, 9 to 11 digits.
    ///
    /// Groups are 2–5 digits then a last of 3 or more (or five pairs, the French way); the
    /// SSN shape `ddd-dd-dddd` is left to the SSN rules.
    static func nationalEnd(_ text: ByteText, from start: Int) -> Int? {
        let firstEnd = text.runEnd(.digit, from: start)
        guard text[start] == UInt8(ascii: "0"), text.has(.digit, at: start + 1), text[start + 1] != UInt8(ascii: "0"),
              (2...5).contains(firstEnd - start),
              text[firstEnd] == UInt8(ascii: " ") || text[firstEnd] == UInt8(ascii: "-") || text[firstEnd] == UInt8(ascii: "."),
              text.has(.digit, at: firstEnd + 1) || text[firstEnd + 1] == UInt8(ascii: "(") else { return nil }
        return longest(grouped(text, from: start, mixedSeparators: false), digits: 9...11, minimumGroups: 2) { lengths in
            if lengths == [2, 2, 2, 2, 2] { return true }
            if lengths == [3, 2, 4] { return false }
            return lengths.dropLast().allSatisfy { (2...5).contains($0) } && lengths[lengths.count - 1] >= 3
        }
    }

    /// `415-555-0132`, `415.555.0132`: area and exchange codes start with 2–9.
    static func northAmericanEnd(_ text: ByteText, from start: Int) -> Int? {
        let separator = text[start + 3]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "."), text.runEnd(.digit, from: start) == start + 3,
              text.runEnd(.digit, from: start + 4) == start + 7, text[start + 7] == separator,
              text.runEnd(.digit, from: start + 8) == start + 12, text[start] >= UInt8(ascii: "2"),
              text[start + 4] >= UInt8(ascii: "2") else { return nil }
        let end = start + 12
        guard !text.has(.word, at: end), !(ByteClass.isOne(of: "-.", text[end]) && text.has(.digit, at: end + 1)) else { return nil }
        return end
    }

    /// 11-digit mobile numbers written without separators — Chinese `1[3-9]` and 9 digits, British
    /// `07` and 9 digits — standing alone between spaces or quotes, before at most a punctuation
    /// mark, and neither a key's value (`id=…`, `"uid": …`: ids) nor a quantity (`… bytes`).
    static func mobileEnd(_ text: ByteText, from start: Int) -> Int? {
        let end = start + 11
        let first = text[start], second = text[start + 1]
        let isMobilePrefix = (first == UInt8(ascii: "1") && second >= UInt8(ascii: "3"))
            || (first == UInt8(ascii: "0") && second == UInt8(ascii: "7"))
        guard text.runEnd(.digit, from: start) == end, isMobilePrefix,
              ByteClass.isOne(of: " \t\r\n\"'", text[start - 1]) || start == 0,
              ByteClass.isOne(of: " \t\r\n\"',;", text[end]) || end == text.count
                || (text[end] == UInt8(ascii: ".") && !text.has(.word, at: end + 1)) else { return nil }
        var before = start
        while before > 0, text.has(.space, at: before - 1) || ByteClass.isOne(of: "\"'", text[before - 1]) { before -= 1 }
        if text[before - 1] == UInt8(ascii: ":") || text[before - 1] == UInt8(ascii: "=") { return nil }
        var unit = end
        while text.has(.space, at: unit) { unit += 1 }
        if unit > end, quantityUnits.contains(text, unit..<text.runEnd(.alpha, from: unit)) { return nil }
        return end
    }

    private static let quantityUnits = WordSet("b bytes kb mb gb kib mib gib ms us ns s sec secs seconds")

    private static let linkWords = WordSet("is number no num")
    private static let phoneWords = WordSet("phone tel telephone mobile cell fax sms")
    /// The words `announcedEnd` may find right before the digits.
    private static let announcingWords = WordSet("phone tel telephone mobile cell fax sms is number no num")

    /// Whether a word that may announce a phone number comes right before `start`, past
    /// spaces and `:="`: the necessary condition of `announcedEnd`, tested first because
    /// nearly every number in a log follows some word.
    static func followsAnnouncingWord(_ text: ByteText, _ start: Int) -> Bool {
        let cursor = labelEnd(text, before: start)
        guard text.has(.alpha, at: cursor - 1) else { return false }
        let wordStart = text.runStart(.alpha, before: cursor)
        return cursor - wordStart >= 2 && cursor - wordStart <= 9 && announcingWords.contains(text, wordStart..<cursor)
    }

    /// The end of the word that may label the value at `start`: back past spaces and `:="`.
    @inline(__always)
    private static func labelEnd(_ text: ByteText, before start: Int) -> Int {
        var cursor = start
        while text.has(.labelGap, at: cursor - 1) { cursor -= 1 }
        return cursor
    }

    /// Digits right after a word that announces a phone number (`phone number is …`, `tel:`).
    static func announcedEnd(_ text: ByteText, from start: Int) -> Int? {
        var cursor = labelEnd(text, before: start)
        var wordStart = text.runStart(.alpha, before: cursor)
        guard cursor > wordStart else { return nil }
        if linkWords.contains(text, wordStart..<cursor) {
            var before = wordStart
            while before > 0, text.has(.space, at: before - 1) { before -= 1 }
            cursor = before
            wordStart = text.runStart(.alpha, before: cursor)
            if cursor - wordStart == 6, text.matches("number", at: wordStart) {
                before = wordStart
                while before > 0, text.has(.space, at: before - 1) { before -= 1 }
                cursor = before
                wordStart = text.runStart(.alpha, before: cursor)
            }
        }
        guard phoneWords.contains(text, wordStart..<cursor) else { return nil }
        return longest(grouped(text, from: start, mixedSeparators: true), digits: 7...15)
    }
}
