/// The per-line half of mining one block (`LineReader` of each line), which needs no
/// miner and so runs on the import's block workers; `BlockPatternMining` adds the lines in order.
struct BlockLines: Sendable {
    /// A whole line that starts in the block (`range`, without its newline) and its key.
    struct Line: Sendable {
        var range: Range<Int>
        var key: LineKey
    }

    /// When the block continues the previous block's last line: where that line ends (its
    /// newline), nil when it runs through the block.
    var continuedEnd: Int?
    var lines: [Line] = []
    /// Where the block's last line starts when the block ends inside it (else the block's size).
    var rest = 0

    /// Reads the lines of `block` with `reader`; `newlines` are the offsets of its newlines
    /// (`newlines(in:)`, or the import's index, which finds them anyway), `continuesLine` when
    /// the previous block did not end with a newline. The reader's kept readings change no key
    /// (`LineReader`), so any reader may read any block.
    /// `reusing` gives memory for `lines` (a block's lines are too many for glibc to keep
    /// their array's memory mapped from one block to the next).
    init(_ block: UnsafeRawBufferPointer, newlines: [UInt32], continuesLine: Bool, reader: inout LineReader,
         reusing storage: consuming [Line] = []) {
        lines = consume storage
        lines.removeAll(keepingCapacity: true)
        let bytes = block.bindMemory(to: UInt8.self)
        var ends = newlines[...]
        var start = 0
        if continuesLine {
            continuedEnd = ends.popFirst().map(Int.init)
            start = continuedEnd.map { $0 + 1 } ?? bytes.count
        }
        lines.reserveCapacity(ends.count)
        for end in ends.lazy.map(Int.init) {
            lines.append(Line(range: start..<end, key: reader.read(UnsafeBufferPointer(rebasing: bytes[start..<end]))))
            start = end + 1
        }
        rest = start
    }

    /// The offsets of the newlines in `block`.
    static func newlines(in block: UnsafeRawBufferPointer) -> [UInt32] {
        var offsets: [UInt32] = []
        ByteText(block).forEach(10) { offsets.append(UInt32($0)) }
        return offsets
    }
}
