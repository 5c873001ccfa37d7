/// One BLOB value, named by its row's key: the row whose `keyColumn` equals `key`.
public struct BlobCell: Sendable, Equatable {
    public var table: String
    public var column: String
    public var keyColumn: String
    public var key: SQLValue

    public init(table: String, column: String, keyColumn: String = "id", key: SQLValue) {
        self.table = table
        self.column = column
        self.keyColumn = keyColumn
        self.key = key
    }
}

/// Reads ranges of one stored BLOB without loading it whole. Valid until the row changes or
/// the transaction it was opened in ends.
public protocol BlobReader: AnyObject {
    /// Size of the value in bytes.
    var count: Int { get }
    /// Copies `buffer.count` bytes starting at `offset` into `buffer`.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws
}
