import TRCAAStore

/// The PostgreSQL store as a `ServerBackend`: what `trcaa` registers at start so that
/// `--db postgres://…` opens a store on a server.
public struct PostgresBackend: ServerBackend {
    public init() {}

    public func open(_ url: ServerURL, readOnly: Bool, environment: [String: String]) throws -> Database {
        var options = PostgresOpenOptions()
        options.readOnly = readOnly
        return Database(connection: try PostgresStoreConnection.open(url, options: options, environment: environment),
                        path: url.redacted)
    }

    public var migrator: Migrator { PostgresMigrations.migrator }
}
