/// Phone numbers written in a phone format. Bare digit runs (epoch seconds, ids) are not
/// phones, except right after a word that says they are (`phone number is 4258829090`).
enum PhoneDetector {
    static func scan(_ text: ByteText, into found: inout Candidates) {
        text.forEach(UInt8(ascii: "+")) { plus in
            guard !text.has(.word, at: plus - 1), text.has(.digit, at: plus + 1),
                  let end = longest(grouped(text, from: plus + 1, mixedSeparators: true), digits: 8...15) else { return }
            found.add(.phone, plus, end)
        }
        text.forEach(UInt8(ascii: "(")) { paren in
            guard !text.has(.word, at: paren - 1),
                  let end = longest(grouped(text, from: paren, mixedSeparators: true), digits: 9...11, minimumGroups: 3)
            else { return }
            found.add(.phone, paren, end)
        }
        var index = 0
        while index < text.count {
            guard text.has(.digit, at: index), !text.has(.word, at: index - 1), text[index - 1] != UInt8(ascii: "+"),
                  !NumberDetectors.isGluedToNumber(text, before: index), text[index - 1] != UInt8(ascii: "(") else {
                index += 1
                continue
            }
            if let end = nationalEnd(text, from: index) ?? northAmericanEnd(text, from: index) ?? announcedEnd(text, from: index) {
                found.add(.phone, index, end)
                index = end
            } else {
                index = text.runEnd(.digit, from: index)
            }
        }
    }

    /// Digit groups separated by single spaces, dashes or dots (one kind throughout unless
    /// `mixedSeparators`); a group may be in parentheses (`(415)`, or `(0)30` inside an
    /// international number). `ends[i]` and `digits[i]` describe the number ending after group i,
    /// so a caller can stop before a second number that follows (`052 5552606 074-7111234`).
    struct Grouped {
        var ends: [Int] = []
        var digits: [Int] = []
        var lengths: [Int] = []
        /// The separator that followed each group end.
        var separatorsAfter: [Int: UInt8] = [:]
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
                result.ends.append(groupEnd)
                result.digits.append(total)
                result.lengths.append(length)
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
            result.ends.append(groupEnd)
            result.digits.append(total)
            result.lengths.append(length)
            let isSeparator = next == UInt8(ascii: " ") || next == UInt8(ascii: "-") || next == UInt8(ascii: ".")
            let opensGroup = text.has(.digit, at: groupEnd + 1)
                || (text[groupEnd + 1] == UInt8(ascii: "(") && text.has(.digit, at: groupEnd + 2))
            guard isSeparator, opensGroup, total < 15, mixedSeparators || separator == nil || separator == next else {
                return result
            }
            result.separatorsAfter[groupEnd] = next
            separator = next
            cursor = groupEnd + 1
        }
    }

    /// The longest prefix of `number` whose digit count is in `range` (and passes `accept`).
    /// A prefix may end only before a space: groups joined by `-` or `.` are one token.
    static func longest(_ number: Grouped, digits range: ClosedRange<Int>, minimumGroups: Int = 1,
                        accept: ([Int]) -> Bool = { _ in true }) -> Int? {
        for count in stride(from: number.ends.count, through: minimumGroups, by: -1)
        where range.contains(number.digits[count - 1]) && accept(Array(number.lengths.prefix(count))) {
            let end = number.ends[count - 1]
            if count < number.ends.count, number.ends[count] > end, !isSpace(number, after: end) { continue }
            return end
        }
        return nil
    }

    private static func isSpace(_ number: Grouped, after end: Int) -> Bool { number.separatorsAfter[end] == UInt8(ascii: " ") }

    /// National forms with a trunk `0`: `020 7946 0002`, `03-7797-5581`, `06 12 34 56 78`,
    /// `030 12345678`, `01632 960123` — two or more groups, 9 to 11 digits.
    ///
    /// Groups are 2–5 digits then a last of 3 or more (or five pairs, the French way); the
    /// SSN shape `ddd-dd-dddd` is left to the SSN rules.
    static func nationalEnd(_ text: ByteText, from start: Int) -> Int? {
        guard text[start] == UInt8(ascii: "0"), text.has(.digit, at: start + 1), text[start + 1] != UInt8(ascii: "0"),
              (2...5).contains(text.runEnd(.digit, from: start) - start) else { return nil }
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
        guard !text.has(.word, at: end), !("-.".utf8.contains(text[end]) && text.has(.digit, at: end + 1)) else { return nil }
        return end
    }

    /// Digits right after a word that announces a phone number (`phone number is …`, `tel:`).
    static func announcedEnd(_ text: ByteText, from start: Int) -> Int? {
        var cursor = start
        while cursor > 0, text.has(.space, at: cursor - 1) || ":=\"".utf8.contains(text[cursor - 1]) { cursor -= 1 }
        var wordStart = text.runStart(.alpha, before: cursor)
        if ["is", "number", "no", "num"].contains(text.string(wordStart..<cursor).lowercased()) {
            var before = wordStart
            while before > 0, text.has(.space, at: before - 1) { before -= 1 }
            cursor = before
            wordStart = text.runStart(.alpha, before: cursor)
            if text.string(wordStart..<cursor).lowercased() == "number" {
                before = wordStart
                while before > 0, text.has(.space, at: before - 1) { before -= 1 }
                cursor = before
                wordStart = text.runStart(.alpha, before: cursor)
            }
        }
        guard ["phone", "tel", "telephone", "mobile", "cell", "fax", "sms"].contains(text.string(wordStart..<cursor).lowercased())
        else { return nil }
        return longest(grouped(text, from: start, mixedSeparators: true), digits: 7...15)
    }
}
