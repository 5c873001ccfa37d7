internal import CSQLCipher

/// A prepared statement. Owns its `sqlite3_stmt` and finalizes it when released.
///
/// Reuse one statement for many rows (bind, step, reset) in loops; `Database.execute` and
/// `Database.rows` cover one-off statements.
public final class Statement {
    let handle: OpaquePointer
    /// The connection, for error messages only: a statement does not keep its `Database`
    /// alive (the statement cache would make that a cycle); SQLite keeps a closed
    /// connection's memory until its last statement is finalized.
    let connection: OpaquePointer
    let path: String
    /// The SQL text as prepared (without bound values).
    public let sql: String
    /// Names of the result columns, shared by all rows.
    public let columnNames: [String]

    init(handle: OpaquePointer, database: Database, sql: String) {
        self.handle = handle
        connection = database.handle
        path = database.path
        self.sql = sql
        let count = sqlite3_column_count(handle)
        columnNames = (0..<count).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds values to parameters 1...n, after clearing earlier bindings.
    public func bind(_ values: [SQLValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw StoreError.sqlite(SQLiteFailure(
                code: SQLITE_RANGE, message: "expected \(expected) arguments, got \(values.count)", sql: sql))
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    public func bind(_ value: SQLValue, at index: Int32) throws {
        let rc: Int32
        switch value {
        case .null:
            rc = sqlite3_bind_null(handle, index)
        case .integer(let number):
            rc = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            rc = sqlite3_bind_double(handle, index, number)
        case .text(let string):
            var text = string
            rc = text.withUTF8 { buffer in
                // Safe: SQLITE_TRANSIENT makes SQLite copy the bytes before returning. An empty
                // string may come without storage; SQLite needs a non-null pointer, or it binds NULL.
                guard let base = buffer.baseAddress else {
                    return "".withCString { sqlite3_bind_text(handle, index, $0, 0, csqlcipher_transient()) }
                }
                return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    sqlite3_bind_text(handle, index, $0, Int32(buffer.count), csqlcipher_transient())
                }
            }
        case .blob(let bytes):
            rc = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob64(
                    handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                    sqlite3_uint64(buffer.count), csqlcipher_transient())
            }
        }
        guard rc == SQLITE_OK else { throw StoreError(rc, connection: connection, path: path, sql: sql) }
    }

    /// Advances to the next row; `false` when the statement is done.
    @discardableResult
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let rc:
            let error = StoreError(rc, connection: connection, path: path, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Makes the statement ready to run again with the same bindings.
    public func reset() { sqlite3_reset(handle) }

    /// The current row's value at a 0-based column.
    public func value(at column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT: return .text(text(at: column))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let base = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
        default: return .null
        }
    }

    /// The current row's column as text (invalid UTF-8 repaired with U+FFFD).
    public func text(at column: Int32) -> String {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let base = sqlite3_column_text(handle, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    /// The current row's column as an integer (0 for NULL).
    public func int64(at column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// The current row's column as a double (0 for NULL).
    public func double(at column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// Lends the current row's BLOB bytes without copying; valid only inside `body`.
    public func withBlob<T>(at column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let count = Int(sqlite3_column_bytes(handle, column))
        let base = sqlite3_column_blob(handle, column)
        return try body(UnsafeRawBufferPointer(start: count > 0 ? base : nil, count: count))
    }

    /// The current row as a `Row` value.
    public func row() -> Row {
        Row(columnNames: columnNames, values: (0..<Int32(columnNames.count)).map(value(at:)), sql: sql)
    }

    /// Runs the statement with `arguments` and collects every row.
    public func rows(_ arguments: [SQLValue] = []) throws -> [Row] {
        try bind(arguments)
        defer { reset() }
        var rows: [Row] = []
        while try step() { rows.append(row()) }
        return rows
    }

    /// Runs the statement with `arguments` and returns the first row, if any.
    public func firstRow(_ arguments: [SQLValue] = []) throws -> Row? {
        try bind(arguments)
        defer { reset() }
        return try step() ? row() : nil
    }

    /// Runs the statement with `arguments`, ignoring any rows.
    public func run(_ arguments: [SQLValue] = []) throws {
        try bind(arguments)
        defer { reset() }
        while try step() {}
    }
}
