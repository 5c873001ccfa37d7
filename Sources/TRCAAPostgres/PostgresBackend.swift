import TRCAAStore

/// The PostgreSQL store as a `ServerBackend`: what `trcaa` registers at start so that
/// `--db postgres://…` opens a store on a server.
public struct PostgresBackend: ServerBackend {
    public init() {}

    public func open(_ url: ServerURL, environment: [String: String]) throws -> Database {
        Database(connection: try PostgresStoreConnection.open(url, environment: environment), path: url.redacted)
    }

    public var migrator: Migrator { PostgresMigrations.migrator }
}
