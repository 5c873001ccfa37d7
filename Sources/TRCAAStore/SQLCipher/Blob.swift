internal import CSQLCipher

/// Incremental access to one BLOB cell (`sqlite3_blob_*`): read or write a range without
/// loading the value whole. Valid until the row changes or the transaction ends.
public final class Blob {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    private let path: String
    /// Size of the value in bytes.
    public let count: Int

    init(database: Database, table: String, column: String, rowid: Int64, writable: Bool) throws {
        var blob: OpaquePointer?
        let rc = sqlite3_blob_open(database.sqlcipher.handle, "main", table, column, rowid, writable ? 1 : 0, &blob)
        guard rc == SQLITE_OK, let blob else {
            throw database.sqlcipher.error(rc, sql: "blob \(table).\(column) rowid \(rowid)")
        }
        handle = blob
        connection = database.sqlcipher.handle
        path = database.path
        count = Int(sqlite3_blob_bytes(blob))
    }

    deinit { sqlite3_blob_close(handle) }

    /// Copies `buffer.count` bytes starting at `offset` into `buffer`.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        guard !buffer.isEmpty else { return }
        let rc = sqlite3_blob_read(handle, buffer.baseAddress, Int32(buffer.count), Int32(offset))
        guard rc == SQLITE_OK else { throw StoreError(rc, connection: connection, path: path, sql: "blob read") }
    }

    /// Writes `bytes` at `offset` (the value keeps its size).
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        guard !bytes.isEmpty else { return }
        let rc = sqlite3_blob_write(handle, bytes.baseAddress, Int32(bytes.count), Int32(offset))
        guard rc == SQLITE_OK else { throw StoreError(rc, connection: connection, path: path, sql: "blob write") }
    }
}

extension Database {
    /// Opens a BLOB cell for incremental reads or writes (write to a `zeroblob(n)` of the final size).
    public func openBlob(table: String, column: String, rowid: Int64, writable: Bool = false) throws -> Blob {
        try Blob(database: self, table: table, column: column, rowid: rowid, writable: writable)
    }
}
