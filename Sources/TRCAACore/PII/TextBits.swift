import CTextPlanes

/// Bits of a text made in one pass before the detectors run (`trcaa_text_planes`, up to 64
/// bytes at a time), a plane of a bit per byte for each class of bytes: where its words (runs
/// of ASCII letters and digits) and digit runs end, found by a count of trailing zeros, not a
/// test per byte; where the bytes that announce a format are; and what `VisitedWords` needs to
/// pass over most words without visiting them. Indexes given to it are in `0...text.count`.
struct TextBits {
    /// Blocks of 64 bytes: there is a block past the one holding the text's last byte when that
    /// one is full, so a run ends at the latest at the text's end.
    let blocks: Int
    /// Bit `i % 64` of `alnum[i / 64]` is set when byte `i` is an ASCII letter or digit. Bits
    /// past the end of the text are clear, and so are those of the blocks at -1 and `blocks`,
    /// which every plane has too, so that a block's neighbours can be read without a test.
    let alnum: UnsafePointer<UInt64>
    /// The same for ASCII digits, upper-case letters, and the bytes of each of `sets`.
    let digits: UnsafePointer<UInt64>
    let upper: UnsafePointer<UInt64>
    let announcers: UnsafePointer<UInt64>
    let joiners: UnsafePointer<UInt64>
    let hyphens: UnsafePointer<UInt64>
    let plainVetoes: UnsafePointer<UInt64>
    let dots: UnsafePointer<UInt64>
    let colons: UnsafePointer<UInt64>
    let slashes: UnsafePointer<UInt64>
    let parentheses: UnsafePointer<UInt64>
    let spaces: UnsafePointer<UInt64>

    /// The bytes of the planes after the first three: `ByteClass.announcerBytes`,
    /// `ByteClass.joinerBytes`, `-`, `PIIDetector.plainVetoes` in any case, then single bytes.
    private static let sets: [(bytes: StaticString, caseless: Bool)] = [
        (ByteClass.announcerBytes, false), (ByteClass.joinerBytes, false), ("-", false), (PIIDetector.plainVetoes, true),
        (".", false), (":", false), ("/", false), ("(", false), (" ", false),
    ]
    private static let planeCount = Int(TRCAA_PLANE_SETS) + sets.count

    /// Calls `body` with the bits of `text`.
    static func of<Result>(_ text: ByteText, _ body: (TextBits) -> Result) -> Result {
        let layout = Layout(count: text.count)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: layout.words) {
            of(text, in: $0.baseAddress!, layout, width: 512, body)  // Safe: never empty.
        }
    }

    /// `of(_:_:)` with its bits in `storage`, which the caller keeps from text to text: a 1 MiB
    /// block's bits (1.5 MiB) allocated for each block went back to the system when freed and
    /// were faulted in again every time. `width` is `trcaa_text_planes`'s (tests ask for each).
    static func of<Result>(_ text: ByteText, reusing storage: inout [UInt64], width: Int32 = 512, _ body: (TextBits) -> Result) -> Result {
        let layout = Layout(count: text.count)
        if storage.count < layout.words { storage = [UInt64](repeating: 0, count: layout.words) }
        return storage.withUnsafeMutableBufferPointer { of(text, in: $0.baseAddress!, layout, width: width, body) }  // Safe: never empty.
    }

    /// Where the planes of a text lie: each `stride` words on from the one before, its blocks
    /// after a block of zeros and before another.
    private struct Layout {
        let blocks: Int, stride: Int

        init(count: Int) {
            blocks = count / 64 + 1
            // Planes a multiple of 4 KiB apart would share the first-level cache's sets (the
            // planes of one block are read and written together): each is five cache lines on.
            stride = blocks + 2 < 512 ? blocks + 2 : (blocks + 2 + 511) / 512 * 512 + 40
        }

        var words: Int { TextBits.planeCount * stride }
    }

    private static func of<Result>(_ text: ByteText, in base: UnsafeMutablePointer<UInt64>, _ layout: Layout, width: Int32,
                                   _ body: (TextBits) -> Result) -> Result {
        let (blocks, stride) = (layout.blocks, layout.stride)
        for plane in 0..<planeCount { (base[plane * stride], base[plane * stride + blocks + 1]) = (0, 0) }
        trcaa_text_planes(text.base, text.count, table, base + 1, blocks, stride, width)
        let plane = { (index: Int) in UnsafePointer(base + index * stride + 1) }
        return body(TextBits(blocks: blocks, alnum: plane(0), digits: plane(1), upper: plane(2), announcers: plane(3),
                             joiners: plane(4), hyphens: plane(5), plainVetoes: plane(6), dots: plane(7), colons: plane(8),
                             slashes: plane(9), parentheses: plane(10), spaces: plane(11)))
    }

    /// The planes of each byte value, made once for the life of the process, never written after.
    nonisolated(unsafe) private static let table: UnsafePointer<trcaa_plane_table> = {
        let sets = Self.sets.map { set in
            trcaa_byte_set(bytes: set.bytes.utf8Start, count: UInt32(set.bytes.utf8CodeUnitCount), caseless: set.caseless ? 1 : 0)
        }
        let table = UnsafeMutablePointer<trcaa_plane_table>.allocate(capacity: 1)
        let made = sets.withUnsafeBufferPointer { trcaa_plane_table_make($0.baseAddress, $0.count, table) }
        precondition(made == 0, "the scan's byte sets fit a trcaa_plane_table")
        return UnsafePointer(table)
    }()

    /// The end of the run of ASCII digits that starts at `index`.
    @inline(__always) func digitEnd(from index: Int) -> Int { runEnd(in: digits, from: index) }

    /// The end of the run of set bits of `bits` that starts at `index`.
    @inline(__always) private func runEnd(in bits: UnsafePointer<UInt64>, from index: Int) -> Int {
        assert(index >= 0 && index >> 6 < blocks, "an index in the text or at its end")
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
        for block in 0..<blocks {
            var pending = announcers[block]
            while pending != 0 {
                body(block << 6 + pending.trailingZeroBitCount)
                pending &= pending &- 1
            }
        }
    }
}
