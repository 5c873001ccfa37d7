import Foundation
import TestSupport
import Testing
import TRCAAPostgres
import TRCAAStore

/// The server tests' way to the cluster this test process shares (`PostgresTestCluster`).
enum TestCluster {
    /// The URL of `database` on the cluster (its Unix socket).
    static func url(_ database: String) throws -> ServerURL {
        try ServerURL(PostgresTestCluster.shared().url(database))
    }

    /// Runs `sql` on the maintenance database `postgres`.
    static func administer(_ sql: String) throws {
        try PostgresStoreConnection.open(url("postgres"), environment: [:]).execute(sql, [])
    }
}

/// A database of its own on the test cluster for one test (`ServerTestDatabase`: C collation,
/// dropped with any sessions left on it), with `schema` run in it over a first connection.
final class TestDatabase {
    private let database: ServerTestDatabase
    let url: ServerURL
    /// The services' face over a first connection.
    let db: Database

    init(schema: String = "") throws {
        database = try ServerTestDatabase()
        url = try ServerURL(database.url)
        db = try Database(connection: PostgresStoreConnection.open(url, environment: [:]), path: url.redacted)
        if !schema.isEmpty { try db.execute(schema) }
    }

    func connect(_ options: PostgresOpenOptions = PostgresOpenOptions()) throws -> PostgresStoreConnection {
        try PostgresStoreConnection.open(url, options: options, environment: [:])
    }

    /// The services' face over a new connection.
    func open(_ options: PostgresOpenOptions = PostgresOpenOptions()) throws -> Database {
        Database(connection: try connect(options), path: url.redacted)
    }
}
