import Glibc
import TRCAAStore

/// Mines a log fed block by block as the import reads it (`LogPipeline`): lines are cut
/// across block boundaries the way `LogIndexer` counts them (a line belongs to the block it
/// starts in), and each block keeps its lines' keys until `finish` turns them into pattern ids.
struct BlockPatternMining {
    /// Bytes of a line kept while it waits for its end in a later block; the rest is mined as
    /// if the line ended there.
    static let longestLine = 64 * 1024

    private var miner = PatternMiner()
    private var blockKeys: [[UInt32]] = []
    private var partial: [UInt8] = []
    private var partialBlock = -1
    private var lines = 0
    /// Per key, where its first and last line of the current block are: their times are read
    /// once the block is mined, a few per block instead of one per line.
    private var timed: [UInt32: (first: Range<Int>, last: Range<Int>)] = [:]

    /// Mines the lines of the next block (and the end of the line the previous one left open).
    mutating func consume(_ block: UnsafeRawBufferPointer) {
        let bytes = block.bindMemory(to: UInt8.self)
        blockKeys.append([])
        defer { stampTimes(bytes) }
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count {
            let end = memchr(base + start, 10, bytes.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if end == bytes.count {
                hold(piece)
                return
            }
            if partialBlock >= 0 {
                hold(piece)
                finishPartial()
            } else {
                let key = add(piece, toBlock: blockKeys.count - 1)
                if timed[key] == nil { timed[key] = (start..<end, start..<end) } else { timed[key]!.last = start..<end }  // Safe: checked.
            }
            start = end + 1
        }
    }

    /// The patterns, and the packed pattern ids of each block's lines.
    mutating func finish() -> LogPatternTable {
        if partialBlock >= 0 { finishPartial() }
        let mined = miner.finish()
        var firstLine = 0
        let blocks = blockKeys.map { keys in
            defer { firstLine += keys.count }
            return LogPatternTable.Block(firstLine: firstLine, lineCount: keys.count,
                                         packed: PackedPatternIds.pack(keys.map { mined.patternOfKey[Int($0)] }))
        }
        return LogPatternTable(patterns: mined.patterns, blocks: blocks)
    }

    @discardableResult
    private mutating func add(_ line: UnsafeBufferPointer<UInt8>, toBlock block: Int) -> UInt32 {
        let key = miner.add(line, lineNumber: lines)
        blockKeys[block].append(key)
        lines += 1
        return key
    }

    private mutating func stampTimes(_ bytes: UnsafeBufferPointer<UInt8>) {
        let time = { (range: Range<Int>) in LogTimestamp.seconds(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range]))) }
        for (key, lines) in timed { miner.stamp(key, first: time(lines.first), last: time(lines.last)) }
        timed.removeAll(keepingCapacity: true)
    }

    private mutating func hold(_ piece: UnsafeBufferPointer<UInt8>) {
        if partialBlock < 0 { partialBlock = blockKeys.count - 1 }
        let room = Self.longestLine - partial.count
        partial.append(contentsOf: piece.prefix(max(0, room)))
    }

    private mutating func finishPartial() {
        let block = partialBlock
        partial.withUnsafeBufferPointer { line in
            let time = LogTimestamp.seconds(UnsafeRawBufferPointer(line))
            miner.stamp(add(line, toBlock: block), first: time, last: time)
        }
        partial.removeAll(keepingCapacity: true)
        partialBlock = -1
    }
}

/// A log's patterns as an import stores them: the patterns, and per index block the packed
/// pattern id of each line that starts in it.
struct LogPatternTable: Sendable {
    /// The lines that start in one index block: the first one's number, how many, their
    /// pattern ids packed (`PackedPatternIds`).
    struct Block: Sendable {
        var firstLine: Int
        var lineCount: Int
        var packed: [UInt8]
    }

    var patterns: [LogPatternSummary]
    var blocks: [Block]
}
