/// Adds a column by rebuilding the table: SQLite's 12-step ALTER procedure
/// (https://www.sqlite.org/lang_altertable.html#otheralter), for changes `ALTER TABLE`
/// refuses, such as a non-constant default on a table that has rows.
///
/// Runs inside the caller's transaction. Refuses tables that other tables reference: with
/// foreign keys on (they cannot be turned off inside a transaction), dropping the old table
/// would cascade to the children.
enum TableRebuild {
    static func addColumn(_ column: String, definition: String, to table: String, in db: Database) throws {
        // Step 3 (1–2, foreign keys off and BEGIN, are the caller's transaction): keep the
        // indexes, triggers and views to recreate them afterwards.
        let referencing = try db.rows("""
            SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND f."table" = ? AND m.name <> ?
            """, [.text(table), .text(table)])
        guard referencing.isEmpty else {
            throw StoreError.sqlite(SQLiteFailure(
                code: 1, message: "cannot rebuild \(table): other tables reference it", sql: nil))
        }
        guard let createSQL = try db.scalar(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(table)], as: String.self)
        else {
            throw StoreError.sqlite(SQLiteFailure(code: 1, message: "no such table: \(table)", sql: nil))
        }
        let dependents = try db.rows("""
            SELECT type, name, sql FROM sqlite_master
            WHERE sql IS NOT NULL AND ((type IN ('index', 'trigger') AND tbl_name = ?1)
                OR (type = 'view' AND instr(lower(sql), lower(?1)) > 0))
            """, [.text(table)])
        let oldColumns = try db.columns(of: table).map(quoted).joined(separator: ", ")
        let newTable = "\(table)_trcaa_rebuild"

        // Step 4: the new table, with the column placed before any table constraint.
        try db.execute("CREATE TABLE \(quoted(newTable)) \(try definitionBody(createSQL, adding: "\(quoted(column)) \(definition)"))")
        // Step 5: copy the rows; the new column takes its default.
        try db.execute("INSERT INTO \(quoted(newTable)) (\(oldColumns)) SELECT \(oldColumns) FROM \(quoted(table))")
        // Steps 6–7: views that name the table go first, or the rename would reject them.
        for view in dependents where try view.decode("type", as: String.self) == "view" {
            try db.execute("DROP VIEW \(quoted(try view.decode("name")))")
        }
        try db.execute("DROP TABLE \(quoted(table))")
        try db.execute("ALTER TABLE \(quoted(newTable)) RENAME TO \(quoted(table))")
        // Steps 8–9: indexes, triggers and views back.
        for object in dependents { try db.execute(try object.decode("sql", as: String.self)) }
        // Step 10: the rows still satisfy the foreign keys of the table itself.
        guard try db.rows("SELECT * FROM pragma_foreign_key_check(?)", [.text(table)]).isEmpty else {
            throw StoreError.sqlite(SQLiteFailure(
                code: 19, message: "foreign key violation after rebuilding \(table)", sql: nil))
        }
    }

    /// The parenthesised body of a CREATE TABLE statement with `column` added after the last
    /// column definition.
    static func definitionBody(_ createSQL: String, adding column: String) throws -> String {
        let parts = try topLevelParts(of: createSQL)
        let constraintKeywords = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]
        let firstConstraint = parts.firstIndex { part in
            let word = part.trimmingWhitespace().prefix { $0.isLetter }.uppercased()
            return constraintKeywords.contains(word)
        } ?? parts.endIndex
        var items = parts.map { String($0.trimmingWhitespace()) }
        items.insert(column, at: firstConstraint)
        return "(\n    " + items.joined(separator: ",\n    ") + "\n)"
    }

    /// The comma-separated items between the outer parentheses, honouring quotes and nesting.
    private static func topLevelParts(of sql: String) throws -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var quote: Character?
        var itemStart: String.Index?
        for index in sql.indices {
            let character = sql[index]
            if let open = quote {
                if character == (open == "[" ? "]" : open) { quote = nil }
                continue
            }
            switch character {
            case "'", "\"", "`", "[":
                quote = character
            case "(":
                depth += 1
                if depth == 1 { itemStart = sql.index(after: index) }
            case ")":
                depth -= 1
                if depth == 0, let start = itemStart {
                    parts.append(sql[start..<index])
                    return parts
                }
            case "," where depth == 1:
                if let start = itemStart { parts.append(sql[start..<index]) }
                itemStart = sql.index(after: index)
            default:
                break
            }
        }
        throw StoreError.sqlite(SQLiteFailure(code: 1, message: "cannot parse the table definition", sql: sql))
    }
}
