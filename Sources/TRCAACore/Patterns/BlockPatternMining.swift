import TRCAAStore

/// Mines a log fed block by block as the import reads it (`LogPipeline`): lines are cut
/// across block boundaries the way `LogIndexer` counts them (a line belongs to the block it
/// starts in), and each block keeps its lines' keys until `finish` turns them into pattern ids,
/// and counts its error and warning lines for the index (`LogIndexer.takeLevels`).
struct BlockPatternMining {
    /// Bytes of a line kept while it waits for its end in a later block; the rest is mined as
    /// if the line ended there.
    static let longestLine = 64 * 1024

    private var miner = PatternMiner()
    private var blockKeys: [LineKeys] = []
    /// The blocks before this one are sealed (`LineKeys.seal`): they take no more lines.
    private var sealedBlocks = 0
    private var deflater = StatelessDeflate.Level1()
    private var blockLevels: [LevelCounts] = []
    private var partial: [UInt8] = []
    private var partialBlock = -1
    private var lines = 0
    /// Per key, where its first and last line of the last block it came in are, and which
    /// block that was; `timed` lists the keys of the current block. Their times are read once
    /// the block is mined, a few per block instead of one per line.
    private var extents: [(block: Int, first: Range<Int>, last: Range<Int>)] = []
    private var timed: [UInt32] = []
    /// Reads the lines of the blocks given whole to `consume(_:)`, and lines held across blocks.
    private var reader = LineReader()

    /// Mines the lines of the next block (and the end of the line the previous one left open).
    mutating func consume(_ block: UnsafeRawBufferPointer) {
        consume(block, BlockLines(block, newlines: BlockLines.newlines(in: block), continuesLine: continuesLine, reader: &reader))
    }

    /// Whether the next block continues a line (the last one did not end with a newline).
    var continuesLine: Bool { partialBlock >= 0 }

    /// `consume(_:)` with the block's lines already read (`continuesLine` as it is now).
    mutating func consume(_ block: UnsafeRawBufferPointer, _ read: BlockLines) {
        let bytes = block.bindMemory(to: UInt8.self)
        blockKeys.append(LineKeys(capacity: read.lines.count))
        blockLevels.append(LevelCounts())
        defer {
            stampTimes(bytes)
            sealFinishedBlocks()
        }
        if partialBlock >= 0 {
            guard let end = read.continuedEnd else { return hold(bytes[...]) }
            hold(bytes[..<end])
            finishPartial()
        }
        for line in read.lines {
            let key = add(UnsafeBufferPointer(rebasing: bytes[line.range]), line.key, toBlock: blockKeys.count - 1)
            note(key, line.range)
        }
        if read.rest < bytes.count { hold(bytes[read.rest...]) }
    }

    /// The patterns, and the packed pattern ids of each block's lines.
    mutating func finish() -> LogPatternTable {
        if partialBlock >= 0 { finishPartial() }
        let mined = miner.finish()
        let (keys, patternOfKey) = (blockKeys, mined.patternOfKey)
        let packed = PackedPatternIds.pack(blockCount: keys.count) { block in keys[block].map { patternOfKey[Int($0)] } }
        var firstLine = 0
        let blocks = zip(blockKeys, packed).map { keys, packed in
            defer { firstLine += keys.count }
            return PackedPatternIds.Block(firstLine: firstLine, lineCount: keys.count, packed: packed)
        }
        return LogPatternTable(patterns: mined.patterns, blocks: blocks, levels: blockLevels)
    }

    /// Seals the blocks that take no more lines: all that were read, but the one whose last
    /// line waits for its end (`partialBlock`) and those after it.
    private mutating func sealFinishedBlocks() {
        while sealedBlocks < blockKeys.count, sealedBlocks != partialBlock {
            blockKeys[sealedBlocks].seal(with: &deflater)
            sealedBlocks += 1
        }
    }

    @discardableResult
    private mutating func add(_ line: UnsafeBufferPointer<UInt8>, _ read: LineKey, toBlock block: Int) -> UInt32 {
        let key = miner.add(line, read, lineNumber: lines)
        blockKeys[block].append(key)
        blockLevels[block].add(read.level)
        lines += 1
        return key
    }

    /// Notes that a line of the current block (at `range`) has `key`.
    private mutating func note(_ key: UInt32, _ range: Range<Int>) {
        let index = Int(key), block = blockKeys.count - 1
        if index >= extents.count { extents += repeatElement((block: -1, first: 0..<0, last: 0..<0), count: index + 1 - extents.count) }
        if extents[index].block == block {
            extents[index].last = range
        } else {
            extents[index] = (block, range, range)
            timed.append(key)
        }
    }

    private mutating func stampTimes(_ bytes: UnsafeBufferPointer<UInt8>) {
        let time = { (range: Range<Int>) in LogTimestamp.seconds(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range]))) }
        for key in timed {
            let (first, last) = (extents[Int(key)].first, extents[Int(key)].last)
            let lastTime = time(last)
            miner.stamp(key, first: { first == last ? lastTime : time(first) }, last: lastTime)
        }
        timed.removeAll(keepingCapacity: true)
    }

    private mutating func hold(_ piece: Slice<UnsafeBufferPointer<UInt8>>) {
        if partialBlock < 0 { partialBlock = blockKeys.count - 1 }
        let room = Self.longestLine - partial.count
        partial.append(contentsOf: piece.prefix(max(0, room)))
    }

    private mutating func finishPartial() {
        let block = partialBlock
        partial.withUnsafeBufferPointer { line in
            let time = LogTimestamp.seconds(UnsafeRawBufferPointer(line))
            miner.stamp(add(line, reader.read(line), toBlock: block), first: time, last: time)
        }
        partial.removeAll(keepingCapacity: true)
        partialBlock = -1
    }
}

/// A log's patterns as an import stores them: the patterns, and per index block the packed
/// pattern id of each line that starts in it and the levels of those lines.
struct LogPatternTable: Sendable {
    var patterns: [LogPatternSummary]
    var blocks: [PackedPatternIds.Block]
    var levels: [LevelCounts]
}
