import TRCAAStore

/// PostgreSQL's SQL where it differs from SQLite's.
struct PostgresDialect: SQLDialect {
    /// `ILIKE` folds case as the database's character type says (ASCII only under C, as SQLite).
    func caseInsensitiveLike(_ column: String, pattern: String) -> String {
        "\(column) ILIKE \(pattern) ESCAPE '\\'"
    }

    func jsonTextArrayElements(_ array: String) -> String {
        "SELECT jsonb_array_elements_text(CAST(\(array) AS jsonb)) AS value"
    }

    /// Containment (`@>`) rather than the `?` operator, which would read as a parameter.
    func jsonArrayContains(_ column: String, value: String) -> String {
        "CAST(\(column) AS jsonb) @> jsonb_build_array(CAST(\(value) AS text))"
    }

    let columnNames = """
        SELECT CAST(column_name AS text) FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position
        """

    let notNullDefaults = """
        SELECT CAST(column_name AS text), column_default FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ?1 AND is_nullable = 'NO' AND column_default IS NOT NULL
        ORDER BY ordinal_position
        """

    /// An identity's sequence does not follow numbers written by hand: it is set to the largest.
    func identityCatchUp(table: String, column: String) -> String? {
        "SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), (SELECT max(\(column)) FROM \(table)))"
    }

    /// Trigger names are per table on PostgreSQL; one counts once however many tables use it.
    func schemaObjectCount(_ type: SchemaObjectType) -> String {
        let relation = "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = current_schema() AND c.relname = ?1 AND c.relkind IN "
        switch type {
        case .table: return "SELECT count(*) \(relation)('r', 'p')"
        case .view: return "SELECT count(*) \(relation)('v', 'm')"
        case .index: return "SELECT count(*) \(relation)('i', 'I')"
        case .trigger:
            return """
                SELECT count(DISTINCT t.tgname) FROM pg_catalog.pg_trigger t
                JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgname = ?1
                """
        }
    }

    var fullText: any FullTextDialect { PostgresFullText() }
}
