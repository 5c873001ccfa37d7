import Glibc
import NIOCore
import PostgresNIO
import TRCAAStore

/// How to open a store on a server.
public struct PostgresOpenOptions: Sendable {
    /// How long a write waits for another's write lock before failing as `.busy`.
    public var lockTimeoutMilliseconds = 5000
    public var connectTimeoutSeconds: Int64 = 10
    /// Every transaction read-only (the server refuses writes).
    public var readOnly = false
    /// Applies the TLS rules for remote servers to loopback addresses too (for tests).
    public var treatLoopbackAsRemote = false

    public init() {}
}

extension PostgresStoreConnection {
    /// Connects to the store at `url` and checks that the database can hold one (PostgreSQL
    /// 15 or newer, text compared byte by byte). The user is the URL's, else `PGUSER`, else
    /// the login name; the password the URL's, else `PGPASSWORD`.
    ///
    /// - throws: `StoreError.invalidLocation` (TLS policy), `.unreachable`, `.loginRefused`,
    ///   `.unsuitableDatabase`.
    public static func open(_ url: ServerURL, options: PostgresOpenOptions = PostgresOpenOptions(),
                            environment: [String: String]) throws -> PostgresStoreConnection
    {
        let user = url.user ?? environment["PGUSER"] ?? loginName()
        let password = url.password ?? environment["PGPASSWORD"]
        var configuration: PostgresConnection.Configuration
        switch url.endpoint {
        case .tcp(let host, let port):
            let tls = try TLSPolicy.tls(for: url, treatingLoopbackAsRemote: options.treatLoopbackAsRemote)
            configuration = .init(host: host, port: port, username: user, password: password, database: url.database, tls: tls)
        case .socket(let directory, let port):
            configuration = .init(unixSocketPath: "\(directory)/.s.PGSQL.\(port)", username: user, password: password,
                                  database: url.database)
        }
        configuration.options.connectTimeout = .seconds(options.connectTimeoutSeconds)
        configuration.options.additionalStartupParameters = [
            ("application_name", url.applicationName ?? "trcaa \(user)@\(hostName()) pid \(getpid())"),
            ("lock_timeout", "\(options.lockTimeoutMilliseconds)ms"),
            ("TimeZone", "UTC"),
            ("default_transaction_read_only", options.readOnly ? "on" : "off"),
        ]
        let store = PostgresStoreConnection(url: url, configuration: configuration, connection: try connect(configuration, url: url),
                                            isWritable: !options.readOnly)
        try store.beginSession()  // a throw releases (and so closes) the connection
        return store
    }

    /// A new session with the server.
    static func connect(_ configuration: PostgresConnection.Configuration, url: ServerURL) throws -> PostgresConnection {
        do {
            return try PostgresConnection.connect(on: PostgresEventLoop.group.next(), configuration: configuration, id: 0,
                                                  logger: PostgresEventLoop.logger).wait()
        } catch {
            throw StoreError(postgres: error, url: url, sql: nil)
        }
    }

    /// Refuses a server older than 15 and a database whose text does not sort byte by byte
    /// as SQLite's BINARY collation (ids' prefix ranges and the audit chain's order need it);
    /// returns the session's backend process id.
    func checkDatabase() throws -> Int32 {
        let sql = "SELECT datcollate, current_setting('server_version_num'), pg_backend_pid() "
            + "FROM pg_database WHERE datname = current_database()"
        let row = try run(sql, PostgresBindings()).rows.first?.makeRandomAccess()
        let collation = row.map { PostgresValues.value($0[0]) }
        let version = row.map { PostgresValues.value($0[1]) }
        if case .text(let number) = version, let number = Int(number), number < 150_000 {
            throw StoreError.unsuitableDatabase(server: url.redacted, reason: "the server runs PostgreSQL \(number / 10000); trcaa needs 15 or newer",
                                                remedy: "upgrade the server, or use another one")
        }
        guard case .text(let name) = collation, name == "C" || name == "POSIX" else {
            let found = if case .text(let name) = collation { name } else { "unknown" }
            throw StoreError.unsuitableDatabase(
                server: url.redacted, reason: "its collation is \(found), so text would not sort byte by byte as the store needs",
                remedy: StoreError.createDatabase(url))
        }
        guard case .integer(let backend) = row.map({ PostgresValues.value($0[2]) }) else {
            throw StoreError.server(ServerFailure(sqlState: "XX000", message: "the server gave no backend process id", sql: sql))
        }
        return Int32(truncatingIfNeeded: backend)
    }

    private static func loginName() -> String {
        getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "postgres"
    }

    private static func hostName() -> String {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "localhost" }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
