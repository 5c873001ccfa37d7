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

    private var layouts: [Layout] = []
    private var next = 0
    /// The reading the last line fitted, tried first: lines of one kind come in runs.
    private var last = 0

    /// Where the message of `line` starts (`MessageHeader.messageStart`).
    mutating func messageStart(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        if last < layouts.count, layouts[last].fits(line) { return layouts[last].start ?? line.count }
        for index in layouts.indices where index != last && layouts[index].fits(line) {
            last = index
            return layouts[index].start ?? line.count
        }
        var tokens = HeaderTokens(line)
        let start = MessageHeader.messageStart(line, &tokens)
        // A reading that went on into the message (a header with no `:` to end it, where the
        // first words are looked through for a time) is not kept: few lines would fit it.
        guard tokens.reach <= start + 1 else { return start }
        let layout = Layout(line, tokens, start: start)
        if layouts.count < Self.kept { layouts.append(layout) } else { layouts[next] = layout }
        last = next
        next = (next + 1) % Self.kept
        return start
    }

    /// One reading: the bytes it read, its time tests, and the message start it found.
    private struct Layout {
        /// The bytes read, eight to a word (as `load` reads them), and which of them are
        /// digits: a line fits when its bytes there are equal, or digits where these are.
        var words: [Word] = []
        var reach: Int
        /// The line's length, when the reading met its end.
        var length: Int?
        var timeChecks: [TimeCheck]
        /// nil: the line's end.
        var start: Int?

        struct Word {
            var bytes: UInt64
            /// 0xff over the bytes read that are not digits, and over those that are.
            var exact: UInt64
            var digits: UInt64
        }

        init(_ line: UnsafeBufferPointer<UInt8>, _ tokens: HeaderTokens, start: Int) {
            reach = tokens.reach
            length = tokens.readsEnd ? line.count : nil
            timeChecks = (0..<tokens.timeCheckCount).map { tokens.timeChecks[$0] }
            self.start = start < line.count ? start : nil
            for offset in stride(from: 0, to: reach, by: 8) {
                let bytes = Self.load(line, offset)
                var exact: UInt64 = 0, digits: UInt64 = 0
                for index in offset..<min(offset + 8, reach) {
                    let mask: UInt64 = 0xff << (8 * UInt64(index - offset))
                    if ASCIIByte.isDigit(line[index]) { digits |= mask } else { exact |= mask }
                }
                words.append(Word(bytes: bytes, exact: exact, digits: digits))
            }
        }

        func fits(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            guard line.count >= reach, length == nil || length == line.count else { return false }
            for (index, word) in words.enumerated() {
                let bytes = Self.load(line, index * 8)
                guard (bytes ^ word.bytes) & word.exact == 0, Self.nonDigits(bytes) & word.digits == 0 else { return false }
            }
            // A message starts at a byte that is not a space; `HeaderTokens` may not have read more of it.
            if let start, start >= line.count || ASCIIByte.isSpace(line[start]) { return false }
            return timeChecks.allSatisfy { $0.token.readsAsTime(line) == $0.isTime }
        }

        /// Eight bytes of `line` from `offset`, little-endian, zeros past its end.
        private static func load(_ line: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
            guard let base = line.baseAddress else { return 0 }
            if offset + 8 <= line.count { return UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) }
            var word: UInt64 = 0
            for index in offset..<line.count { word |= UInt64(line[index]) << (8 * UInt64(index - offset)) }
            return word
        }

        /// 0x80 in each byte of `word` that is not an ASCII digit: `0x30...0x39` is what
        /// reaches 0x80 when 0x50 is added and not when 0x46 is (no carry crosses bytes once
        /// the high bits are set apart).
        private static func nonDigits(_ word: UInt64) -> UInt64 {
            let high: UInt64 = 0x8080_8080_8080_8080
            let low = word & ~high
            return (word | ~(low &+ 0x5050_5050_5050_5050) | (low &+ 0x4646_4646_4646_4646)) & high
        }
    }
}
