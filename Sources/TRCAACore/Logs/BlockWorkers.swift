import Dispatch
import Foundation
import TRCAAStore

/// The CPU-heavy half of the log pipeline on a small pool: each job deflates a block, scans
/// a segment of text for PII and reads the block's lines for mining, while the caller keeps
/// reading, hashing and indexing.
/// Results come back in submission order, as they are done (`takeDone`) and at the end. Only
/// a few jobs wait at a time, so memory stays bounded by the compressed output.
final class BlockWorkers: @unchecked Sendable {
    /// What one job produced.
    struct Result {
        var block: DeflateBlock?
        /// The segment's spans, packed (nil when it found none).
        var spans: PackedSpanRun?
        var counts: [PIIType: Int] = [:]
    }

    private let queue: DispatchQueue
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var results: [Int: Result] = [:]
    private var next = 0
    /// The first job whose result is not handed out yet.
    private var taken = 0
    /// The memory of jobs that finished, for the next ones.
    private let scratches = Recycler<Scratch>()
    private let compression: LogCompression

    /// `threads` 1 runs jobs on one worker while the caller reads; 2 or more use that many.
    init(threads: Int, compression: LogCompression) {
        queue = DispatchQueue(label: "trcaa.log-workers", attributes: threads > 1 ? .concurrent : [])
        slots = DispatchSemaphore(value: max(2, threads * 2))
        self.compression = compression
    }

    /// Queues a job: `block` to deflate and `segment` to scan, either may be absent, and `work`
    /// of the caller's to run on the same worker. Blocks the caller while too many are waiting.
    func submit(deflating block: SharedBytes?, scanning segment: PIIScanner.Segment?, also work: (@Sendable () -> Void)? = nil) {
        slots.wait()
        let index = next
        next += 1
        let compression = compression
        queue.async(group: group) { [self] in
            let scratch = scratches.take() ?? Scratch()
            var result = Result(block: block.map { block in
                block.withUnsafeBytes { DeflateBlock.compressLogBlock($0, compression, scratch: scratch.deflate) }
            })
            if let segment {
                var spans: [PackedSpan] = []
                PIIScanner.spans(in: segment, textBits: &scratch.textBits) { span, _ in
                    spans.append(PackedSpan(start: Int64(span.start), end: Int64(span.end), type: span.type.code))
                }
                if !spans.isEmpty {
                    result.spans = PackedSpanRun(spans)
                    result.counts = Self.counts(of: spans)
                }
            }
            scratches.give(scratch)
            work?()
            lock.withLock { results[index] = result }
            slots.signal()
        }
    }

    /// The memory one job works in, reused by the next: the deflate buffers and the PII scan's
    /// text bits.
    private final class Scratch: @unchecked Sendable {
        // Unchecked: one job at a time uses a scratch.
        let deflate = DeflateBlock.Scratch()
        var textBits: [UInt64] = []
    }

    /// Spans per type, counted by code (no dictionary update per span).
    private static func counts(of spans: [PackedSpan]) -> [PIIType: Int] {
        var perCode = [Int](repeating: 0, count: 256)
        for span in spans { perCode[Int(span.type)] += 1 }
        var counts: [PIIType: Int] = [:]
        for (code, count) in perCode.enumerated() where count > 0 {
            if let type = PIIType(code: UInt8(code)) { counts[type] = count }
        }
        return counts
    }

    /// The results of the jobs done so far, in submission order up to the first still running;
    /// each result is handed out once, so a log's results need not all wait for its end.
    func takeDone() -> [Result] {
        lock.withLock {
            var done: [Result] = []
            while let result = results.removeValue(forKey: taken) {
                done.append(result)
                taken += 1
            }
            return done
        }
    }

    /// The results not handed out yet, in order, once every job is done.
    func finish() -> [Result] {
        group.wait()
        return takeDone()
    }
}
