extension Database {
    /// Reads the BLOB in `cell` in ranges, without loading it whole.
    public func blobReader(_ cell: BlobCell) throws -> any BlobReader {
        try connection.blobReader(cell)
    }

    /// Replaces the BLOB in `cell` with `pieces` put end to end, without joining them in memory.
    public func writeBlob(_ cell: BlobCell, pieces: [[UInt8]]) throws {
        try connection.writeBlob(cell, pieces: pieces)
    }
}
