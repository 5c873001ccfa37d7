import Glibc

/// The first tokens of a line, cut lazily at spaces, tabs and `|`; a token that opens with
/// `[` runs to its matching `]` across spaces (`[Sun Dec 04 04:47:44 2005]`, `[main]`).
/// Records what a reading of the header depended on (`HeaderLayout`): how far it read, whether
/// it met the end of the line, and which tokens it read the digits of as times.
struct HeaderTokens {
    static let capacity = 16
    /// Bytes of a line a header is looked for in.
    static let scanned = 320
    private static let longestBracket = 200

    let line: UnsafeBufferPointer<UInt8>
    private let limit: Int
    private var found = InlineArray<16, HeaderToken>(repeating: HeaderToken(start: 0, end: 0))
    private var count = 0
    private var next = 0
    /// One past the last byte read.
    private(set) var reach = 0
    /// Whether a scan stopped at the end of the line or at the scan limit rather than at a byte.
    private(set) var readsEnd = false
    /// The tokens shaped like a time whose digits were read, and whether they were one
    /// (`MessageHeader` tests at most `anchorWindow + 1`).
    private(set) var timeChecks = InlineArray<10, TimeCheck>(repeating: TimeCheck(token: HeaderToken(start: 0, end: 0), isTime: false))
    private(set) var timeCheckCount = 0

    init(_ line: UnsafeBufferPointer<UInt8>) {
        self.line = line
        limit = min(line.count, Self.scanned)
    }

    /// Token `index` (0-based), or nil past the scanned stretch.
    mutating func token(_ index: Int) -> HeaderToken? {
        while count <= index {
            guard count < Self.capacity, let token = cut() else { return nil }
            found[count] = token
            count += 1
        }
        return found[index]
    }

    /// The first byte at or after `offset` that is not a space or tab. That byte counts as
    /// not read: only its not being a space was.
    mutating func skipSpaces(from offset: Int) -> Int {
        var index = offset
        while index < line.count, ASCIIByte.isSpace(line[index]) { index += 1 }
        read(upTo: index - 1, end: line.count - 1)
        return index
    }

    /// Whether `token` is a time (`HeaderToken.readsAsTime`), its digits read only when its shape allows one.
    mutating func isTime(_ token: HeaderToken, numeric: Bool? = nil) -> Bool {
        guard token.mayBeTime(line, numeric: numeric) else { return false }
        let isTime = token.readsAsTime(line)
        timeChecks[timeCheckCount] = TimeCheck(token: token, isTime: isTime)
        timeCheckCount += 1
        return isTime
    }

    /// Notes that a scan read the bytes before `index` and the one at it, unless it stopped at `end`.
    mutating func read(upTo index: Int, end: Int) {
        if index >= end { readsEnd = true }
        reach = max(reach, min(index + 1, line.count))
    }

    private mutating func cut() -> HeaderToken? {
        var start = next
        while start < limit, Self.isSeparator(line[start]) { start += 1 }
        guard start < limit else {
            read(upTo: start, end: limit)
            return nil
        }
        var end = start
        if line[start] == UInt8(ascii: "[") { end = closingBracket(from: start) ?? start }
        while end < limit, !Self.isSeparator(line[end]) { end += 1 }
        read(upTo: end, end: limit)
        next = end
        return HeaderToken(start: start, end: end)
    }

    /// A space, a tab or `|`: one test for the bytes above 32 (all but these and controls).
    @inline(__always) private static func isSeparator(_ byte: UInt8) -> Bool {
        byte > 32 ? byte == UInt8(ascii: "|") : ASCIIByte.isSpace(byte)
    }

    private mutating func closingBracket(from start: Int) -> Int? {
        var depth = 0
        let last = min(limit, start + Self.longestBracket)
        for index in start..<last {
            if line[index] == UInt8(ascii: "[") { depth += 1 }
            if line[index] == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        read(upTo: last, end: limit)
        return nil
    }
}

/// A token whose digits were read as a time, and what they read as.
struct TimeCheck {
    var token: HeaderToken
    var isTime: Bool
}

/// One header token: `start..<end` in its line, and what it can be.
struct HeaderToken {
    var start: Int
    var end: Int

