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

/// A log after one pass: compressed blocks, index, PII counts, hash and size.
struct ProcessedLog {
    var blocks: [DeflateBlock]
    var indexer: LogIndexer
    /// Spans found, per type (the spans themselves went to the pipeline's consumer).
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

/// What the pass hands on after each block: the PII spans it completed, with the text each
/// covers, and how far the source has been read.
struct SpanBatch {
    var spans: [PIISpan] = []
    /// The covered bytes of the spans, one after the other.
    var values: [UInt8] = []
    var sourceBytesRead: Int64 = 0
    var sourceSize: Int64?

    /// Each span with its text.
    func forEach(_ body: (PIISpan, String) throws -> Void) rethrows {
        var valueStart = 0
        for span in spans {
            try body(span, String(decoding: values[valueStart..<(valueStart + span.length)], as: UTF8.self))
            valueStart += span.length
        }
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
    /// Batches the reading thread may run ahead of the consumer.
    private static let batchesAhead = 8

    /// Processes `input` on the calling thread; `spans` receives each block's spans.
    ///
    /// - throws: `ImportError.tooLarge`, `.binary`, `.interrupted`, the source's errors and
    ///   those of `spans`.
    func process(_ input: any LogSource, spans: (SpanBatch) throws -> Void = { _ in }) throws -> ProcessedLog {
        try pass(over: input) { batch in
            try spans(batch)
            progress?(batch.sourceBytesRead, batch.sourceSize)
            return true
        }
    }

    /// Reads, hashes, scans and compresses `input` on a thread of its own while the calling
    /// thread takes each block's spans (and reports progress): storing spans overlaps with
    /// reading and compressing. `input` must not be used elsewhere until this returns.
    ///
    /// - throws: as `process`; an error thrown by `spans` stops the reading thread.
    func processConcurrently(_ input: any LogSource, spans: (SpanBatch) throws -> Void) throws -> ProcessedLog {
        let channel = BoundedChannel<SpanBatch>(capacity: Self.batchesAhead)
        let producer = ProducerThread { [self] in
            defer { channel.close() }
            return try pass(over: input) { channel.send($0) }
        }
        do {
            while let batch = channel.receive() {
                try spans(batch)
                progress?(batch.sourceBytesRead, batch.sourceSize)
            }
        } catch {
            channel.cancel()
            _ = try? producer.join()
            throw error
        }
        return try producer.join()
    }

    /// The pass itself. `emit` gets a batch after each block; `false` stops the pass.
    private func pass(over input: any LogSource, emit: (SpanBatch) throws -> Bool) throws -> ProcessedLog {
        var hasher = SHA256()
        var scanner = PIIScanner()
        var indexer = LogIndexer()
        var counts: [PIIType: Int] = [:]
        let compressor = BlockCompressor(threads: options.compressionThreads)
        var buffer = [UInt8](repeating: 0, count: options.blockSize)
        var filled = 0
        var total: Int64 = 0
        var finished = false
        var batch = SpanBatch()
        let collect = { (span: PIISpan, value: UnsafeRawBufferPointer) in
            batch.spans.append(span)
            batch.values.append(contentsOf: value)
            counts[span.type, default: 0] += 1
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
                if scansPII { scanner.feed(bytes, collect) }
                indexer.consume(bytes)
            }
            compressor.submit(block)
            buffer.withUnsafeMutableBytes { $0.baseAddress!.copyMemory(from: $0.baseAddress! + cut, byteCount: filled - cut) }  // Safe: allocated.
            filled -= cut
            batch.sourceBytesRead = input.sourceBytesRead
            batch.sourceSize = input.sourceSize
            guard try emit(batch) else { throw ImportError.interrupted }
            batch = SpanBatch(sourceBytesRead: batch.sourceBytesRead, sourceSize: batch.sourceSize)
        }
        if scansPII {
            scanner.finish(collect)
            if !batch.spans.isEmpty, !(try emit(batch)) { throw ImportError.interrupted }
        }
        return ProcessedLog(blocks: compressor.finish(), indexer: indexer, spanCounts: counts, hash: hasher.finishHex(), size: total)
    }
}

/// Work on a thread of its own, joined for its result.
private final class ProducerThread<Result>: @unchecked Sendable {
    // Unchecked: `outcome` is written by the thread before `done` is signalled and read after.
    private var outcome: Swift.Result<Result, any Error>?
    private let work: () throws -> Result
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` at once.
    init(_ work: @escaping () throws -> Result) {
        self.work = work
        let thread = Thread { [self] in
            outcome = Swift.Result(catching: self.work)
            done.signal()
        }
        thread.name = "trcaa.log-pass"
        thread.start()
    }

    /// Waits for the work to end; its result or error.
    func join() throws -> Result {
        done.wait()
        return try outcome!.get()  // Safe: set before the signal.
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
