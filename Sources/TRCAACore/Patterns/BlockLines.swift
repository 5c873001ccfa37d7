import Glibc

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

    /// Reads the lines of `block` with `reader`; `continuesLine` when the previous block did
    /// not end with a newline. The reader's kept readings change no key (`LineReader`), so
    /// any reader may read any block.
    init(_ block: UnsafeRawBufferPointer, continuesLine: Bool, reader: inout LineReader) {
        let bytes = block.bindMemory(to: UInt8.self)
        guard let base = bytes.baseAddress else { return }
        let newline = { (from: Int) in memchr(base + from, 10, bytes.count - from).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } }
        var start = 0
        if continuesLine {
            continuedEnd = newline(0)
            start = continuedEnd.map { $0 + 1 } ?? bytes.count
        }
        while start < bytes.count, let end = newline(start) {
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            lines.append(Line(range: start..<end, key: reader.read(line)))
            start = end + 1
        }
        rest = start
    }
}