    /// Digits with the separators of dates, times and numbers (`2015-10-18`, `18:01:47,978`,
    /// `-1`), or a lone `-` (an empty field).
    func isNumericAtom(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        for index in start..<end {
            let byte = line[index]
            // `+,-./` are 43...47, the digits 48...57 and `:` 58: one test rejects any other byte.
            guard byte &- 43 < 16 else { return false }
            digits += ASCIIByte.isDigit(byte) ? 1 : 0
        }
        return digits > 0 || (end - start == 1 && line[start] == UInt8(ascii: "-"))
    }

    /// Whether the token has the shape of a time (`readsAsTime`): a bracket group or a numeric atom.
    func mayBeTime(_ line: UnsafeBufferPointer<UInt8>, numeric: Bool? = nil) -> Bool {
        isBracketGroup(line) || numeric ?? isNumericAtom(line)
    }

    /// Whether a token shaped like a time (`mayBeTime`) is one: a time of day (`HH:MM:SS`
    /// inside digits or a bracket), BGL's dotted `2005-06-03-15.42.50.675872`, or Unix seconds
    /// or milliseconds of 2001–2033. Of all the header's tests, the only one that reads the
    /// values of digits.
    func readsAsTime(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if clock(line) != nil { return true }
        guard !isBracketGroup(line) else { return false }
        let (digits, separators) = digitsAndSeparators(line)
        if separators == 0, digits == 10 || digits == 13 {
            var value = 0
            for index in start..<(start + 10) { value = value * 10 + Int(line[index] - 48) }
            return value >= 978_307_200 && value < 2_000_000_000
        }
        return digits >= 14 && separators >= 4
    }

    /// Whether `readsAsTime`'s answer depends on the values of the token's digits, not only on
    /// where they are: it has the shape of a clock, or is ten or thirteen digits alone.
    func readsDigitValues(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if firstClockShape(line, where: { _ in true }) != nil { return true }
        guard !isBracketGroup(line) else { return false }
        let (digits, separators) = digitsAndSeparators(line)
        return separators == 0 && (digits == 10 || digits == 13)
    }

    /// Where the token holds `HH:MM:SS` with two-digit fields (`isClock`), nil if nowhere.
    func clock(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        firstClockShape(line) { isClock(line, at: $0) }
    }

    /// Whether the shape of a clock at `index` is a time of day: hours below 24, minutes below
    /// 60, seconds below 61.
    func isClock(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let value = { (index: Int) in Int(line[index] - 48) * 10 + Int(line[index + 1] - 48) }
        return value(index) < 24 && value(index + 3) < 60 && value(index + 6) < 61
    }

    /// The first place the token has the shape of a clock (two digits, `:`, two, `:`, two, not
    /// after a digit) that `accepts` accepts. Only the places with a `:` third are looked at
    /// (`memchr` finds them: most tokens have none).
    private func firstClockShape(_ line: UnsafeBufferPointer<UInt8>, where accepts: (Int) -> Bool) -> Int? {
        guard end - start >= 8, let base = line.baseAddress else { return nil }
        let digitPair = { (index: Int) in ASCIIByte.isDigit(line[index]) && ASCIIByte.isDigit(line[index + 1]) }
        var index = start
        while index <= end - 8, let colon = memchr(base + index + 2, 58, end - 8 - index + 1) {
            index = UnsafeRawPointer(colon) - UnsafeRawPointer(base) - 2
            if line[index + 5] == UInt8(ascii: ":"), digitPair(index), digitPair(index + 3), digitPair(index + 6),
               index == start || !ASCIIByte.isDigit(line[index - 1]), accepts(index) {
                return index
            }
            index += 1
        }
        return nil
    }

