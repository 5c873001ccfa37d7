/// One result row: column names shared by every row of a statement, and the values.
public struct Row: Sendable, Equatable {
    public let columnNames: [String]
    public let values: [SQLValue]
    let sql: String?

    init(columnNames: [String], values: [SQLValue], sql: String?) {
        self.columnNames = columnNames
        self.values = values
        self.sql = sql
    }

    /// The raw value of a column; `.null` for an unknown name.
    public subscript(_ column: String) -> SQLValue {
        guard let index = columnNames.firstIndex(of: column) else { return .null }
        return values[index]
    }

    public subscript(_ index: Int) -> SQLValue { values[index] }

    /// The column's value as `T`; throws `StoreError.decoding` naming the column and SQL.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let index = columnNames.firstIndex(of: column) else {
            throw StoreError.decoding(column: column, expected: "\(T.self)", foundType: "no such column", sql: sql)
        }
        return try decode(at: index)
    }

    /// The value at a position as `T`.
    public func decode<T: SQLDecodable>(at index: Int, as type: T.Type = T.self) throws -> T {
        let value = values[index]
        guard let decoded = T.decode(value) else {
            throw StoreError.decoding(
                column: columnNames[index], expected: "\(T.self)", foundType: value.storageClass, sql: sql)
        }
        return decoded
    }
}
