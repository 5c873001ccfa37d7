import TestSupport
import TRCAAPostgres
import TRCAAStore

/// A fresh database on this process's test cluster, dropped with this value, with the
/// PostgreSQL migrations applied through psql the way `Migrator` applies them.
final class PostgresSchemaDatabase {
    let server: PostgresTestServer
    private let database: ServerTestDatabase
    var name: String { database.name }

    init() throws {
        server = try PostgresTestCluster.shared()
        database = try ServerTestDatabase()
    }

    /// Runs `script` in one transaction; what it printed, without the last newline.
    @discardableResult
    func psql(_ script: String) throws -> String {
        var output = try server.psql(name, script)
        if output.hasSuffix("\n") { output.removeLast() }
        return output
    }

    /// `Migrator.migrate` in psql: `_migrations` made when missing, then each migration not
    /// recorded there applied in a transaction of its own together with its row.
    /// - returns: the names of the migrations applied.
    @discardableResult
    func migrate(_ migrations: [Migration] = PostgresMigrations.migrator.migrations) throws -> [String] {
        try psql(PostgresMigrations.migrator.trackingTable)
        var applied: [String] = []
        for migration in migrations {
            guard try psql("SELECT count(*) FROM _migrations WHERE name = '\(migration.name)'") == "0" else { continue }
            try psql((migration.script ?? "") + "\nINSERT INTO _migrations (name) VALUES ('\(migration.name)');")
            applied.append(migration.name)
        }
        return applied
    }

    /// The rows of `_migrations`, one `id|name|applied_at` line each, in order.
    func migrationRows() throws -> [String] {
        try psql("SELECT id, name, applied_at FROM _migrations ORDER BY id").split(separator: "\n").map(String.init)
    }

    func schemaDump() throws -> String { try server.schemaDump(name) }
}
