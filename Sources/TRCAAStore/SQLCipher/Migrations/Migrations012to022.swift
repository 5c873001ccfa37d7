// The original app's migrations 012–022 (reference/trcaa-original.md §2.2).
// The column additions 015, 016, 020 and 021 check for the column first, where the original
// ran the ALTER and swallowed "duplicate column name".

extension Migration {
    static let auditHashChain = Migration("012_audit_hash_chain", sql: """
        ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit_log ADD COLUMN entry_hash TEXT NOT NULL DEFAULT '';
        """)

    static let imageAttachments = Migration("013_image_attachments", sql: """
        CREATE TABLE IF NOT EXISTS image_attachments (
            id TEXT PRIMARY KEY,
            issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            file_name TEXT NOT NULL,
            file_path TEXT NOT NULL DEFAULT '',
            file_size INTEGER NOT NULL DEFAULT 0,
            mime_type TEXT NOT NULL DEFAULT 'image/png',
            upload_hash TEXT NOT NULL DEFAULT '',
            uploaded_at TEXT NOT NULL DEFAULT (datetime('now')),
            pii_warning_acknowledged INTEGER NOT NULL DEFAULT 1,
            is_paste INTEGER NOT NULL DEFAULT 0
        );
        """)

    static let createAIProviders = Migration("014_create_ai_providers", sql: """
        CREATE TABLE IF NOT EXISTS ai_providers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            provider_type TEXT NOT NULL,
            api_url TEXT NOT NULL,
            encrypted_api_key TEXT NOT NULL,
            model TEXT NOT NULL,
            max_tokens INTEGER,
            temperature REAL,
            custom_endpoint_path TEXT,
            custom_auth_header TEXT,
            custom_auth_prefix TEXT,
            api_format TEXT,
            user_id TEXT,
            use_datastore_upload INTEGER,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        """)

    static let addUseDatastoreUpload = Migration("015_add_use_datastore_upload") { db in
        try db.addColumnIfMissing("use_datastore_upload", definition: "INTEGER DEFAULT 0", to: "ai_providers")
    }

    /// SQLite refuses to ALTER in a column with a non-constant default once the table has rows,
    /// so a populated table is rebuilt with the column instead (keeping its rows).
    static let addCreatedAt = Migration("016_add_created_at") { db in
        let definition = "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))"
        guard try !db.columns(of: "ai_providers").contains("created_at") else { return }
        if try db.scalar("SELECT count(*) FROM (SELECT 1 FROM ai_providers LIMIT 1)", as: Int.self) == 0 {
            try db.execute("ALTER TABLE ai_providers ADD COLUMN created_at \(definition)")
        } else {
            try TableRebuild.addColumn("created_at", definition: definition, to: "ai_providers", in: db)
        }
    }

    static let createTimelineEvents = Migration("017_create_timeline_events", sql: """
        CREATE TABLE IF NOT EXISTS timeline_events (
            id TEXT PRIMARY KEY,
            issue_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            metadata TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            FOREIGN KEY(issue_id) REFERENCES issues(id) ON DELETE CASCADE
        );
        CREATE INDEX IF NOT EXISTS idx_timeline_events_issue ON timeline_events(issue_id);
        CREATE INDEX IF NOT EXISTS idx_timeline_events_time ON timeline_events(created_at);
        """)

    static let mcpServers = Migration("018_mcp_servers", sql: """
        CREATE TABLE IF NOT EXISTS mcp_servers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            url TEXT NOT NULL,
            transport_type TEXT NOT NULL CHECK(transport_type IN ('stdio', 'http')),
            transport_config TEXT NOT NULL DEFAULT '{}',
            auth_type TEXT NOT NULL CHECK(auth_type IN ('none', 'api_key', 'bearer', 'oauth2')),
            auth_value TEXT,
            enabled INTEGER NOT NULL DEFAULT 1,
            last_discovered_at TEXT,
            discovery_status TEXT NOT NULL DEFAULT 'pending'
                CHECK(discovery_status IN ('pending', 'connected', 'unreachable', 'error')),
            discovery_error TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE IF NOT EXISTS mcp_tools (
            id TEXT PRIMARY KEY,
            server_id TEXT NOT NULL,
            name TEXT NOT NULL,
            tool_key TEXT NOT NULL,
            description TEXT,
            parameters TEXT NOT NULL DEFAULT '{}',
            FOREIGN KEY(server_id) REFERENCES mcp_servers(id) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS mcp_resources (
            id TEXT PRIMARY KEY,
            server_id TEXT NOT NULL,
            uri TEXT NOT NULL,
            name TEXT,
            description TEXT,
            FOREIGN KEY(server_id) REFERENCES mcp_servers(id) ON DELETE CASCADE
        );
        """)

    static let createSudoConfig = Migration("019_create_sudo_config", sql: """
        CREATE TABLE IF NOT EXISTS sudo_config (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL DEFAULT '',
            encrypted_password TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        """)

    static let addLogContentCompressed = Migration("020_add_log_content_compressed") { db in
        try db.addColumnIfMissing("content_compressed", definition: "BLOB", to: "log_files")
    }

    static let addImageData = Migration("021_add_image_data") { db in
        try db.addColumnIfMissing("image_data", definition: "BLOB", to: "image_attachments")
    }

    /// Cross-incident attachment lists; they name their columns so the BLOBs stay out.
    static let attachmentViews = Migration("022_attachment_views", sql: """
        CREATE VIEW IF NOT EXISTS v_log_files_with_issue AS
            SELECT lf.id, lf.issue_id, lf.file_name, lf.file_path, lf.file_size,
                   lf.mime_type, lf.content_hash, lf.uploaded_at, lf.redacted,
                   i.title AS issue_title
            FROM log_files lf
            JOIN issues i ON i.id = lf.issue_id;
        CREATE VIEW IF NOT EXISTS v_image_attachments_with_issue AS
            SELECT ia.id, ia.issue_id, ia.file_name, ia.file_path, ia.file_size,
                   ia.mime_type, ia.upload_hash, ia.uploaded_at,
                   ia.pii_warning_acknowledged, ia.is_paste,
                   i.title AS issue_title
            FROM image_attachments ia
            JOIN issues i ON i.id = ia.issue_id;
        """)
}
