/// Where the words of a text (runs of ASCII letters and digits) start and end, read from a
/// bit per byte made in one pass before: finding the next start or end is a count of
/// trailing zeros, not a test per byte.
struct WordBounds {
    /// Bit `i % 64` of `bits[i / 64]` is set when byte `i` is an ASCII letter or digit; bits
    /// past the end of the text are clear.
    private let bits: UnsafeMutableBufferPointer<UInt64>
    private let count: Int

    /// Calls `body` with the bounds of the words of `text`.
    static func of<Result>(_ text: ByteText, _ body: (WordBounds) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: text.count / 64 + 1) { of(text, in: $0, body) }
    }

    /// `of(_:_:)` with its bits in `storage`, which the caller keeps from text to text: a 1 MiB
    /// block's bits (128 KiB) allocated for each block went back to the system when freed and
    /// were faulted in again every time.
    static func of<Result>(_ text: ByteText, reusing storage: inout [UInt64], _ body: (WordBounds) -> Result) -> Result {
        let count = text.count / 64 + 1
        if storage.count < count { storage = [UInt64](repeating: 0, count: count) }
        return storage.withUnsafeMutableBufferPointer { of(text, in: UnsafeMutableBufferPointer(rebasing: $0[..<count]), body) }
    }

    private static func of<Result>(_ text: ByteText, in bits: UnsafeMutableBufferPointer<UInt64>, _ body: (WordBounds) -> Result) -> Result {
        let full = text.count / 64
        for block in 0..<full { bits[block] = blockBits(text.base + block * 64) }
        var tail: UInt64 = 0
        for offset in 0..<(text.count - full * 64) where text.has(.alnum, at: full * 64 + offset) {
            tail |= 1 << UInt64(offset)
        }
        bits[full] = tail
        return body(WordBounds(bits: bits, count: text.count))
    }

    /// The first ASCII letter or digit at or after `index`, or the text's end.
    @inline(__always) func nextStart(from index: Int) -> Int {
        guard index < count else { return count }
        var block = index >> 6
        var ahead = bits[block] >> UInt64(index & 63)
        if ahead != 0 { return index + ahead.trailingZeroBitCount }
        while true {
            block += 1
            guard block < bits.count else { return count }
            ahead = bits[block]
            if ahead != 0 { return block << 6 + ahead.trailingZeroBitCount }
        }
    }

    /// The end of the run of ASCII letters and digits that starts at `index`.
    @inline(__always) func end(from index: Int) -> Int {
        var block = index >> 6
        // Bits shifted in count as letters: the run goes on into the next block.
        var ahead = ~bits[block] >> UInt64(index & 63)
        if ahead != 0 { return index + ahead.trailingZeroBitCount }
        while true {
            block += 1
            ahead = ~bits[block]  // The last block ends in clear bits: the loop stops there.
            if ahead != 0 { return block << 6 + ahead.trailingZeroBitCount }
        }
    }

    /// The bits of 64 bytes, eight at a time.
    @inline(__always) private static func blockBits(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        var bits: UInt64 = 0
        for lane in 0..<8 {
            // One bit per byte (the high bit of each passing lane), gathered into the low byte.
            let passing = Lanes.alnum(Lanes.load(pointer + lane * 8)) >> 7
            bits |= ((passing &* 0x0102_0408_1020_4080) >> 56) << UInt64(lane * 8)
        }
        return bits
    }
}
