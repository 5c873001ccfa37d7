import NIOCore
import PostgresNIO
import TRCAAStore

/// One connection to a store on a PostgreSQL server, over postgres-nio's EventLoopFuture API
/// waited for on the caller's thread. Open one with `open(_:options:environment:)`.
///
/// Statements keep the services' SQLite text: `?`/`?NNN` markers are rewritten to `$n` (once
/// per text) and values mapped as `PostgresValues` says. Writers are serialised by one
/// transaction-scoped advisory lock, so a write transaction behaves as SQLite's IMMEDIATE one.
public final class PostgresStoreConnection: StoreConnection {
    /// Where the store is.
    public let url: ServerURL
    /// The session; replaced when the server ended it (`run`).
    private var connection: PostgresConnection
    private let configuration: PostgresConnection.Configuration
    private var closed = false
    private var rewrites: [String: PlaceholderRewrite] = [:]
    private var traceHandler: (@Sendable (String) -> Void)?
    private var waitNotice: (after: Double, notice: () -> Void)?
    private let changeFeed = PostgresChangeFeed()
    /// Whether the open transaction changed rows: its commit then notifies the others.
    private var changedInTransaction = false
    /// The sessions that held the write lock when this connection last found it taken.
    private var lastHolders: [String] = []

    public let dialect: any SQLDialect = PostgresDialect()
    public private(set) var changes = 0
    public let isWritable: Bool
    /// Kept by `begin`, `commit` and `rollback` (a `BEGIN` run as a statement is not seen).
    public private(set) var isInTransaction = false

    /// The key of the advisory lock every write transaction takes first ("trcaa" + 1).
    static let writeLockKey: Int64 = 0x7472_6361_6100_0001

    init(url: ServerURL, configuration: PostgresConnection.Configuration, connection: PostgresConnection, isWritable: Bool) {
        self.url = url
        self.configuration = configuration
        self.connection = connection
        self.isWritable = isWritable
    }

    /// postgres-nio traps (in debug builds) on a connection released unclosed.
    deinit { close() }

    /// Ends the session; the connection cannot be used afterwards. Called on release too.
    public func close() {
        guard !closed else { return }
        closed = true
        _ = try? connection.close().wait()
    }

    // MARK: Statements

    public func prepare(_ sql: String) throws -> any StoreStatement {
        if sql.utf8.contains(UInt8(ascii: ";")), SQLLexer.statements(sql).count > 1 {
            throw misuse("expected exactly one statement", sql: sql)
        }
        return PostgresStatement(connection: self, sql: sql, rewrite: rewrite(sql))
    }