    private func digitsAndSeparators(_ line: UnsafeBufferPointer<UInt8>) -> (digits: Int, separators: Int) {
        var digits = 0
        for index in start..<end where ASCIIByte.isDigit(line[index]) { digits += 1 }
        return (digits, end - start - digits)
    }

    /// A severity: `INFO`, `Info`, `[error]`, `<warn>`; logcat's single capital (`D`, `W`)
    /// where `singleLetterAllowed`.
    func isLevel(_ line: UnsafeBufferPointer<UInt8>, singleLetterAllowed: Bool) -> Bool {
        var from = start, to = end
        let open = line[from]
        let bracketed = (open == UInt8(ascii: "[") && line[to - 1] == UInt8(ascii: "]"))
            || (open == UInt8(ascii: "<") && line[to - 1] == UInt8(ascii: ">"))
        if bracketed { from += 1; to -= 1 }
        guard to > from else { return false }
        if to - from == 1 { return singleLetterAllowed && !bracketed && Self.levelLetters.contains(line[from]) }
        guard to - from <= 8 else { return false }
        var packed: UInt64 = 0
        var capitals = 0
        for index in from..<to {
            let byte = line[index]
            guard ASCIIByte.isLetter(byte) else { return false }
            if byte < 97 { capitals += 1 }
            packed = packed << 8 | UInt64(byte | 0x20)
        }
        // Not bracketed: all capitals or one leading capital, so `warning` in a sentence is not one.
        let cased = capitals == to - from || (capitals == 1 && line[from] < 97)
        return (bracketed || cased) && Self.levelWords.contains(packed)
    }

    /// What a header can start with: a number or id with digits, an empty field (`-`), a
    /// bracket, a month or weekday name, a capitalised label (`KERNDTLB`).
    func opensHeader(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var capitals = 0, digits = 0
        for index in start..<end {
            if ASCIIByte.isDigit(line[index]) { digits += 1 } else if line[index] &- 65 < 26 { capitals += 1 }
        }
        if digits > 0 || isDash(line) || isBracketGroup(line) || (capitals == end - start && capitals >= 2) { return true }
        guard end - start == 3, capitals == 1 else { return false }
        let word = ShortWord.pack(line[start..<end])
        return CalendarWord.months.contains(word) || CalendarWord.weekdays.contains(word)
    }

    func endsWithColon(_ line: UnsafeBufferPointer<UInt8>) -> Bool { line[end - 1] == UInt8(ascii: ":") }
    func isDash(_ line: UnsafeBufferPointer<UInt8>) -> Bool { end - start == 1 && line[start] == UInt8(ascii: "-") }
    func isBracketGroup(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        end - start >= 2 && line[start] == UInt8(ascii: "[") && line[end - 1] == UInt8(ascii: "]")
    }

    /// A program or logger name: letters, digits and `._-$/@()[]#*`, with a letter, at most
    /// 80 bytes, a trailing `:` allowed.
    func isComponent(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end - start <= 80 else { return false }
        var letter = false
        for index in start..<end {
            let byte = line[index]
            if ASCIIByte.isLetter(byte) { letter = true; continue }
            guard ASCIIByte.isDigit(byte) || Self.isComponentPunctuation(byte) || (byte == 58 && index == end - 1) else {
                return false
            }
        }
        return letter
    }

    private static let levelLetters: Set<UInt8> = Set("VDIWEFA".utf8)
    private static func isComponentPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "$"), UInt8(ascii: "/"), UInt8(ascii: "@"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "*"): true
        default: false
        }
    }
    /// Level names, lower case, packed a byte each into an integer (none is over eight letters).
    private static let levelWords: Set<UInt64> = Set([
        "trace", "debug", "fine", "verbose", "info", "notice", "warn", "warning", "error", "err", "severe", "fatal",
        "failure", "critical", "crit", "alert", "emerg",
    ].map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } })
}
