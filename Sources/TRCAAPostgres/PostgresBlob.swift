import NIOCore
import PostgresNIO
import TRCAAStore

/// Reads ranges of one bytea value with `substring(… FROM a FOR n)`; with the column's
/// storage EXTERNAL the server reads only the TOAST chunks the range needs.
final class PostgresBlobReader: BlobReader {
    private let connection: PostgresStoreConnection
    private let cell: BlobCell
    let count: Int

    init(_ cell: BlobCell, on connection: PostgresStoreConnection) throws {
        self.connection = connection
        self.cell = cell
        let size = try connection.firstCell(
            "SELECT coalesce(octet_length(\(quoted(cell.column))), 0) FROM \(Self.row(of: cell))", [cell.key], cell: cell)
        guard case .integer(let bytes) = PostgresValues.value(size) else { throw connection.noSuchRow(cell) }
        count = Int(bytes)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        guard !buffer.isEmpty else { return }
        guard offset >= 0, offset + buffer.count <= count else {
            throw StoreError.server(ServerFailure(
                sqlState: "22011", message: "bytes \(offset)..<\(offset + buffer.count) are past the value's \(count)",
                sql: "blob read of \(cell.table).\(cell.column)"))
        }
        let bytes = try connection.firstCell(
            "SELECT substring(\(quoted(cell.column)) FROM CAST(?2 AS integer) FOR CAST(?3 AS integer)) FROM \(Self.row(of: cell))",
            [cell.key, .integer(Int64(offset + 1)), .integer(Int64(buffer.count))], cell: cell).bytes
        guard let bytes, bytes.readableBytes == buffer.count else {
            throw StoreError.server(ServerFailure(sqlState: "22011", message: "the value changed while it was read",
                                                  sql: "blob read of \(cell.table).\(cell.column)"))
        }
        bytes.withUnsafeReadableBytes { buffer.copyMemory(from: $0) }
    }

    /// `table WHERE keyColumn = ?1`.
    static func row(of cell: BlobCell) -> String {
        "\(quoted(cell.table)) WHERE \(quoted(cell.keyColumn)) = ?1"
    }
}

extension PostgresStoreConnection {
    public func blobReader(_ cell: BlobCell) throws -> any BlobReader {
        try PostgresBlobReader(cell, on: self)
    }

    /// One UPDATE with the pieces joined in one bytea parameter.
    public func writeBlob(_ cell: BlobCell, pieces: [[UInt8]]) throws {
        var joined = ByteBuffer()
        joined.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { joined.writeBytes(piece) }
        var bindings = PostgresValues.bindings([cell.key])
        bindings.append(joined)
        let sql = "UPDATE \(quoted(cell.table)) SET \(quoted(cell.column)) = ?2 WHERE \(quoted(cell.keyColumn)) = ?1"
        _ = try run(sql, bindings)
        guard changes == 1 else { throw noSuchRow(cell) }
    }

    /// The first column of the row of `cell` that `sql` selects.
    func firstCell(_ sql: String, _ values: [SQLValue], cell: BlobCell) throws -> PostgresCell {
        guard let row = try run(sql, PostgresValues.bindings(values)).rows.first else { throw noSuchRow(cell) }
        return row.makeRandomAccess()[0]
    }

    func noSuchRow(_ cell: BlobCell) -> StoreError {
        .server(ServerFailure(sqlState: "02000", message: "no such row",
                              sql: "blob \(cell.table).\(cell.column) where \(cell.keyColumn) = ?"))
    }
}
