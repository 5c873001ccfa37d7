/// `MessageHeader.messageStart` with the last few readings kept: most lines of a log share a
/// header layout, and a line that reads the same as a kept one is not read again.
///
/// A reading depends only on the bytes it read (of the one the message starts at, only that it
/// is not a space), and on the digits among them only through the tokens it read as times
/// (`HeaderToken.readsAsTime`). So a line whose first bytes equal a kept reading's, any digit
/// standing for any digit, whose times read as that reading's did, and whose length is that
/// reading's when it met the line's end, gets the same message start: reusing one changes no
/// result.
struct HeaderLayouts {
    /// Readings kept, replaced in turn.
    private static let kept = 4
    /// Bytes of a reading a layout holds, and time tests (`HeaderTokens` makes at most 10).
    private static let longestReach = 256
    private static let wordsEach = longestReach / 8
    private static let timeChecksEach = 10

    private var layouts: [Layout] = []
    /// Each kept reading's bytes (`wordsEach` from `slot * wordsEach`) and time tests, in
    /// storage allocated once: keeping a reading and trying one allocate nothing.
    private var words = [Word](repeating: Word(bytes: 0, exact: 0, digits: 0), count: kept * wordsEach)
    private var timeChecks = [TimeCheck](repeating: TimeCheck(token: HeaderToken(start: 0, end: 0), isTime: false),
                                         count: kept * timeChecksEach)
    private var next = 0
    /// The reading the last line fitted, tried first: lines of one kind come in runs.
    private var last = 0

    /// Where the message of `line` starts (`MessageHeader.messageStart`); the time tests the
    /// answer depends on are appended to `checks`.
    mutating func messageStart(_ line: UnsafeBufferPointer<UInt8>, _ checks: inout [TimeCheck]) -> Int {
        if last < layouts.count, fits(line, last) { return reuse(last, line, &checks) }
        for slot in layouts.indices where slot != last && fits(line, slot) {
            last = slot
            return reuse(slot, line, &checks)
        }
        var tokens = HeaderTokens(line)
        let start = MessageHeader.messageStart(line, &tokens)
        for index in 0..<tokens.timeCheckCount { checks.append(tokens.timeChecks[index]) }
        // A reading that went on into the message (a header with no `:` to end it, where the
        // first words are looked through for a time) is not kept: few lines would fit it; nor
        // is one longer than a slot holds.
        guard tokens.reach <= start + 1, tokens.reach <= Self.longestReach else { return start }
        keep(line, tokens, start: start, in: next)
        last = next
        next = (next + 1) % Self.kept
        return start
    }

    /// The message start of the reading in `slot`, which `line` fits, and its time tests.
    private func reuse(_ slot: Int, _ line: UnsafeBufferPointer<UInt8>, _ checks: inout [TimeCheck]) -> Int {
        checks.append(contentsOf: timeChecks[(slot * Self.timeChecksEach)..<(slot * Self.timeChecksEach + layouts[slot].timeCheckCount)])
        return layouts[slot].start ?? line.count
    }

    /// One reading: how far it read, the line's length when it met its end, its number of
    /// time tests, and the message start it found (nil: the line's end).
    private struct Layout {
        var reach: Int
        var length: Int?
        var timeCheckCount: Int
        var start: Int?
    }

    /// Eight bytes a reading read (as `load` reads them), and which of them are digits: a
    /// line fits when its bytes there are equal, or digits where these are.
    private struct Word {
        var bytes: UInt64
        /// 0xff over the bytes read that are not digits, and over those that are.
        var exact: UInt64
        var digits: UInt64
    }

    private mutating func keep(_ line: UnsafeBufferPointer<UInt8>, _ tokens: HeaderTokens, start: Int, in slot: Int) {
        let layout = Layout(reach: tokens.reach, length: tokens.readsEnd ? line.count : nil, timeCheckCount: tokens.timeCheckCount,
                            start: start < line.count ? start : nil)
        if slot < layouts.count { layouts[slot] = layout } else { layouts.append(layout) }
        for index in 0..<tokens.timeCheckCount { timeChecks[slot * Self.timeChecksEach + index] = tokens.timeChecks[index] }
        for index in 0..<(layout.reach + 7) / 8 {
            let bytes = Lanes.load(line, from: index * 8)
            let read: UInt64 = layout.reach - index * 8 >= 8 ? ~0 : (1 << (8 * UInt64(layout.reach - index * 8))) - 1
            // 0x80 over each digit, spread to 0xff.
            let digits = Lanes.digits(bytes) >> 7 &* 0xff & read
            words[slot * Self.wordsEach + index] = Word(bytes: bytes, exact: read & ~digits, digits: digits)
        }
    }

    private func fits(_ line: UnsafeBufferPointer<UInt8>, _ slot: Int) -> Bool {
        let layout = layouts[slot]
        guard line.count >= layout.reach, layout.length == nil || layout.length == line.count else { return false }
        for index in 0..<(layout.reach + 7) / 8 {
            let word = words[slot * Self.wordsEach + index], bytes = Lanes.load(line, from: index * 8)
            guard (bytes ^ word.bytes) & word.exact == 0, ~Lanes.digits(bytes) & Lanes.high & word.digits == 0 else { return false }
        }
        // A message starts at a byte that is not a space; `HeaderTokens` may not have read more of it.
        if let start = layout.start, start >= line.count || ASCIIByte.isSpace(line[start]) { return false }
        for index in slot * Self.timeChecksEach..<(slot * Self.timeChecksEach + layout.timeCheckCount)
        where timeChecks[index].token.readsAsTime(line) != timeChecks[index].isTime {
            return false
        }
        return true
    }
}
