import Dispatch
import Foundation

/// `BlockPatternMining` during an import: each block's lines are read (`BlockLines`) by the
/// job `job(for:)` hands out, which the import runs on its block workers in parallel; the
/// lines are then added on a thread of their own, block after block in the order they were
/// handed out, at most a few blocks waiting at a time. Block boundaries and order, not the
/// number of workers, decide the result.
final class BackgroundPatternMining: @unchecked Sendable {
    private var mining = BlockPatternMining()
    private let queue = DispatchQueue(label: "trcaa.pattern-mining")
    /// Blocks handed out and not added yet, at most.
    private static let blocksInFlight = 4
    private let slots = DispatchSemaphore(value: blocksInFlight)
    private var handedOut = 0
    private var continuesLine = false
    /// Read blocks that wait for an earlier one, by their place in the log (on `queue`).
    private var waiting: [Int: (block: SharedBytes, lines: BlockLines)] = [:]
    private var nextToAdd = 0
    /// Line readers of jobs that finished, for the next ones: a reader keeps the shapes of the
    /// lines it read for the blocks it reads next, and its tables are allocated once, not for
    /// every block.
    private let readers = Recycler<LineReader>()
    /// The `lines` of blocks already added, for the next blocks'.
    private let spareLines = Recycler<[BlockLines.Line]>(limit: blocksInFlight)

    /// The work of mining `block`, the next block of the log, whose newlines are at `newlines`:
    /// to be run once, on any thread. Blocks the caller while too many blocks are waiting.
    func job(for block: SharedBytes, newlines: [UInt32]) -> @Sendable () -> Void {
        slots.wait()
        let (place, continuesLine) = (handedOut, continuesLine)
        handedOut += 1
        self.continuesLine = block.last != 10
        return { [self] in
            var reader = readers.take() ?? LineReader()
            let lines = block.withUnsafeBytes {
                BlockLines($0, newlines: newlines, continuesLine: continuesLine, reader: &reader, reusing: spareLines.take() ?? [])
            }
            readers.give(consume reader)
            queue.async { [self] in
                waiting[place] = (block, lines)
                while var entry = waiting.removeValue(forKey: nextToAdd) {
                    entry.block.withUnsafeBytes { mining.consume($0, entry.lines) }
                    var spare: [BlockLines.Line] = []
                    swap(&spare, &entry.lines.lines)
                    spareLines.give(consume spare)
                    nextToAdd += 1
                    slots.signal()
                }
            }
        }
    }

    /// The patterns, once every job has run.
    func finish() -> LogPatternTable { queue.sync { mining.finish() } }
}
