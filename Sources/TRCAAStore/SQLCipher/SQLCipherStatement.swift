internal import CSQLCipher

/// A prepared SQLCipher statement. Owns its `sqlite3_stmt` and finalizes it when released.
final class SQLCipherStatement: StoreStatement {
    let handle: OpaquePointer
    /// The connection, for error messages only: a statement does not keep its connection
    /// alive (the statement cache would make that a cycle); SQLite keeps a closed
    /// connection's memory until its last statement is finalized.
    let connection: OpaquePointer
    let path: String
    let sql: String
    let columnNames: [String]

    init(handle: OpaquePointer, connection: SQLCipherConnection, sql: String) {
        self.handle = handle
        self.connection = connection.handle
        path = connection.path
        self.sql = sql
        let count = sqlite3_column_count(handle)
        columnNames = (0..<count).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ values: [SQLValue]) throws {
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

    func bind(_ value: SQLValue, at index: Int32) throws {
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

    @discardableResult
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let rc:
            let error = StoreError(rc, connection: connection, path: path, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    func reset() { sqlite3_reset(handle) }

    func value(at column: Int32) -> SQLValue {
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

    func text(at column: Int32) -> String {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let base = sqlite3_column_text(handle, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    func int64(at column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func double(at column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func withBlob<T>(at column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let count = Int(sqlite3_column_bytes(handle, column))
        let base = sqlite3_column_blob(handle, column)
        return try body(UnsafeRawBufferPointer(start: count > 0 ? base : nil, count: count))
    }
}
