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
    static func wait<T: Sendable>(_ future: EventLoopFuture<T>, noticeAfter: Double? = nil, notice: (() -> Void)? = nil)
        throws -> T
    {
        if let noticeAfter, let notice {
            let done = DispatchSemaphore(value: 0)
            future.whenComplete { _ in done.signal() }
            if done.wait(timeout: .now() + noticeAfter) == .timedOut { notice() }
        }
        return try future.wait()
    }
}
