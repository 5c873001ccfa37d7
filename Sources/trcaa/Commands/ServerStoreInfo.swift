import TRCAACore
import TRCAAPostgres
import TRCAAStore

/// What `trcaa db info` reports of a store on a server: where it is, the session, how the
/// content is encrypted, the migrations. Never the password or the key.
struct ServerStoreInfo: Encodable {
    let kind = "postgresql"
    /// The store's URL without the password.
    let location: String
    let server: PostgresServerInfo
    /// The host (or the socket directory) and port.
    let host: String
    let port: Int
    /// `unix-socket`, `tls` or `tcp` (without TLS: allowed on loopback only).
    let transport: String
    let contentEncryption: ContentEncryptionInfo?
    let appliedMigrations: [AppliedMigration]
    let pendingMigrations: [String]
    let unknownMigrations: [String]

    /// How the store seals content: AES-256-GCM under a key wrapped with the KDF.
    struct ContentEncryptionInfo: Encodable {
        let cipher = "AES-256-GCM"
        let kdfAlgorithm = "PBKDF2_HMAC_SHA512"
        let kdfIterations: Int
    }

    init(_ workspace: Workspace, server url: ServerURL) throws {
        location = url.redacted
        server = try PostgresServerInfo.read(from: workspace.database)
        switch url.endpoint {
        case .tcp(let host, let port): (self.host, self.port, transport) = (host, port, server.tlsProtocol == nil ? "tcp" : "tls")
        case .socket(let directory, let port): (host, self.port, transport) = (directory, port, "unix-socket")
        }
        contentEncryption = workspace.contentEncryption.map { ContentEncryptionInfo(kdfIterations: $0.wrapped.iterations) }
        appliedMigrations = try workspace.migrator.appliedMigrations(in: workspace.database)
        pendingMigrations = try workspace.migrator.pendingMigrations(in: workspace.database)
        let known = Set(workspace.migrator.migrations.map(\.name))
        unknownMigrations = appliedMigrations.map(\.name).filter { !known.contains($0) }
    }

    func rendered(keySource: KeySource) -> String {
        let connection = switch transport {
        case "unix-socket": "Unix socket \(host)/.s.PGSQL.\(port)"
        case "tls": "TLS to \(host):\(port) (\(server.tlsProtocol ?? ""), \(server.tlsCipher ?? ""))"
        default: "TCP to \(host):\(port) without TLS (loopback)"
        }
        let encryption = contentEncryption.map {
            "\($0.cipher) per value; key wrapped with \($0.kdfAlgorithm), \(grouped(Int64($0.kdfIterations))) iterations"
        } ?? "none (not opened)"
        let rows = [
            ("Store", "PostgreSQL server"),
            ("Location", location),
            ("Server", "PostgreSQL \(server.serverVersion)"),
            ("Connection", connection),
            ("Database", server.database),
            ("Role", server.role),
            ("Key source", keySource.description),
            ("Content", encryption),
        ]
        return infoTable(rows + migrationRows(applied: appliedMigrations, pending: pendingMigrations, unknown: unknownMigrations))
    }
}
