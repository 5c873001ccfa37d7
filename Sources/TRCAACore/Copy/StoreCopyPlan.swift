import TRCAAStore

/// The tables `StoreCopy` brings from one store to another, in an order that keeps foreign keys
/// satisfied, and which rows of each belong to a chosen set of issues.
///
/// Not copied: `_migrations` (each store has its own), the full-text tables (the target's
/// triggers fill them as rows arrive), `sqlite_sequence`, a server store's content key;
/// `issue_numbers` is set per issue. Sealed content (`SealedColumn`) is opened under the
/// source's key and sealed under the target's.
enum StoreCopyPlan {
    /// Which rows of a table a copy of chosen issues takes.
    enum Scope {
        /// Rows whose `column` names a chosen issue.
        case issue(column: String)
        /// Rows whose `column` names a row of `table` that belongs to a chosen issue.
        case child(column: String, of: String)
        /// Only a copy of the whole store takes it (the audit chain, settings, the desktop
        /// features' configuration).
        case wholeStore
    }

    struct Table {
        let name: String
        /// The columns that order the rows read (the primary key).
        let order: String
        let scope: Scope
        /// Rows no copy takes, as a condition they meet (`nil`: none).
        var excluded: String? = nil
    }

    static let tables: [Table] = [
        Table(name: "issues", order: "id", scope: .issue(column: "id")),
        Table(name: "resolution_steps", order: "id", scope: .issue(column: "issue_id")),
        Table(name: "timeline_events", order: "id", scope: .issue(column: "issue_id")),
        Table(name: "log_files", order: "id", scope: .issue(column: "issue_id")),
        Table(name: "log_blocks", order: "log_file_id, block", scope: .child(column: "log_file_id", of: "log_files")),
        Table(name: "log_stats", order: "log_file_id", scope: .child(column: "log_file_id", of: "log_files")),
        Table(name: "log_pii_runs", order: "log_file_id, first_offset", scope: .child(column: "log_file_id", of: "log_files")),
        Table(name: "log_pattern_sets", order: "log_file_id", scope: .child(column: "log_file_id", of: "log_files")),
        Table(name: "pii_spans", order: "id", scope: .child(column: "log_file_id", of: "log_files")),
        Table(name: "image_attachments", order: "id", scope: .issue(column: "issue_id")),
        Table(name: "documents", order: "id", scope: .issue(column: "issue_id")),
        Table(name: "document_generations", order: "document_id", scope: .child(column: "document_id", of: "documents")),
        Table(name: "incident_events", order: "id", scope: .issue(column: "issue_id")),
        Table(name: "action_items", order: "id", scope: .issue(column: "issue_id")),
        Table(name: "ai_conversations", order: "id", scope: .issue(column: "issue_id")),
        Table(name: "ai_messages", order: "id", scope: .child(column: "conversation_id", of: "ai_conversations")),
        Table(name: "credentials", order: "id", scope: .wholeStore),
        Table(name: "integration_config", order: "id", scope: .wholeStore),
        Table(name: "ai_providers", order: "id", scope: .wholeStore),
        Table(name: "mcp_servers", order: "id", scope: .wholeStore),
        Table(name: "mcp_tools", order: "id", scope: .wholeStore),
        Table(name: "mcp_resources", order: "id", scope: .wholeStore),
        Table(name: "sudo_config", order: "id", scope: .wholeStore),
        // A store's content key is its own: the target sealed what it holds under its key.
        Table(name: "settings", order: "key", scope: .wholeStore, excluded: "key = '\(ContentEncryption.settingKey)'"),
        Table(name: "audit_log", order: "timestamp, id", scope: .wholeStore),
    ]

    /// The condition that picks a table's rows of the issues in the JSON array bound to `?1`;
    /// `nil` when a copy of chosen issues takes none of them.
    static func condition(_ scope: Scope, dialect: any SQLDialect) -> String? {
        let chosen = dialect.jsonTextArrayElements("?1")
        switch scope {
        case .issue(let column): return "\"\(column)\" IN (\(chosen))"
        case .child(let column, let parent): return "\"\(column)\" IN (SELECT id FROM \"\(parent)\" WHERE issue_id IN (\(chosen)))"
        case .wholeStore: return nil
        }
    }
}
