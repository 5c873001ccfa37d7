import TRCAAStore

/// Text read block by block: a file or stdin, or a stored log being rewritten.
protocol LogSource: AnyObject {
    var name: String { get }
    /// Source bytes read so far and the total when known (for progress).
    var sourceBytesRead: Int64 { get }
    var sourceSize: Int64? { get }
    /// Reads up to `buffer.count` bytes; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension LogInput: LogSource {}

/// One pass over a source in blocks: SHA-256, line index and the cutting of lines for the PII
/// scan on the calling thread; deflate, the scan itself and the per-line half of mining
/// message patterns (which also reads each line's level for the index) on a pool, their
/// grouping on a thread of its own (SPEC §6). Nothing is written: the result is stored
/// afterwards, in one short transaction.
struct LogPipeline {
    let options: LogImportOptions
    var scansPII = true
    /// Called after each block with the source bytes read and the total when known.
    var progress: ((Int64, Int64?) -> Void)?
    var shouldStop: () -> Bool = { false }

    private static let binaryWindow = 64 * 1024

    /// Reads, hashes and indexes `input` on the calling thread while a pool deflates and scans.
    ///
    /// - throws: `ImportError.tooLarge`, `.binary`, `.interrupted`, and the source's errors.
    func process(_ input: any LogSource) throws -> ProcessedLog {
        var hasher = SHA256()
        var scanner = PIIScanner()
        let mining = options.minesPatterns ? BackgroundPatternMining() : nil
        var indexer = LogIndexer(classifiesLines: mining == nil)
        let workers = BlockWorkers(threads: options.compressionThreads, compression: options.compression)
        let pool = BlockPool(size: options.blockSize)
        var buffer = pool.take()
        var filled = 0
        var total: Int64 = 0
        var finished = false
        // Results are taken as they are done: each block's spans join the log's runs then, and
        // are not all held twice at the end.
        var blocks: [DeflateBlock] = []
        var counts: [PIIType: Int] = [:]
        var runs = PackedSpanRunBuilder()
        func collect(_ results: [BlockWorkers.Result]) throws {
            for result in results {
                if let block = result.block { blocks.append(block) }
                counts.merge(result.counts, uniquingKeysWith: +)
                if let spans = result.spans { runs.add(block: try spans.spans()) }
            }
        }

        while !finished {
            if shouldStop() { throw ImportError.interrupted }
            let got = try buffer.withUnsafeMutableBytes { try input.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            filled += got
            finished = got == 0
            guard filled == buffer.count || (finished && filled > 0) else { continue }
            // Cut the block after its last newline, so that most blocks start at a line.
            var cut = filled
            if !finished, let newline = buffer[(filled / 2)..<filled].lastIndex(of: 10) { cut = newline + 1 }
            if total < Self.binaryWindow, !options.allowBinary,
               let nul = buffer[..<min(cut, Self.binaryWindow - Int(total))].firstIndex(of: 0) {
                throw ImportError.binary(name: input.name, offset: Int(total) + nul)
            }
            total += Int64(cut)
            if total > options.maximumSize {
                throw ImportError.tooLarge(name: input.name, size: total, limit: options.maximumSize)
            }
            // The line cut short moves to the start of the next buffer; this one becomes the block.
            var next = finished ? [] : pool.take()
            if cut < filled {
                next.withUnsafeMutableBytes { next in
                    buffer.withUnsafeBytes { next.baseAddress!.copyMemory(from: $0.baseAddress! + cut, byteCount: filled - cut) }  // Safe: allocated.
                }
            }
            let block = pool.share(buffer, count: cut)
            buffer = next
            filled -= cut
            var newlines: [UInt32] = []
            block.withUnsafeBytes { bytes in
                hasher.update(bytes)
                indexer.consume(bytes, newlines: &newlines)
            }
            workers.submit(deflating: block, scanning: scansPII ? scanner.take(block) : nil,
                           also: mining?.job(for: block, newlines: newlines))
            try collect(workers.takeDone())
            progress?(input.sourceBytesRead, input.sourceSize)
        }
        if scansPII, let rest = scanner.takeRest() { workers.submit(deflating: nil, scanning: rest) }
        try collect(workers.finish())
        let patterns = mining?.finish() ?? LogPatternTable(patterns: [], blocks: [], levels: [])
        if mining != nil { indexer.takeLevels(patterns.levels) }
        return ProcessedLog(blocks: blocks, indexer: indexer, spanRuns: runs.finish(),
                            spanCounts: counts, hash: hasher.finishHex(), size: total,
                            patterns: patterns)
    }
}
