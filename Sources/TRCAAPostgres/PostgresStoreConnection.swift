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
    private let connection: PostgresConnection
    private var closed = false
    private var rewrites: [String: PlaceholderRewrite] = [:]
    private var traceHandler: (@Sendable (String) -> Void)?
    private var waitNotice: (after: Double, notice: () -> Void)?

    public let dialect: any SQLDialect = PostgresDialect()
    public private(set) var changes = 0
    public let isWritable: Bool
    /// Kept by `begin`, `commit` and `rollback` (a `BEGIN` run as a statement is not seen).
    public private(set) var isInTransaction = false

    /// The key of the advisory lock every write transaction takes first ("trcaa" + 1).
    static let writeLockKey: Int64 = 0x7472_6361_6100_0001

    init(url: ServerURL, connection: PostgresConnection, isWritable: Bool) {
        self.url = url
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
    func run(_ sql: String, _ bindings: PostgresBindings, announcing: Bool = false) throws -> PostgresQueryResult {
        guard !closed else { throw StoreError.unreachable(server: url.redacted, reason: "the connection was closed") }
        traceHandler?(sql)
        let future = connection.query(PostgresQuery(unsafeSQL: rewrite(sql).sql, binds: bindings), logger: PostgresEventLoop.logger)
        let result: PostgresQueryResult
        do {
            let notice = announcing ? waitNotice : nil
            result = try PostgresEventLoop.wait(future, noticeAfter: notice?.after, notice: notice?.notice)
        } catch {
            throw StoreError(postgres: error, url: url, sql: sql)
        }
        if let rows = Self.changedRows(result.metadata) { changes = rows }
        return result
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
                let lock = "SELECT pg_advisory_xact_lock(\(Self.writeLockKey))"
                _ = try run(lock, PostgresBindings(), announcing: true)
            } catch {
                try? rollback()
                throw error
            }
        }
    }

    /// A COMMIT that ends an aborted transaction rolls it back; that is reported as the error
    /// it is rather than passed over.
    public func commit() throws {
        defer { isInTransaction = false }
        let tag = try run("COMMIT", PostgresBindings()).metadata.command
        if tag == "ROLLBACK" {
            throw StoreError.server(ServerFailure(
                sqlState: "25P02", message: "the transaction was rolled back: a statement in it had failed", sql: "COMMIT"))
        }
    }

    public func rollback() throws {
        defer { isInTransaction = false }
        try execute("ROLLBACK", [])
    }

    // MARK: Notices

    /// The notice comes when taking the store's write lock has taken `seconds`; the wait goes
    /// on to `lock_timeout`, then fails as `.busy`.
    public func announceWaits(after seconds: Double, _ notice: (() -> Void)?) {
        waitNotice = notice.map { (seconds, $0) }
    }

    public func trace(_ handler: (@Sendable (String) -> Void)?) { traceHandler = handler }

    /// The audit chain's recorded head, which every change of any client moves (this one's
    /// too, until LISTEN/NOTIFY tells the others' apart: the interface then reloads once more
    /// after its own change).
    public func externalChangeStamp() throws -> Int64 {
        let head = try run("SELECT value FROM settings WHERE key = 'audit_chain_head'", PostgresBindings()).rows.first
        guard let head, case .text(let value) = PostgresValues.value(head.makeRandomAccess()[0]) else { return 0 }
        return value.utf8.reduce(Int64(bitPattern: 0xCBF2_9CE4_8422_2325)) { ($0 ^ Int64($1)) &* 0x100_0000_01B3 }  // FNV-1a
    }
}
