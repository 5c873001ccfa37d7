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

    /// Listens on a new session, `ownBackend` (`pg_backend_pid()`). What others committed
    /// while the connection had no session is not known: it counts as one change.
    func listen(on connection: PostgresConnection, ownBackend: Int32) {
        count.add(1, ordering: .relaxed)
        connection.addListener(channel: Self.channel) { [self] _, notification in
            if notification.backendPID != ownBackend { count.add(1, ordering: .relaxed) }
        }
    }

    /// Changes committed by others (and sessions begun) since the connection opened.
    var changes: Int64 { count.load(ordering: .relaxed) }
}
