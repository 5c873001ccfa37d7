import Foundation

/// Messages posted from the effect queue to the UI thread; posting wakes the event loop.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Msg] = []
    private let wakePipe: WakePipe

    init(wakePipe: WakePipe) { self.wakePipe = wakePipe }

    func post(_ new: [Msg]) {
        guard !new.isEmpty else { return }
        lock.withLock { messages += new }
        wakePipe.wake()
    }

    func takeAll() -> [Msg] {
        lock.withLock {
            defer { messages.removeAll() }
            return messages
        }
    }
}
