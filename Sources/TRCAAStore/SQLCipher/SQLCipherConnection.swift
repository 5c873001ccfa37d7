internal import CSQLCipher

/// One SQLCipher connection (`sqlite3*`), the embedded store.
///
/// `Database.open(path:passphrase:options:)` runs the whole keyed open sequence on one; the
/// initialiser here only creates the raw connection for that sequence.
final class SQLCipherConnection: StoreConnection {
    /// The path the caller gave (`:memory:` for a throwaway in-memory database).
    let path: String
    let handle: OpaquePointer
    /// The KDF salt of the file (its first 16 bytes), kept for rekeying.
    var salt: [UInt8] = []
    private var traceBox: TraceBox?
    /// The handler waiting for other connections' locks (`installBusyWait`).
    var busyWait: BusyWait?
    let dialect: any SQLDialect = SQLCipherDialect()

    init(connectingTo filename: String, path: String, flags: Int32) throws {
        var pointer: OpaquePointer?
        let rc = sqlite3_open_v2(filename, &pointer, flags, nil)
        guard rc == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let pointer { sqlite3_close_v2(pointer) }
            throw StoreError.cannotCreate(path: path, reason: message)
        }
        self.path = path
        handle = pointer
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        var rest = sql
        // One statement at a time: a later statement may use a table an earlier one creates.
        while let (statement, tail) = try prepareFirst(rest) {
            guard arguments.isEmpty || tail.trimmingWhitespace().isEmpty else {
                throw StoreError.sqlite(SQLiteFailure(
                    code: SQLITE_MISUSE, message: "arguments given to a script of several statements", sql: sql))
            }
            try statement.bind(arguments)
            defer { statement.reset() }
            while try statement.step() {}
            rest = tail
        }
    }

    func prepare(_ sql: String) throws -> any StoreStatement { try prepareStatement(sql) }

    /// Prepares a single statement, as the SQLCipher type (for `bindSecret`).
    func prepareStatement(_ sql: String) throws -> SQLCipherStatement {
        guard let (statement, tail) = try prepareFirst(sql), tail.trimmingWhitespace().isEmpty else {
            throw StoreError.sqlite(SQLiteFailure(
                code: SQLITE_MISUSE, message: "expected exactly one statement", sql: sql))
        }
        return statement
    }

    var changes: Int { Int(sqlite3_changes64(handle)) }

    var isWritable: Bool { sqlite3_db_readonly(handle, "main") == 0 }

    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    func begin(_ kind: TransactionKind) throws {
        let mode = switch kind {
        case .deferred: "DEFERRED"
        case .immediate: "IMMEDIATE"
        case .exclusive: "EXCLUSIVE"
        }
        try execute("BEGIN \(mode) TRANSACTION", [])
    }

    func commit() throws { try execute("COMMIT TRANSACTION", []) }

    func rollback() throws { try execute("ROLLBACK TRANSACTION", []) }

    /// The processes that have the file open (SQLite cannot say which one holds its lock).
    func writeLockHolders() -> [String] { StoreHolders.of(path).map(\.description) }

    /// SQLite's `data_version`, which only other connections' commits move.
    func externalChangeStamp() throws -> Int64 {
        let statement = try prepareStatement("PRAGMA data_version")
        defer { statement.reset() }
        return try statement.step() ? statement.int64(at: 0) : 0
    }

    func trace(_ handler: (@Sendable (String) -> Void)?) {
        traceBox = handler.map(TraceBox.init)
        guard let box = traceBox else {
            sqlite3_trace_v2(handle, 0, nil, nil)
            return
        }
        sqlite3_trace_v2(handle, UInt32(SQLITE_TRACE_STMT), { _, context, _, text in
            guard let context, let text else { return 0 }
            let sql = String(cString: text.assumingMemoryBound(to: CChar.self))
            Unmanaged<TraceBox>.fromOpaque(context).takeUnretainedValue().handler(sql)
            return 0
        }, Unmanaged.passUnretained(box).toOpaque())
    }

    /// The error for a failed call on this connection.
    func error(_ rc: Int32, sql: String?) -> StoreError {
        StoreError(rc, connection: handle, path: path, sql: sql)
    }

    /// Prepares the first statement of `sql`; returns it and the text after it, or `nil`
    /// when only whitespace and comments are left.
    private func prepareFirst(_ sql: String) throws -> (SQLCipherStatement, tail: String)? {
        try sql.withCString { start in
            var cursor = start
            while cursor.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let rc = sqlite3_prepare_v2(handle, cursor, -1, &statement, &tail)
                guard rc == SQLITE_OK else { throw error(rc, sql: String(cString: cursor)) }
                // Safe: SQLite sets tail to the end of the parsed statement, inside the buffer.
                let end = tail ?? cursor
                let text = String(decoding: UnsafeRawBufferPointer(start: cursor, count: end - cursor), as: UTF8.self)
                if let statement {
                    return (SQLCipherStatement(handle: statement, connection: self, sql: text), String(cString: end))
                }
                if end == cursor { break }  // no progress: nothing but trailing bytes SQLite ignores
                cursor = end
            }
            return nil
        }
    }
}

extension StoreError {
    /// Classifies a failed call: busy and I/O failures get their own cases.
    init(_ rc: Int32, connection: OpaquePointer, path: String, sql: String?) {
        let failure = SQLiteFailure(code: rc, message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        switch rc & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED: self = .busy(path: path)
        case SQLITE_FULL: self = .io(path: path, reason: "the disk is full")
        case SQLITE_IOERR: self = .io(path: path, reason: failure.message)
        case SQLITE_READONLY:
            self = .readOnly(path: path, reason: rc == SQLITE_READONLY ? "it is open read-only" : failure.message)
        case SQLITE_CANTOPEN: self = .cannotCreate(path: path, reason: failure.message)
        default: self = .sqlite(failure)
        }
    }
}

private final class TraceBox {
    let handler: @Sendable (String) -> Void
    init(_ handler: @escaping @Sendable (String) -> Void) { self.handler = handler }
}
