/// A connection to the store: the face the services see, over a backend's `StoreConnection`.
///
/// Open one with `Database.open(path:passphrase:options:)` (SQLCipher), or over another
/// backend's connection with `init(connection:path:)`. A `Database` is used
/// from one thread at a time.
public final class Database {
    /// Where the store is: the path the caller gave (`:memory:` for a throwaway in-memory one).
    public let path: String
    let connection: any StoreConnection
    /// How the store came to be what it is now (created, converted...).
    public internal(set) var origin: Origin = .existing
    /// What seals content before it is written and opens it when read (`Database+Sealing`,
    /// `Database+Blob`): set once by whoever opens a store that keeps its content sealed, a
    /// server store; `nil` on a file, whose pages SQLCipher encrypts whole.
    public var contentSealer: ContentSealer?
    private var statementCache: [String: Statement] = [:]

    /// How an open found the store.
    public enum Origin: Sendable, Equatable {
        case existing
        case created
        /// The file was empty (0 bytes) and was initialised as a new database.
        case initialisedEmptyFile
        /// The file was plain SQLite and was encrypted in place.
        case convertedFromPlain
        case inMemory
    }

    /// The face of a backend's open connection; `path` names the store in messages (for a
    /// server, its location without the password).
    public init(connection: any StoreConnection, path: String) {
        self.connection = connection
        self.path = path
    }

    deinit { statementCache.removeAll() }

    /// Runs one statement with `arguments`, or a script of several statements without arguments.
    public func execute(_ sql: String, _ arguments: [SQLValue] = []) throws {
        try connection.execute(sql, arguments)
    }

    /// Prepares a single statement.
    public func prepare(_ sql: String) throws -> Statement {
        Statement(try connection.prepare(sql))
    }

    /// Every row of a query.
    public func rows(_ sql: String, _ arguments: [SQLValue] = []) throws -> [Row] {
        try prepare(sql).rows(arguments)
    }

    /// The first row of a query, if any.
    public func row(_ sql: String, _ arguments: [SQLValue] = []) throws -> Row? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        return try statement.step() ? statement.row() : nil
    }

    /// The first column of the first row, decoded as `T`; `nil` when there is no row.
    public func scalar<T: SQLDecodable>(_ sql: String, _ arguments: [SQLValue] = [], as type: T.Type = T.self)
        throws -> T?
    {
        try row(sql, arguments).map { try $0.decode(at: 0) }
    }

    /// The SQL of this kind of store, for the parts of statements that differ.
    public var dialect: any SQLDialect { connection.dialect }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { connection.changes }

    /// Whether the connection may write (false when the store was opened read-only).
    public var isWritable: Bool { connection.isWritable }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { connection.isInTransaction }

    /// Calls `handler` with the text of every statement run (bound values are not included).
    public func trace(_ handler: (@Sendable (String) -> Void)?) { connection.trace(handler) }

    /// Calls `notice` (on the waiting thread) once a wait for another connection's lock has
    /// lasted `seconds`; `nil` stops the notices. The wait itself goes on to the busy timeout.
    public func announceWaits(after seconds: Double = 0.4, _ notice: (() -> Void)?) {
        connection.announceWaits(after: seconds, notice)
    }

    /// Who holds the store's write lock, or may, as a wait notice names them
    /// (`StoreConnection.writeLockHolders`).
    public func writeLockHolders() -> [String] { connection.writeLockHolders() }

    /// A number that differs from an earlier reading once another connection (another
    /// `trcaa`, or a teammate) has committed a change: what an open interface polls to know
    /// that what it shows may be out of date. Its own commits leave it alone.
    public func externalChangeStamp() throws -> Int64 { try connection.externalChangeStamp() }

    /// A prepared statement kept for reuse by the same SQL text; for statements run in loops.
    /// Each use binds afresh and leaves it reset.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }
}
