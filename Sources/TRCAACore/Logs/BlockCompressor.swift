import Dispatch
import Foundation

/// Deflates blocks on a small pool while the caller keeps reading, and hands them back in
/// order. Only a few uncompressed blocks wait at a time, so memory stays bounded by the
/// compressed output.
final class BlockCompressor: @unchecked Sendable {
    private let queue: DispatchQueue
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var results: [Int: DeflateBlock] = [:]
    private var next = 0
    private let level: Int32

    /// `threads` 1 compresses on one worker while the caller reads; 2 or more use that many.
    init(threads: Int, level: Int32 = 6) {
        queue = DispatchQueue(label: "trcaa.compress", attributes: threads > 1 ? .concurrent : [])
        slots = DispatchSemaphore(value: max(2, threads * 2))
        self.level = level
    }

    /// Queues a block (copied); blocks the caller while too many are waiting.
    func submit(_ block: [UInt8]) {
        slots.wait()
        let index = next
        next += 1
        let level = level
        queue.async(group: group) { [self] in
            let compressed = block.withUnsafeBytes { DeflateBlock.compress($0, level: level, isLast: false) }
            lock.withLock { results[index] = compressed }
            slots.signal()
        }
    }

    /// Every block in order, once all are done.
    func finish() -> [DeflateBlock] {
        group.wait()
        return lock.withLock { (0..<next).map { index in results[index]! } }  // Safe: every index was submitted.
    }
}
