import TRCAAStore

/// What `trcaa db info` says of the server session behind a store: never the password.
public struct PostgresServerInfo: Sendable, Encodable, Equatable {
    /// `SHOW server_version`.
    public var serverVersion: String
    /// The database and the role this session logged in as.
    public var database: String
    public var role: String
    /// The TLS protocol and cipher of the session, `nil` when it runs without TLS.
    public var tlsProtocol: String?
    public var tlsCipher: String?

    /// Asks the server about the session of `db`.
    public static func read(from db: Database) throws -> PostgresServerInfo {
        let sql = """
            SELECT current_setting('server_version') AS version, current_database() AS db, current_user AS role,
                   s.version AS protocol, s.cipher AS cipher
            FROM (SELECT pg_backend_pid() AS pid) AS me LEFT JOIN pg_stat_ssl s ON s.pid = me.pid AND s.ssl
            """
        guard let row = try db.row(sql) else { throw StoreError.damaged("the server described no session") }
        return PostgresServerInfo(serverVersion: try row.decode("version"), database: try row.decode("db"),
                                  role: try row.decode("role"), tlsProtocol: try row.decode("protocol"),
                                  tlsCipher: try row.decode("cipher"))
    }
}
