import Dispatch
import Logging
import NIOCore
import NIOPosix

/// The event loop every PostgreSQL connection of the process runs on, and the synchronous
/// wait the store's callers need (they run on the CLI's main thread and the TUI's effect
/// threads, never on this loop).
enum PostgresEventLoop {
    /// One thread is enough: a process has one store connection, plus one that listens.
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// postgres-nio logs through swift-log; trcaa reports failures itself.
    static let logger = Logger(label: "trcaa.postgres") { _ in SwiftLogNoOpLogHandler() }

    /// The result of `future`, waited for on the calling thread; calls `notice` on this thread
    /// once the wait has lasted `noticeAfter` seconds.
    ///
    /// - throws: `future`'s error, or `SessionEnded` when `isClosed` has said so twice in a row
    ///   while `future` was still pending: postgres-nio never answers a query written to a
    ///   connection as it closes.
    static func wait<T: Sendable>(_ future: EventLoopFuture<T>, noticeAfter: Double? = nil, notice: (() -> Void)? = nil,
                                  isClosed: () -> Bool) throws -> T
    {
        let done = DispatchSemaphore(value: 0)
        future.whenComplete { _ in done.signal() }
        let slice = 0.1
        var waited = 0.0, closedBefore = false, noticed = false
        while done.wait(timeout: .now() + slice) == .timedOut {
            waited += slice
            if let noticeAfter, let notice, !noticed, waited >= noticeAfter {
                noticed = true
                notice()
            }
            let closed = isClosed()
            if closed, closedBefore { throw SessionEnded() }
            closedBefore = closed
        }
        return try future.wait()
    }

    /// The session closed while a statement waited for its answer.
    struct SessionEnded: Error, CustomStringConvertible {
        var description: String { "the server ended the session" }
    }
}
