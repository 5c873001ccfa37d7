/// SQLite's SQL, as SQLCipher runs it.
struct SQLCipherDialect: SQLDialect {
    /// SQLite's `LIKE` ignores ASCII case already.
    func caseInsensitiveLike(_ column: String, pattern: String) -> String {
        "\(column) LIKE \(pattern) ESCAPE '\\'"
    }

    func jsonTextArrayElements(_ array: String) -> String {
        "SELECT value FROM json_each(\(array))"
    }

    func jsonArrayContains(_ column: String, value: String) -> String {
        "EXISTS (SELECT 1 FROM json_each(\(column)) WHERE json_each.value = \(value))"
    }

    let columnNames = "SELECT name FROM pragma_table_info(?)"

    let notNullDefaults = "SELECT name, dflt_value FROM pragma_table_info(?) WHERE \"notnull\" AND dflt_value IS NOT NULL"

    func identityCatchUp(table: String, column: String) -> String? { nil }

    func schemaObjectCount(_ type: SchemaObjectType) -> String {
        "SELECT count(*) FROM sqlite_master WHERE type = '\(type.rawValue)' AND name = ?"
    }

    var fullText: any FullTextDialect { SQLCipherFullText() }
}