    public func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        let statements = sql.utf8.contains(UInt8(ascii: ";")) ? SQLLexer.statements(sql) : [sql]
        if statements.count > 1 {
            guard arguments.isEmpty else { throw misuse("arguments given to a script of several statements", sql: sql) }
            for statement in statements { _ = try run(statement, PostgresBindings()) }
        } else {
            try Self.checkArgumentCount(arguments, rewrite(sql), sql: sql)
            _ = try run(sql, PostgresValues.bindings(arguments))
        }
    }

    /// Runs one statement and collects its rows; keeps `changes` for INSERT, UPDATE, DELETE
    /// and MERGE. With `announcing`, a long wait calls the `announceWaits` notice.
    ///
    /// When the server has ended the session (restarted, or an administrator ended it), a
    /// read or a BEGIN outside a transaction runs again once on a new session: nothing was
    /// half done. Inside a transaction, or for a write that may have been committed, the
    /// error is the caller's; the next statement gets a new session.
    func run(_ sql: String, _ bindings: PostgresBindings, announcing: Bool = false) throws -> PostgresQueryResult {
        do {
            return try runOnce(sql, bindings, announcing: announcing)
        } catch StoreError.unreachable where !closed && !isInTransaction {
            try startSession()
            guard Self.isSafeToRepeat(sql) else {
                throw StoreError.unreachable(server: url.redacted, reason: "the server ended the session while a change was sent; "
                    + "it may or may not have been made (a new session is open: look, then try again)")
            }
            return try runOnce(sql, bindings, announcing: announcing)
        }
    }

    /// Whether `sql` may run twice without changing anything twice.
    private static func isSafeToRepeat(_ sql: String) -> Bool {
        let start = sql.drop { $0.isWhitespace }.prefix(6).uppercased()
        return start.hasPrefix("SELECT") || start.hasPrefix("BEGIN")
    }

    private func runOnce(_ sql: String, _ bindings: PostgresBindings, announcing: Bool) throws -> PostgresQueryResult {
        guard !closed else { throw StoreError.unreachable(server: url.redacted, reason: "the connection was closed") }
        guard !connection.isClosed else { throw StoreError.unreachable(server: url.redacted, reason: "the server ended the session") }
        traceHandler?(sql)
        let future = connection.query(PostgresQuery(unsafeSQL: rewrite(sql).sql, binds: bindings), logger: PostgresEventLoop.logger)
        let result: PostgresQueryResult
        do {
            let notice = announcing ? waitNotice : nil
            result = try PostgresEventLoop.wait(future, noticeAfter: notice?.after, notice: notice?.notice) { [connection] in
                connection.isClosed
            }
        } catch {
            throw StoreError(postgres: error, url: url, sql: sql)
        }
        if let rows = Self.changedRows(result.metadata) {
            changes = rows
            // Outside a transaction the change is already committed: a failed notice must not report it as failed.
            if rows > 0, isInTransaction { changedInTransaction = true } else if rows > 0 { try? notifyOthers() }
        }
        return result
    }

    /// Tells the other clients' change feeds that this session changed the store (delivered
    /// when the transaction commits; never when it rolls back).
    private func notifyOthers() throws {
        _ = try run("NOTIFY \(PostgresChangeFeed.channel)", PostgresBindings())
    }

    /// Opens a new session in place of one the server ended, and checks and listens on it.
    private func startSession() throws {
        _ = try? connection.close().wait()
        connection = try Self.connect(configuration, url: url)
        try beginSession()
    }

    /// Starts counting the changes other sessions commit and checks the database this session
    /// reached; the check's answer comes after the LISTEN's, so the session listens on return.
    func beginSession() throws {
        changeFeed.listen(on: connection)
        changeFeed.identify(ownBackend: try checkDatabase())
    }

    /// Throws unless `values` fill exactly the parameters of `rewrite`, as SQLite's bind does.
    static func checkArgumentCount(_ values: [SQLValue], _ rewrite: PlaceholderRewrite, sql: String) throws {
        guard values.count == rewrite.parameterCount else {
            throw StoreError.server(ServerFailure(
                sqlState: "07001", message: "expected \(rewrite.parameterCount) arguments, got \(values.count)", sql: sql))
        }
    }

    private static func changedRows(_ metadata: PostgresQueryMetadata) -> Int? {
        switch metadata.command {
        case "INSERT", "UPDATE", "DELETE": return metadata.rows
        case let tag where tag.hasPrefix("MERGE "): return Int(tag.dropFirst("MERGE ".count))
        default: return nil
        }
    }

    /// The `$n` form of `sql`, cached by text.
    func rewrite(_ sql: String) -> PlaceholderRewrite {
        if let known = rewrites[sql] { return known }
        let rewrite = PlaceholderRewrite(sql)
        rewrites[sql] = rewrite
        return rewrite
    }

    private func misuse(_ message: String, sql: String) -> StoreError {
        .server(ServerFailure(sqlState: "42601", message: message, sql: sql))
    }

    // MARK: Transactions

    /// `.deferred` takes a snapshot for its reads (REPEATABLE READ, as SQLite's deferred read
    /// transaction sees one state) and may still write: a conflicting write then fails as
    /// `.busy`, as on SQLite. `.immediate` and `.exclusive` take the store's write lock first.
    public func begin(_ kind: TransactionKind) throws {
        switch kind {
        case .deferred:
            try execute("BEGIN ISOLATION LEVEL REPEATABLE READ", [])
            isInTransaction = true
        case .immediate, .exclusive:
            try execute("BEGIN", [])
            isInTransaction = true
            do {
                try takeWriteLock()
            } catch StoreError.busy(let path, _) {
                try? rollback()
                throw StoreError.busy(path: path, holders: lastHolders)
            } catch {
                try? rollback()
                throw error
            }
        }
    }

    /// Takes the store's write lock at once when it is free; otherwise learns who holds it
    /// (for the wait notice and a busy error), then waits for it up to `lock_timeout`.
    private func takeWriteLock() throws {
        let free = try run("SELECT pg_try_advisory_xact_lock(\(Self.writeLockKey))", PostgresBindings()).rows.first
            .map { PostgresValues.value($0.makeRandomAccess()[0]) }
        guard free != .integer(1) else { return }
        lastHolders = try writeLockHoldersOnServer()
        _ = try run("SELECT pg_advisory_xact_lock(\(Self.writeLockKey))", PostgresBindings(), announcing: true)
    }

    /// The sessions holding the write lock now: their application name (trcaa's names the
    /// user, host and process), role, and for how long their transaction has run when the
    /// server lets this role see it.
    private func writeLockHoldersOnServer() throws -> [String] {
        let key = UInt64(bitPattern: Self.writeLockKey)
        let sql = """
            SELECT a.application_name, a.usename, CAST(extract(epoch FROM now() - a.xact_start) AS bigint)
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND CAST(l.classid AS bigint) = \(key >> 32) AND CAST(l.objid AS bigint) = \(key & 0xFFFF_FFFF)
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """
        return try run(sql, PostgresBindings()).rows.map { row in
            let row = row.makeRandomAccess()
            let name = if case .text(let name) = PostgresValues.value(row[0]), !name.isEmpty { name } else { "a session" }
            let role = if case .text(let role) = PostgresValues.value(row[1]), !name.contains(role) { " (role \(role))" } else { "" }
            let since = if case .integer(let seconds) = PostgresValues.value(row[2]) { ", writing for \(seconds) s" } else { "" }
            return name + role + since
        }
    }

    /// A COMMIT that ends an aborted transaction rolls it back; that is reported as the error
    /// it is rather than passed over.
    public func commit() throws {
        defer { isInTransaction = false; changedInTransaction = false }
        if changedInTransaction { try notifyOthers() }
        let tag = try run("COMMIT", PostgresBindings()).metadata.command
        if tag == "ROLLBACK" {
            throw StoreError.server(ServerFailure(
                sqlState: "25P02", message: "the transaction was rolled back: a statement in it had failed", sql: "COMMIT"))
        }
    }

    public func rollback() throws {
        defer { isInTransaction = false; changedInTransaction = false }
        try execute("ROLLBACK", [])
    }

    // MARK: Notices

    /// The notice comes when taking the store's write lock has taken `seconds`; the wait goes
    /// on to `lock_timeout`, then fails as `.busy`.
    public func announceWaits(after seconds: Double, _ notice: (() -> Void)?) {
        waitNotice = notice.map { (seconds, $0) }
    }

    public func trace(_ handler: (@Sendable (String) -> Void)?) { traceHandler = handler }

    public func writeLockHolders() -> [String] { lastHolders }

    /// The changes other clients have committed since the open, as the server notified them
    /// (`PostgresChangeFeed`): no statement is run to read it. When the server has ended the
    /// session (a restart), a new one is opened first, so that an idle interface follows the
    /// store again; that counts as a change.
    ///
    /// - throws: `StoreError.unreachable` while the server cannot be reached.
    public func externalChangeStamp() throws -> Int64 {
        if connection.isClosed, !closed, !isInTransaction { try startSession() }
        return changeFeed.changes
    }
}
