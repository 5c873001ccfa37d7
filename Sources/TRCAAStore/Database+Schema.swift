extension Database {
    /// Column names of a table, in order (empty when it does not exist).
    public func columns(of table: String) throws -> [String] {
        try rows(dialect.columnNames, [.text(table)]).map { try $0.decode(at: 0) }
    }

    /// What each NOT NULL column of a table that has a default gets when a row leaves it out,
    /// evaluated now (a time default gives this moment).
    public func notNullDefaultValues(of table: String) throws -> [String: SQLValue] {
        var values: [String: SQLValue] = [:]
        for column in try rows(dialect.notNullDefaults, [.text(table)]) {
            values[try column.decode(at: 0)] = try row("SELECT \(try column.decode(at: 1, as: String.self))")?.values.first ?? .null
        }
        return values
    }

    /// Whether a table, view, index or trigger of that name exists.
    public func schemaObjectExists(_ name: String, type: SchemaObjectType) throws -> Bool {
        try scalar(dialect.schemaObjectCount(type), [.text(name)], as: Int.self) == 1
    }

    /// `ALTER TABLE ... ADD COLUMN` unless the column is already there.
    public func addColumnIfMissing(_ column: String, definition: String, to table: String) throws {
        guard try !columns(of: table).contains(column) else { return }
        try execute("ALTER TABLE \(quoted(table)) ADD COLUMN \(quoted(column)) \(definition)")
    }
}

/// An SQL identifier in double quotes.
package func quoted(_ identifier: String) -> String {
    "\"" + identifier.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
}
