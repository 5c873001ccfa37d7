import Foundation
import TRCAAStore

/// How to import a log.
public struct LogImportOptions: Sendable {
    /// Largest text accepted (after gunzip), 1 GiB by default.
    public var maximumSize: Int64 = 1 << 30
    /// Import content with NUL bytes in its first 64 KiB.
    public var allowBinary = false
    /// Name to store (default: the file's name, or `stdin`).
    public var name: String?
    /// Deflate threads (default: one per core).
    public var compressionThreads = ProcessInfo.processInfo.activeProcessorCount
    /// Uncompressed bytes between flush points.
    public var blockSize = 1 << 20
    /// How the text is deflated.
    public var compression = LogCompression.fast

    public init(maximumSize: Int64 = 1 << 30, allowBinary: Bool = false, name: String? = nil) {
        self.maximumSize = maximumSize
        self.allowBinary = allowBinary
        self.name = name
    }
}

/// How a stored log's text is deflated; either way it is one gzip member any reader decodes.
public enum LogCompression: String, CaseIterable, Sendable {
    /// ISA-L's igzip at level 3: about 5x faster than zlib at level 6, ~15% larger.
    case fast
    /// zlib at level 6, as `gzip -6`.
    case small
}

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

/// A log after one pass: compressed blocks, index, PII spans packed per block, hash and size.
struct ProcessedLog {
    var blocks: [DeflateBlock]
    var indexer: LogIndexer
    /// The spans found, in runs cut between blocks.
    var spanRuns: [PackedSpanRun]
    /// Spans found, per type.
    var spanCounts: [PIIType: Int]
    var hash: String
    var size: Int64

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

/// One pass over a source in blocks: SHA-256, line and level index and the cutting of lines
/// for the PII scan on the calling thread; deflate at level 6 and the scan itself on a pool
/// (SPEC §6). Nothing is written: the result is stored afterwards, in one short transaction.
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
        var indexer = LogIndexer()
        let workers = BlockWorkers(threads: options.compressionThreads, compression: options.compression)
        var buffer = [UInt8](repeating: 0, count: options.blockSize)
        var filled = 0
        var total: Int64 = 0
        var finished = false

        while !finished {
            if shouldStop() { throw ImportError.interrupted }
            let got = try buffer.withUnsafeMutableBytes { try input.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            filled += got
            finished = got == 0
            guard filled == buffer.count || (finished && filled > 0) else { continue }
            // Cut the block after its last newline, so that most blocks start at a line.
            var cut = filled
            if !finished, let newline = buffer[(filled / 2)..<filled].lastIndex(of: 10) { cut = newline + 1 }
            let block = Array(buffer[0..<cut])
            if total < Self.binaryWindow, !options.allowBinary,
               let nul = block.prefix(Self.binaryWindow - Int(total)).firstIndex(of: 0) {
                throw ImportError.binary(name: input.name, offset: Int(total) + nul)
            }
            total += Int64(cut)
            if total > options.maximumSize {
                throw ImportError.tooLarge(name: input.name, size: total, limit: options.maximumSize)
            }
            block.withUnsafeBytes { bytes in
                hasher.update(bytes)
                indexer.consume(bytes)
            }
            workers.submit(deflating: block, scanning: scansPII ? scanner.take(block) : nil)
            buffer.withUnsafeMutableBytes { $0.baseAddress!.copyMemory(from: $0.baseAddress! + cut, byteCount: filled - cut) }  // Safe: allocated.
            filled -= cut
            progress?(input.sourceBytesRead, input.sourceSize)
        }
        if scansPII, let rest = scanner.takeRest() { workers.submit(deflating: nil, scanning: rest) }
        let results = workers.finish()
        var counts: [PIIType: Int] = [:]
        var runs = PackedSpanRunBuilder()
        for result in results {
            counts.merge(result.counts, uniquingKeysWith: +)
            if let spans = result.spans { runs.add(block: try spans.spans()) }
        }
        return ProcessedLog(blocks: results.compactMap(\.block), indexer: indexer, spanRuns: runs.finish(),
                            spanCounts: counts, hash: hasher.finishHex(), size: total)
    }
}

/// MIME types by extension, as the original assigned them.
enum MimeType {
    static func forLog(named name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "json": "application/json"
        case "xml": "application/xml"
        case "yaml", "yml": "application/yaml"
        case "md", "markdown": "text/markdown"
        case "csv", "tsv": "text/csv"
        case "html", "htm": "text/html"
        default: "text/plain"
        }
    }
}
