import Dispatch

/// `BlockPatternMining` on a thread of its own, so that an import's reading thread only
/// hands blocks over: blocks are mined in order, at most a few waiting at a time.
final class BackgroundPatternMining: @unchecked Sendable {
    private var mining = BlockPatternMining()
    private let queue = DispatchQueue(label: "trcaa.pattern-mining")
    private let slots = DispatchSemaphore(value: 4)

    /// Queues the next block; blocks the caller while too many are waiting.
    func submit(_ block: [UInt8]) {
        slots.wait()
        queue.async { [self] in
            block.withUnsafeBytes { mining.consume($0) }
            slots.signal()
        }
    }

    /// The patterns, once every block is mined.
    func finish() -> LogPatternTable { queue.sync { mining.finish() } }
}
