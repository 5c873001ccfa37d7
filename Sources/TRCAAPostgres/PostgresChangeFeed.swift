import PostgresNIO
import Synchronization

/// Counts the changes other clients commit to the store, as the server tells them: every
/// transaction that changed rows sends one notification on `channel` when it commits
/// (`PostgresStoreConnection.commit`), and each session of a connection listens on it.
/// Notifications from the listening session itself are not counted, so a connection's own
/// commits leave the count alone, as SQLite's `data_version` does.
final class PostgresChangeFeed: Sendable {
    /// The LISTEN/NOTIFY channel of a store (each database has its own channels).
    static let channel = "trcaa_changes"

    private let count = Atomic<Int64>(0)
    /// The listening session's `pg_backend_pid()`; 0 until `identify` (no server process has it).
    private let ownBackend = Atomic<Int32>(0)

    /// Listens on a new session. The LISTEN is queued at once, so it is in effect when the
    /// session's next query answers: a commit made after that is never missed. What others
    /// committed while the connection had no session is not known: it counts as one change.
    func listen(on connection: PostgresConnection) {
        ownBackend.store(0, ordering: .relaxed)
        count.add(1, ordering: .relaxed)
        connection.addListener(channel: Self.channel) { [self] _, notification in
            if notification.backendPID != ownBackend.load(ordering: .relaxed) { count.add(1, ordering: .relaxed) }
        }
    }

    /// Names the listening session (`pg_backend_pid()`), whose own commits are not counted.
    func identify(ownBackend pid: Int32) { ownBackend.store(pid, ordering: .relaxed) }

    /// Changes committed by others (and sessions begun) since the connection opened.
    var changes: Int64 { count.load(ordering: .relaxed) }
}
