import Foundation

/// What a log's jobs reuse from one to the next: buffers, scratch memory, line readers; at
/// most `limit` wait. An item comes in by move, under the lock, so whoever takes it next holds
/// its only reference and writes to its arrays without copying them.
final class Recycler<Item>: @unchecked Sendable {
    // Unchecked: `items` is guarded by `lock`.
    private let lock = NSLock()
    private var items: [Item] = []
    private let limit: Int

    init(limit: Int = .max) { self.limit = limit }

    /// An item given back earlier, if one waits.
    func take() -> Item? { lock.withLock { items.popLast() } }

    /// Keeps `item` for a later `take`, unless `limit` items wait already.
    func give(_ item: consuming Item) {
        lock.lock()
        defer { lock.unlock() }
        if items.count < limit { items.append(consume item) }
    }

    /// Items waiting.
    var count: Int { lock.withLock { items.count } }
}
