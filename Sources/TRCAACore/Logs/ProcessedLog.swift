import TRCAAStore

/// A log after one pass: compressed blocks, index, packed PII spans, patterns, hash and size.
struct ProcessedLog: Sendable {
    var blocks: [DeflateBlock]
    var indexer: LogIndexer
    /// The spans found, in runs cut between blocks.
    var spanRuns: [StoredSpanRun]
    /// Spans found, per type.
    var spanCounts: [PIIType: Int]
    var hash: String
    var size: Int64
    /// Message patterns and each block's line patterns.
    var patterns: LogPatternTable

    var spanCount: Int { spanCounts.values.reduce(0, +) }

    /// The gzip member: header, the blocks, an empty final block and the trailer; and where
    /// each block starts in it.
    func gzipLayout() -> (pieces: [[UInt8]], blockOffsets: [Int], size: Int) {
        let final = [UInt8]().withUnsafeBytes { DeflateBlock.compress($0, level: 6, isLast: true) }
        var crc: UInt32 = 0
        for block in blocks { crc = GzipFormat.combine(crc, block.crc, secondLength: block.uncompressedCount) }
        var pieces = [GzipFormat.header]
        var offsets: [Int] = []
        var size = GzipFormat.header.count
        for block in blocks {
            offsets.append(size)
            pieces.append(block.bytes)
            size += block.bytes.count
        }
        pieces += [final.bytes, GzipFormat.trailer(crc: crc, size: self.size)]
        return (pieces, offsets, size + final.bytes.count + 8)
    }
}
