import Foundation
import TRCAAStore

/// The pseudonym number of every PII span of a stored log (`RedactionTokens.numbered`).
///
/// Numbers go by first appearance over the whole log, so they cannot be known for a line
/// without the values of every span before it. The map is therefore made once per log, in one
/// pass over its text (the values are read at the spans' offsets, a chunk at a time; the text
/// is never held whole), and kept in the store's `PseudonymCache`: the viewer, which shows
/// lines anywhere in the log, pays for the pass once, on its first numbered line. Memory is 12
/// bytes a span plus the distinct values.
struct PseudonymMap: Sendable {
    /// Span starts, ascending, and each span's number.
    private let starts: [Int64]
    private let numbers: [UInt32]

    /// Numbers `spans` (the log's, in text order) by the values `reader` reads at their offsets.
    init(spans: [PackedSpan], reader: LogReader) throws {
        guard !spans.isEmpty else {
            (starts, numbers) = ([], [])
            return
        }
        var numbering = PseudonymNumbering()
        var numbers: [UInt32] = []
        numbers.reserveCapacity(spans.count)
        var value: [UInt8] = []
        var position: Int64 = 0
        try reader.stream { chunk in
            let chunkEnd = position + Int64(chunk.count)
            while numbers.count < spans.count, spans[numbers.count].start < chunkEnd {
                let span = spans[numbers.count]
                value += chunk[Int(max(span.start, position) - position)..<Int(min(span.end, chunkEnd) - position)]
                guard span.end <= chunkEnd else { break }  // The value goes on in the next chunk.
                numbers.append(numbering.number(of: value, type: span.type))
                value.removeAll(keepingCapacity: true)
            }
            position = chunkEnd
        }
        starts = spans.prefix(numbers.count).map(\.start)
        self.numbers = numbers
    }

    /// The number of the span that starts at `start`, 0 for none.
    func number(at start: Int64) -> UInt32 {
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < start { low = middle + 1 } else { high = middle }
        }
        return low < starts.count && starts[low] == start ? numbers[low] : 0
    }
}

/// The pseudonym maps of an open store's logs, made on first use. A map stays valid while its
/// log's text and spans are as they were (its `version`: the content hash and the number of
/// spans, which only a dismissal or a purge changes); the few most recently used are kept.
public final class PseudonymCache: @unchecked Sendable {
    /// Maps kept at once (a 100 MB log with a million spans takes ~12 MB).
    static let capacity = 4

    private let lock = NSLock()
    private var entries: [(logId: String, version: String, map: PseudonymMap)] = []

    public init() {}

    /// The map of `logId` at `version`, made by `make` when none is kept (outside the lock: a
    /// slow pass never blocks another log's lookup).
    func map(logId: String, version: String, make: () throws -> PseudonymMap) throws -> PseudonymMap {
        if let map = lock.withLock({ entries.first { $0.logId == logId && $0.version == version }?.map }) { return map }
        let map = try make()
        lock.withLock {
            entries.removeAll { $0.logId == logId }
            entries.append((logId, version, map))
            if entries.count > Self.capacity { entries.removeFirst() }
        }
        return map
    }
}
