import Logging
import TRCAAStore

extension Workspace {
    /// Connects to the store on `server` through the backend the program registered
    /// (`ServerBackends`), migrates it and opens its content key with `TRCAA_DB_KEY`, which
    /// then seals the content written and opens the content read (`SealedColumn`). Each
    /// migration, and the creation of the content key by the first client, runs under the
    /// store's write lock, so clients starting together do each once.
    ///
    /// - throws: `StoreError.noServerKey` without a key in the environment; `.invalidLocation`
    ///   when the program has no server backend; the backend's errors (`.unreachable`,
    ///   `.loginRefused`, `.busy`...); `WorkspaceError` with `.wrongKey` when the key does not
    ///   open the store's content key.
    static func openServer(_ server: ServerURL, at location: StoreLocation, options: WorkspaceOptions,
                           environment: [String: String], logger: Logger) throws -> Workspace
    {
        let key = try KeyResolver(environment: environment).resolve(for: location)
        guard let backend = ServerBackends.current else {
            throw StoreError.invalidLocation(server.redacted, reason: "this program was built without a database server backend")
        }
        logger.debug("connecting to server store", metadata: ["store.url": "\(server.redacted)"])
        do {
            let database = try backend.open(server, environment: environment)
            let report = options.migrate ? try backend.migrator.migrate(database) : MigrationReport()
            if !report.applied.isEmpty {
                logger.info("applied migrations", metadata: ["store.migrations": "\(report.applied.joined(separator: ","))"])
            }
            let encryption = try options.migrate || database.schemaObjectExists("settings", type: .table)
                ? ContentEncryption.open(in: database, passphrase: key.passphrase, store: server.redacted) : nil
            database.contentSealer = encryption?.sealer
            return Workspace(location: location, keySource: key.source, database: database, migrator: backend.migrator,
                             migrationReport: report, contentEncryption: encryption, notices: key.notices)
        } catch let error as StoreError {
            throw WorkspaceError(error: error, keySource: key.source)
        }
    }
}
