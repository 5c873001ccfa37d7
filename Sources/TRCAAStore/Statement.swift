/// A prepared statement, over the store's own (`StoreStatement`).
///
/// Reuse one statement for many rows (bind, step, reset) in loops; `Database.execute` and
/// `Database.rows` cover one-off statements.
public final class Statement {
    let base: any StoreStatement

    init(_ base: any StoreStatement) { self.base = base }

    /// The SQL text as prepared (without bound values).
    public var sql: String { base.sql }
    /// Names of the result columns, shared by all rows.
    public var columnNames: [String] { base.columnNames }

    /// Binds values to parameters 1...n, after clearing earlier bindings.
    public func bind(_ values: [SQLValue]) throws { try base.bind(values) }

    /// Binds one value to the 1-based parameter `index`.
    public func bind(_ value: SQLValue, at index: Int32) throws { try base.bind(value, at: index) }

    /// Advances to the next row; `false` when the statement is done.
    @discardableResult
    public func step() throws -> Bool { try base.step() }

    /// Makes the statement ready to run again with the same bindings.
    public func reset() { base.reset() }

    /// The current row's value at a 0-based column.
    public func value(at column: Int32) -> SQLValue { base.value(at: column) }

    /// The current row's column as text (invalid UTF-8 repaired with U+FFFD).
    public func text(at column: Int32) -> String { base.text(at: column) }

    /// The current row's column as an integer (0 for NULL).
    public func int64(at column: Int32) -> Int64 { base.int64(at: column) }

    /// The current row's column as a double (0 for NULL).
    public func double(at column: Int32) -> Double { base.double(at: column) }

    /// Lends the current row's BLOB bytes without copying; valid only inside `body`.
    public func withBlob<T>(at column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try base.withBlob(at: column, body)
    }

    /// The current row as a `Row` value.
    public func row() -> Row {
        let names = columnNames
        return Row(columnNames: names, values: (0..<Int32(names.count)).map(value(at:)), sql: sql)
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
