import Foundation

/// A queue between one producer thread and one consumer thread that holds at most
/// `capacity` elements: the producer waits when it is full, so memory stays bounded by
/// what the consumer has not taken yet.
final class BoundedChannel<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var elements: [Element] = []
    private let capacity: Int
    private var closed = false
    private var cancelled = false

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Queues `element`, waiting while the channel is full; `false` once the consumer has
    /// cancelled (the element is dropped and the producer should stop).
    func send(_ element: Element) -> Bool {
        condition.withLock {
            while elements.count >= capacity, !cancelled { condition.wait() }
            guard !cancelled else { return false }
            elements.append(element)
            condition.broadcast()
            return true
        }
    }

    /// The producer is done: `receive` returns `nil` once the queue is empty.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// The consumer gives up: waiting and later sends return `false`, queued elements are dropped.
    func cancel() {
        condition.withLock {
            cancelled = true
            elements.removeAll()
            condition.broadcast()
        }
    }

    /// The next element, waiting for one; `nil` when the producer closed the channel and
    /// everything sent was received.
    func receive() -> Element? {
        condition.withLock {
            while elements.isEmpty, !closed { condition.wait() }
            guard !elements.isEmpty else { return nil }
            condition.broadcast()
            return elements.removeFirst()
        }
    }
}
