/// A prepared statement of a `StoreConnection`; `Statement` is its face.
public protocol StoreStatement: AnyObject {
    /// The SQL text as prepared (without bound values).
    var sql: String { get }
    /// Names of the result columns, shared by all rows.
    var columnNames: [String] { get }
    /// Binds values to parameters 1...n, after clearing earlier bindings.
    func bind(_ values: [SQLValue]) throws
    /// Binds one value to the 1-based parameter `index`.
    func bind(_ value: SQLValue, at index: Int32) throws
    /// Advances to the next row; `false` when the statement is done.
    func step() throws -> Bool
    /// Makes the statement ready to run again with the same bindings.
    func reset()
    /// The current row's value at a 0-based column.
    func value(at column: Int32) -> SQLValue
    /// The current row's column as text (invalid UTF-8 repaired with U+FFFD).
    func text(at column: Int32) -> String
    /// The current row's column as an integer (0 for NULL).
    func int64(at column: Int32) -> Int64
    /// The current row's column as a double (0 for NULL).
    func double(at column: Int32) -> Double
    /// Lends the current row's BLOB bytes without copying; valid only inside `body`.
    func withBlob<T>(at column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T
}
