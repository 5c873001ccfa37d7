/// Bits of a text made in one pass before the detectors run (`BlockBits`, 64 bytes at a
/// time): where its words (runs of ASCII letters and digits) and its digit runs start and
/// end, found by a count of trailing zeros, not a test per byte; and where the bytes that
/// announce a format are. Indexes given to it are in `0...text.count`.
struct TextBits {
    /// Bit `i % 64` of `alnum[i / 64]` is set when byte `i` is an ASCII letter or digit. Bits
    /// past the end of the text are clear, and there is a block past the one holding its last
    /// byte when that one is full: a run ends at the latest at the text's end.
    private let alnum: UnsafeBufferPointer<UInt64>
    /// The same for ASCII digits.
    private let digits: UnsafeBufferPointer<UInt64>
    /// The same for the bytes of `ByteClass.announcerBytes`.
    private let announcers: UnsafeBufferPointer<UInt64>

    /// Calls `body` with the bits of `text`.
    static func of<Result>(_ text: ByteText, _ body: (TextBits) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 3 * (text.count / 64 + 1)) { of(text, in: $0, body) }
    }

    /// `of(_:_:)` with its bits in `storage`, which the caller keeps from text to text: a 1 MiB
    /// block's bits (384 KiB) allocated for each block went back to the system when freed and
    /// were faulted in again every time.
    static func of<Result>(_ text: ByteText, reusing storage: inout [UInt64], _ body: (TextBits) -> Result) -> Result {
        let count = 3 * (text.count / 64 + 1)
        if storage.count < count { storage = [UInt64](repeating: 0, count: count) }
        return storage.withUnsafeMutableBufferPointer { of(text, in: UnsafeMutableBufferPointer(rebasing: $0[..<count]), body) }
    }

    private static func of<Result>(_ text: ByteText, in storage: UnsafeMutableBufferPointer<UInt64>, _ body: (TextBits) -> Result) -> Result {
        let blocks = storage.count / 3
        for block in 0..<blocks {
            let made = BlockBits(text, at: block * 64)
            (storage[block], storage[blocks + block], storage[2 * blocks + block]) = (made.alnum, made.digits, made.announcers)
        }
        let bits = UnsafeBufferPointer(storage)
        return body(TextBits(alnum: UnsafeBufferPointer(rebasing: bits[..<blocks]),
                             digits: UnsafeBufferPointer(rebasing: bits[blocks..<(2 * blocks)]),
                             announcers: UnsafeBufferPointer(rebasing: bits[(2 * blocks)...])))
    }

    /// The starts of the words, in order: a word's start does not wait for the end of the word
    /// before, so the loop over them is not one chain of dependent loads.
    struct Starts: IteratorProtocol {
        fileprivate let alnum: UnsafeBufferPointer<UInt64>
        fileprivate var block = 0
        /// The starts in `block` not returned yet.
        fileprivate var pending: UInt64

        @inline(__always) mutating func next() -> Int? {
            while pending == 0 {
                block += 1
                guard block < alnum.count else { return nil }
                pending = alnum[block] & ~(alnum[block] << 1 | alnum[block - 1] >> 63)
            }
            let start = block << 6 + pending.trailingZeroBitCount
            pending &= pending &- 1
            return start
        }
    }

    var starts: Starts { Starts(alnum: alnum, pending: alnum[0] & ~(alnum[0] << 1)) }

    /// The end of the run of ASCII letters and digits that starts at `index`.
    @inline(__always) func end(from index: Int) -> Int { Self.runEnd(in: alnum, from: index) }

    /// The end of the run of ASCII digits that starts at `index`.
    @inline(__always) func digitEnd(from index: Int) -> Int { Self.runEnd(in: digits, from: index) }

    /// The end of the run of set bits of `bits` that starts at `index`.
    @inline(__always) private static func runEnd(in bits: UnsafeBufferPointer<UInt64>, from index: Int) -> Int {
        assert(index >= 0 && index >> 6 < bits.count, "an index in the text or at its end")
        var block = index >> 6
        // Bits shifted in count as set: the run goes on into the next block.
        var ahead = ~bits[block] >> UInt64(index & 63)
        if ahead != 0 { return index + ahead.trailingZeroBitCount }
        while true {
            block += 1
            ahead = ~bits[block]  // The last block ends in clear bits: the loop stops there.
            if ahead != 0 { return block << 6 + ahead.trailingZeroBitCount }
        }
    }

    /// Calls `body` with the index of each byte of `ByteClass.announcerBytes`, in order.
    @inline(__always) func forEachAnnouncer(_ body: (Int) -> Void) {
        for block in 0..<announcers.count {
            var pending = announcers[block]
            while pending != 0 {
                body(block << 6 + pending.trailingZeroBitCount)
                pending &= pending &- 1
            }
        }
    }
}
