import TRCAAStore

/// Which tables of a desktop database come over, and with which columns.
///
/// The tables of migrations 001–022 that this store has are copied row by row, in an order
/// that keeps foreign keys satisfied, with the columns both sides have; `log_files` goes
/// through the log pipeline; the desktop's `pii_spans` (detection rows, with duplicates from
/// repeated scans) are replaced by this store's own detection; its FTS index and migration
/// list are its own. Any other table (migrations 023 and later) is skipped and listed.
struct DesktopTablePlan {
    struct Table {
        let name: String
        /// The primary key column.
        let key: String
        let columns: [String]
        /// What the source's SELECT lists for each column (a name, or NULL for `image_data`
        /// of a database from before migration 021).
        let selections: [String]
        let order: String
    }

    /// Tables copied as rows, in this order (`log_files`, through the pipeline, after them).
    /// From `ai_conversations` on, they hold desktop features this tool does not have and are
    /// kept as they are; `credentials`, `ai_providers`, `mcp_servers` and `sudo_config` hold
    /// values encrypted with the desktop's `.enckey`.
    static let copyOrder: [(name: String, key: String, order: String)] = [
        ("issues", "id", "created_at, rowid"),
        ("resolution_steps", "id", "issue_id, step_order, created_at, rowid"),
        ("timeline_events", "id", "created_at, rowid"),
        ("documents", "id", "created_at, rowid"),
        ("image_attachments", "id", "uploaded_at, rowid"),
        ("ai_conversations", "id", "rowid"),
        ("ai_messages", "id", "rowid"),
        ("credentials", "id", "rowid"),
        ("integration_config", "id", "rowid"),
        ("ai_providers", "id", "rowid"),
        ("mcp_servers", "id", "rowid"),
        ("mcp_tools", "id", "rowid"),
        ("mcp_resources", "id", "rowid"),
        ("sudo_config", "id", "rowid"),
        ("settings", "key", "rowid"),
        ("audit_log", "id", "timestamp, id"),
    ]

    /// Tables read some other way, or not at all.
    static let handledElsewhere: Set<String> = ["log_files", "pii_spans", "_migrations"]

    let tables: [Table]
    /// Tables of the source not brought over, with their row counts.
    let skipped: [SkippedTable]
    /// `table.column` of the source that this store's tables lack.
    let droppedColumns: [String]

    /// `source` is a desktop (SQLite) database; `store` is read through its dialect.
    init(source: Database, store: Database) throws {
        let sourceTables = try Self.tableNames(source)
        var tables: [Table] = []
        var dropped: [String] = []
        for entry in Self.copyOrder where try sourceTables.contains(entry.name) && store.schemaObjectExists(entry.name, type: .table) {
            let sourceColumns = try source.columns(of: entry.name)
            let storeColumns = try store.columns(of: entry.name)
            var columns = storeColumns.filter(sourceColumns.contains)
            let defaults = try store.notNullDefaultValues(of: entry.name)
            // A NULL the desktop allowed where this store does not takes this store's default.
            var selections = columns.map { column in
                defaults[column].map { "coalesce(\"\(column)\", \(Self.sqliteLiteral($0)))" } ?? "\"\(column)\""
            }
            if entry.name == "image_attachments", !columns.contains("image_data"), storeColumns.contains("image_data") {
                columns.append("image_data")
                selections.append("NULL")
            }
            dropped += sourceColumns.filter { !storeColumns.contains($0) }.map { "\(entry.name).\($0)" }
            tables.append(Table(name: entry.name, key: entry.key, columns: columns, selections: selections, order: entry.order))
        }
        let copied = Set(tables.map(\.name)).union(Self.handledElsewhere)
        skipped = try sourceTables.filter { !copied.contains($0) && !$0.hasPrefix("issues_fts") }.map { name in
            SkippedTable(name: name, rows: try source.scalar("SELECT count(*) FROM \"\(name)\"", as: Int.self) ?? 0)
        }
        self.tables = tables
        droppedColumns = dropped
    }

    /// `value` as a literal of SQLite's SQL.
    private static func sqliteLiteral(_ value: SQLValue) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .text(let text): "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let bytes): "X'" + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + "'"
        }
    }

    /// The desktop database's ordinary tables (no views, no SQLite internals), by name.
    private static func tableNames(_ db: Database) throws -> [String] {
        try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
            .map { try $0.decode(at: 0) }
    }
}

/// A table of the desktop database that was not brought over.
public struct SkippedTable: Sendable, Equatable, Encodable {
    public let name: String
    public let rows: Int
}
