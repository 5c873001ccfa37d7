import Foundation

/// A database of its own on this process's test cluster (`PostgresTestCluster`), for one
/// test's store; dropped, with any session still on it, when released.
public final class ServerTestDatabase: Sendable {
    public let name: String
    /// `postgres:///NAME?host=…&port=…&user=…`: its Unix socket.
    public let url: String

    public init() throws {
        let server = try PostgresTestCluster.shared()
        name = try server.createDatabase()
        url = server.url(name)
    }

    deinit { try? PostgresTestCluster.shared().dropDatabase(name) }
}
