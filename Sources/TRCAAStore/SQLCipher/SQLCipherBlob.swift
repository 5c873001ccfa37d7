internal import CSQLCipher

/// Incremental access to one BLOB cell (`sqlite3_blob_*`): read or write a range without
/// loading the value whole. Valid until the row changes or the transaction ends.
final class SQLCipherBlob: BlobReader {
    private let handle: OpaquePointer
    private let connection: SQLCipherConnection
    /// Size of the value in bytes.
    let count: Int

    /// Opens the cell of the row whose key `cell` gives (the rowid is looked up by the key).
    init(_ cell: BlobCell, on connection: SQLCipherConnection, writable: Bool) throws {
        let description = "blob \(cell.table).\(cell.column) where \(cell.keyColumn) = ?"
        let lookup = try connection.prepareStatement(
            "SELECT rowid FROM \(quoted(cell.table)) WHERE \(quoted(cell.keyColumn)) = ?")
        try lookup.bind([cell.key])
        guard try lookup.step() else {
            throw StoreError.sqlite(SQLiteFailure(code: SQLITE_ERROR, message: "no such row", sql: description))
        }
        var blob: OpaquePointer?
        let rc = sqlite3_blob_open(connection.handle, "main", cell.table, cell.column, lookup.int64(at: 0),
                                   writable ? 1 : 0, &blob)
        guard rc == SQLITE_OK, let blob else { throw connection.error(rc, sql: description) }
        handle = blob
        self.connection = connection
        count = Int(sqlite3_blob_bytes(blob))
    }

    deinit { sqlite3_blob_close(handle) }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        guard !buffer.isEmpty else { return }
        let rc = sqlite3_blob_read(handle, buffer.baseAddress, Int32(buffer.count), Int32(offset))
        guard rc == SQLITE_OK else { throw connection.error(rc, sql: "blob read") }
    }

    /// Writes `bytes` at `offset` (the value keeps its size).
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        guard !bytes.isEmpty else { return }
        let rc = sqlite3_blob_write(handle, bytes.baseAddress, Int32(bytes.count), Int32(offset))
        guard rc == SQLITE_OK else { throw connection.error(rc, sql: "blob write") }
    }
}

extension SQLCipherConnection {
    func blobReader(_ cell: BlobCell) throws -> any BlobReader {
        try SQLCipherBlob(cell, on: self, writable: false)
    }

    /// Sizes the cell with `zeroblob` first, then writes the pieces into it in place.
    func writeBlob(_ cell: BlobCell, pieces: [[UInt8]]) throws {
        try execute("UPDATE \(quoted(cell.table)) SET \(quoted(cell.column)) = zeroblob(?) WHERE \(quoted(cell.keyColumn)) = ?",
                    [.integer(Int64(pieces.reduce(0) { $0 + $1.count })), cell.key])
        let blob = try SQLCipherBlob(cell, on: self, writable: true)
        var offset = 0
        for piece in pieces {
            try piece.withUnsafeBytes { try blob.write($0, at: offset) }
            offset += piece.count
        }
    }
}
