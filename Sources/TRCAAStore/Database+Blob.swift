extension Database {
    /// Reads the BLOB in `cell` in ranges, without loading it whole. On a store that seals
    /// content, what is read is the plaintext, each range opened from the segments it touches.
    public func blobReader(_ cell: BlobCell) throws -> any BlobReader {
        let stored = try connection.blobReader(cell)
        guard let contentSealer else { return stored }
        return try contentSealer.segmentReader(stored, for: cell)
    }

    /// Replaces the BLOB in `cell` with `pieces` put end to end, without joining them in memory.
    /// On a store that seals content, they are sealed in segments first.
    public func writeBlob(_ cell: BlobCell, pieces: [[UInt8]]) throws {
        try connection.writeBlob(cell, pieces: contentSealer.map { $0.sealSegments(pieces, for: cell) } ?? pieces)
    }
}
