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

    public init(maximumSize: Int64 = 1 << 30, allowBinary: Bool = false, name: String? = nil) {
        self.maximumSize = maximumSize
        self.allowBinary = allowBinary
        self.name = name
    }
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

/// A log after one pass: compressed blocks, index, PII findings, hash and size.
struct ProcessedLog {
    var blocks: [DeflateBlock]
    var indexer: LogIndexer
    /// PII spans, sorted by start; their text is read back from `blocks` when stored.
    var spans: FoundSpans
    var hash: String
    var size: Int64

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

/// One pass over a source in blocks: SHA-256, PII scan (optional), line and level index,
/// and deflate at level 6 on a pool of threads (SPEC §6).
struct LogPipeline {
    let options: LogImportOptions
    var scansPII = true
    var progress: ((Int64, Int64?) -> Void)?
    var shouldStop: () -> Bool = { false }

    private static let binaryWindow = 64 * 1024

    /// - throws: `ImportError.tooLarge`, `.binary`, `.interrupted`, and the source's errors.
    func process(_ input: any LogSource) throws -> ProcessedLog {
        var hasher = SHA256()
        var scanner = PIIScanner()
        var indexer = LogIndexer()
        var spans = FoundSpans()
        let compressor = BlockCompressor(threads: options.compressionThreads)
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
                if scansPII { spans.append(scanner.feed(bytes)) }
                indexer.consume(bytes)
            }
            compressor.submit(block)
            buffer.withUnsafeMutableBytes { $0.baseAddress!.copyMemory(from: $0.baseAddress! + cut, byteCount: filled - cut) }  // Safe: allocated.
            filled -= cut
            progress?(input.sourceBytesRead, input.sourceSize)
        }
        if scansPII { spans.append(scanner.finish()) }
        return ProcessedLog(blocks: compressor.finish(), indexer: indexer, spans: spans, hash: hasher.finishHex(), size: total)
    }
}

/// Writes a processed log into its `log_files` row: the compressed BLOB (in pieces, into a
/// `zeroblob` of its final size), the block index and the totals, replacing what was there.
/// Runs inside the caller's transaction.
enum LogContentWriter {
    static func write(_ processed: ProcessedLog, logId: String, wasCompressed: Bool, in db: Database) throws {
        let layout = processed.gzipLayout()
        try db.execute("UPDATE log_files SET content_compressed = zeroblob(?) WHERE id = ?",
                       [.integer(Int64(layout.size)), .text(logId)])
        let rowid: Int64 = try db.cachedStatement("SELECT rowid FROM log_files WHERE id = ?").firstRow([.text(logId)])!  // Safe: just updated.
            .decode(at: 0)
        let blob = try db.openBlob(table: "log_files", column: "content_compressed", rowid: rowid, writable: true)
        var offset = 0
        for piece in layout.pieces {
            try piece.withUnsafeBytes { try blob.write($0, at: offset) }
            offset += piece.count
        }
        try db.execute("DELETE FROM log_blocks WHERE log_file_id = ?", [.text(logId)])
        try db.execute("DELETE FROM log_stats WHERE log_file_id = ?", [.text(logId)])
        let insert = try db.cachedStatement("""
            INSERT INTO log_blocks (log_file_id, block, uncompressed_offset, compressed_offset, first_line, continues_line,
                                    error_count, warning_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let indexer = processed.indexer
        for (index, block) in indexer.blocks.enumerated() {
            try insert.run([.text(logId), .integer(Int64(index)), .integer(Int64(block.uncompressedOffset)),
                            .integer(Int64(layout.blockOffsets[index])), .integer(Int64(block.firstLine)),
                            .integer(block.continuesLine ? 1 : 0), .integer(Int64(block.errorCount)),
                            .integer(Int64(block.warningCount))])
        }
        var counts: [PIIType: Int] = [:]
        for span in processed.spans { counts[span.type, default: 0] += 1 }
        let countsJSON = JSONText.object(PIIType.allCases.compactMap { type in
            counts[type].map { (type.rawValue, JSONText.int(Int64($0))) }
        }).rendered
        try db.execute("""
            INSERT INTO log_stats (log_file_id, line_count, compressed_size, block_count, error_count, warning_count,
                                   source_compressed, pii_counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(logId), .integer(Int64(indexer.lineCount)), .integer(Int64(layout.size)),
                  .integer(Int64(indexer.blocks.count)), .integer(Int64(indexer.errorCount)),
                  .integer(Int64(indexer.warningCount)), .integer(wasCompressed ? 1 : 0), .text(countsJSON)])
    }
}

/// The spans an import found, kept until the write in 8 bytes each (offset from the first
/// span of its piece, length, type), one exactly-sized piece per block: a log full of
/// addresses has millions of them. A piece with a span too long or too far for that is kept
/// as it came.
struct FoundSpans: Sequence {
    private struct Compact {
        var offset: UInt32
        var length: UInt16
        var type: UInt8
    }

    private enum Piece {
        case compact(base: Int, [Compact])
        case wide([PIISpan])
    }

    private var pieces: [Piece] = []
    private(set) var count = 0

    mutating func append(_ spans: [PIISpan]) {
        guard let base = spans.first?.start else { return }
        count += spans.count
        guard spans.allSatisfy({ $0.length <= Int(UInt16.max) && $0.start - base <= Int(UInt32.max) }) else {
            return pieces.append(.wide(spans))
        }
        pieces.append(.compact(base: base, spans.map { span in
            Compact(offset: UInt32(span.start - base), length: UInt16(span.length),
                    type: UInt8(PIIType.allCases.firstIndex(of: span.type)!))  // Safe: every type is a case.
        }))
    }

    func makeIterator() -> some IteratorProtocol<PIISpan> {
        pieces.lazy.flatMap { piece -> [PIISpan] in
            switch piece {
            case .wide(let spans): return spans
            case .compact(let base, let spans):
                return spans.map { compact in
                    let start = base + Int(compact.offset)
                    return PIISpan(type: PIIType.allCases[Int(compact.type)], start: start, end: start + Int(compact.length))
                }
            }
        }.makeIterator()
    }
}

/// Stored PII spans (`pii_spans`).
enum SpanStore {
    /// Inserts the spans of a processed log, with the text each covers (`original_value`),
    /// read back by inflating its blocks one after the other: the import keeps only the
    /// compressed text and the bare spans in memory.
    static func insert(_ processed: ProcessedLog, logId: String, in db: Database) throws {
        var spans = processed.spans.makeIterator()
        guard var span = spans.next() else { return }
        let insert = try db.cachedStatement("""
            INSERT INTO pii_spans (id, log_file_id, pii_type, start_offset, end_offset, original_value, replacement)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        // Text from `windowStart` on: the current block and what an unfinished span needs before it.
        var window: [UInt8] = []
        var windowStart = 0
        for block in processed.blocks {
            window += block.inflated()
            let windowEnd = windowStart + window.count
            while span.end <= windowEnd {
                let value = String(decoding: window[(span.start - windowStart)..<(span.end - windowStart)], as: UTF8.self)
                try insert.run([.text(UUIDv7.next()), .text(logId), .text(span.type.rawValue), .integer(Int64(span.start)),
                                .integer(Int64(span.end)), .text(value), .text(span.type.token)])
                guard let following = spans.next() else { return }
                span = following
            }
            let keep = min(span.start, windowEnd)
            window.removeFirst(keep - windowStart)
            windowStart = keep
        }
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
