import Logging
import TRCAAStore

extension Workspace {
    /// Connects to the store on `server` through the backend the program registered
    /// (`ServerBackends`) and migrates it; each migration runs under the store's write lock, so
    /// clients starting together apply it once.
    ///
    /// - throws: `StoreError.invalidLocation` when the program has no server backend; the
    ///   backend's errors (`.unreachable`, `.loginRefused`, `.busy`...).
    static func openServer(_ server: ServerURL, at location: StoreLocation, options: WorkspaceOptions,
                           environment: [String: String], logger: Logger) throws -> Workspace
    {
        guard let backend = ServerBackends.current else {
            throw StoreError.invalidLocation(server.redacted, reason: "this program was built without a database server backend")
        }
        logger.debug("connecting to server store", metadata: ["store.url": "\(server.redacted)"])
        let database = try backend.open(server, readOnly: false, environment: environment)
        let report = options.migrate ? try backend.migrator.migrate(database) : MigrationReport()
        if !report.applied.isEmpty {
            logger.info("applied migrations", metadata: ["store.migrations": "\(report.applied.joined(separator: ","))"])
        }
        return Workspace(location: location, keySource: .none, database: database, migrator: backend.migrator,
                         migrationReport: report, notices: [])
    }
}
