/// The SQL that differs from one kind of store to another, as text for the services to put
/// into their statements: pure functions of the column names and parameters they pass in.
public protocol SQLDialect: Sendable {
    /// `column` matches the LIKE pattern `pattern` (a parameter or an expression) ignoring
    /// case (SQLite folds ASCII letters only), `\` escaping `%`, `_` and itself.
    func caseInsensitiveLike(_ column: String, pattern: String) -> String
    /// A subquery with one column, `value`: the strings of the JSON array in `array`.
    func jsonTextArrayElements(_ array: String) -> String
    /// Whether the JSON array of strings held in `column` contains `value`.
    func jsonArrayContains(_ column: String, value: String) -> String
    /// A query of the names of table ?1's columns, in order, one per row (none when there is
    /// no such table).
    var columnNames: String { get }
    /// A query of table ?1's NOT NULL columns that have a default, as rows (name, the
    /// default's expression in this store's SQL).
    var notNullDefaults: String { get }
    /// A statement that makes the numbers `column` of `table` hands out next come after every
    /// number it holds, once some were set by hand; `nil` where the store does that itself
    /// (SQLite's AUTOINCREMENT takes the largest ever used).
    func identityCatchUp(table: String, column: String) -> String?
    /// A query of one row and column: how many schema objects of `type` are named ?1.
    func schemaObjectCount(_ type: SchemaObjectType) -> String
    /// Full-text search.
    var fullText: any FullTextDialect { get }
}

/// What a named object of the schema is.
public enum SchemaObjectType: String, Sendable {
    case table, view, index, trigger
}
