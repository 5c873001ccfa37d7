/// The TRCAA desktop app's migrations as it runs them (reference/trcaa-original.md §2.2,
/// from its `db/migrations.rs`), for fixtures made with the `sqlcipher` shell: nothing of
/// trcaa's own store code makes them.
enum DesktopSchema {
    /// The TFTSR era: the first ten.
    static let tftsr: [(name: String, sql: String)] = [
        ("001_create_issues", """
            CREATE TABLE IF NOT EXISTS issues (
                id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
                severity TEXT NOT NULL DEFAULT 'medium', status TEXT NOT NULL DEFAULT 'open',
                category TEXT NOT NULL DEFAULT 'general', source TEXT NOT NULL DEFAULT 'manual',
                created_at TEXT NOT NULL DEFAULT (datetime('now')), updated_at TEXT NOT NULL DEFAULT (datetime('now')),
                resolved_at TEXT, assigned_to TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '[]');
            """),
        ("002_create_log_files", """
            CREATE TABLE IF NOT EXISTS log_files (
                id TEXT PRIMARY KEY, issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
                file_name TEXT NOT NULL, file_path TEXT NOT NULL DEFAULT '', file_size INTEGER NOT NULL DEFAULT 0,
                mime_type TEXT NOT NULL DEFAULT 'text/plain', content_hash TEXT NOT NULL DEFAULT '',
                uploaded_at TEXT NOT NULL DEFAULT (datetime('now')), redacted INTEGER NOT NULL DEFAULT 0);
            """),
        ("003_create_pii_spans", """
            CREATE TABLE IF NOT EXISTS pii_spans (
                id TEXT PRIMARY KEY, log_file_id TEXT NOT NULL REFERENCES log_files(id) ON DELETE CASCADE,
                pii_type TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
                original_value TEXT NOT NULL, replacement TEXT NOT NULL);
            """),
        ("004_create_ai_conversations", """
            CREATE TABLE IF NOT EXISTS ai_conversations (
                id TEXT PRIMARY KEY, issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
                provider TEXT NOT NULL, model TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')),
                title TEXT NOT NULL DEFAULT 'Untitled');
            """),
        ("005_create_ai_messages", """
            CREATE TABLE IF NOT EXISTS ai_messages (
                id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL REFERENCES ai_conversations(id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK(role IN ('system','user','assistant')), content TEXT NOT NULL,
                token_count INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL DEFAULT (datetime('now')));
            """),
        ("006_create_resolution_steps", """
            CREATE TABLE IF NOT EXISTS resolution_steps (
                id TEXT PRIMARY KEY, issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
                step_order INTEGER NOT NULL DEFAULT 0, why_question TEXT NOT NULL DEFAULT '',
                answer TEXT NOT NULL DEFAULT '', evidence TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL DEFAULT (datetime('now')));
            """),
        ("007_create_documents", """
            CREATE TABLE IF NOT EXISTS documents (
                id TEXT PRIMARY KEY, issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
                doc_type TEXT NOT NULL, title TEXT NOT NULL, content_md TEXT NOT NULL,
                created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
            """),
        ("008_create_audit_log", """
            CREATE TABLE IF NOT EXISTS audit_log (
                id TEXT PRIMARY KEY, timestamp TEXT NOT NULL DEFAULT (datetime('now')), action TEXT NOT NULL,
                entity_type TEXT NOT NULL DEFAULT '', entity_id TEXT NOT NULL DEFAULT '',
                user_id TEXT NOT NULL DEFAULT 'local', details TEXT NOT NULL DEFAULT '{}');
            """),
        ("009_create_settings", """
            CREATE TABLE IF NOT EXISTS settings (
                key TEXT PRIMARY KEY, value TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT (datetime('now')));
            """),
        ("010_issues_fts", """
            CREATE VIRTUAL TABLE IF NOT EXISTS issues_fts USING fts5(id UNINDEXED, title, description,
                content='issues', content_rowid='rowid');
            """),
    ]

    /// 011–022; 015 and 016 fail on a fresh database with "duplicate column name" and are
    /// recorded without effect, as the desktop app does.
    static let upTo022: [(name: String, sql: String)] = tftsr + [
        ("011_create_integrations", """
            CREATE TABLE IF NOT EXISTS credentials (
                id TEXT PRIMARY KEY, service TEXT NOT NULL CHECK(service IN ('confluence','servicenow','azuredevops')),
                token_hash TEXT NOT NULL, encrypted_token TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')),
                expires_at TEXT, UNIQUE(service));
            CREATE TABLE IF NOT EXISTS integration_config (
                id TEXT PRIMARY KEY, service TEXT NOT NULL CHECK(service IN ('confluence','servicenow','azuredevops')),
                base_url TEXT NOT NULL, username TEXT, project_name TEXT, space_key TEXT,
                auto_create_enabled INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT (datetime('now')),
                UNIQUE(service));
            """),
        ("012_audit_hash_chain", """
            ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
            ALTER TABLE audit_log ADD COLUMN entry_hash TEXT NOT NULL DEFAULT '';
            """),
        ("013_image_attachments", """
            CREATE TABLE IF NOT EXISTS image_attachments (
                id TEXT PRIMARY KEY, issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
                file_name TEXT NOT NULL, file_path TEXT NOT NULL DEFAULT '', file_size INTEGER NOT NULL DEFAULT 0,
                mime_type TEXT NOT NULL DEFAULT 'image/png', upload_hash TEXT NOT NULL DEFAULT '',
                uploaded_at TEXT NOT NULL DEFAULT (datetime('now')), pii_warning_acknowledged INTEGER NOT NULL DEFAULT 1,
                is_paste INTEGER NOT NULL DEFAULT 0);
            """),
        ("014_create_ai_providers", """
            CREATE TABLE IF NOT EXISTS ai_providers (
                id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, provider_type TEXT NOT NULL, api_url TEXT NOT NULL,
                encrypted_api_key TEXT NOT NULL, model TEXT NOT NULL, max_tokens INTEGER, temperature REAL,
                custom_endpoint_path TEXT, custom_auth_header TEXT, custom_auth_prefix TEXT, api_format TEXT, user_id TEXT,
                use_datastore_upload INTEGER, created_at TEXT NOT NULL DEFAULT (datetime('now')),
                updated_at TEXT NOT NULL DEFAULT (datetime('now')));
            """),
        ("015_add_use_datastore_upload", ""),
        ("016_add_created_at", ""),
        ("017_create_timeline_events", """
            CREATE TABLE IF NOT EXISTS timeline_events (
                id TEXT PRIMARY KEY, issue_id TEXT NOT NULL, event_type TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
                metadata TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL,
                FOREIGN KEY(issue_id) REFERENCES issues(id) ON DELETE CASCADE);
            CREATE INDEX idx_timeline_events_issue ON timeline_events(issue_id);
            CREATE INDEX idx_timeline_events_time ON timeline_events(created_at);
            """),
        ("018_mcp_servers", """
            CREATE TABLE IF NOT EXISTS mcp_servers (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL,
                transport_type TEXT NOT NULL CHECK(transport_type IN ('stdio','http')),
                transport_config TEXT NOT NULL DEFAULT '{}',
                auth_type TEXT NOT NULL CHECK(auth_type IN ('none','api_key','bearer','oauth2')), auth_value TEXT,
                enabled INTEGER NOT NULL DEFAULT 1, last_discovered_at TEXT,
                discovery_status TEXT NOT NULL DEFAULT 'pending'
                    CHECK(discovery_status IN ('pending','connected','unreachable','error')),
                discovery_error TEXT, created_at TEXT NOT NULL DEFAULT (datetime('now')),
                updated_at TEXT NOT NULL DEFAULT (datetime('now')));
            CREATE TABLE IF NOT EXISTS mcp_tools (
                id TEXT PRIMARY KEY, server_id TEXT NOT NULL, name TEXT NOT NULL, tool_key TEXT NOT NULL, description TEXT,
                parameters TEXT NOT NULL DEFAULT '{}', FOREIGN KEY(server_id) REFERENCES mcp_servers(id) ON DELETE CASCADE);
            CREATE TABLE IF NOT EXISTS mcp_resources (
                id TEXT PRIMARY KEY, server_id TEXT NOT NULL, uri TEXT NOT NULL, name TEXT, description TEXT,
                FOREIGN KEY(server_id) REFERENCES mcp_servers(id) ON DELETE CASCADE);
            """),
        ("019_create_sudo_config", """
            CREATE TABLE IF NOT EXISTS sudo_config (
                id TEXT PRIMARY KEY, username TEXT NOT NULL DEFAULT '', encrypted_password TEXT NOT NULL,
                created_at TEXT NOT NULL DEFAULT (datetime('now')), updated_at TEXT NOT NULL DEFAULT (datetime('now')));
            """),
        ("020_add_log_content_compressed", "ALTER TABLE log_files ADD COLUMN content_compressed BLOB;"),
        ("021_add_image_data", "ALTER TABLE image_attachments ADD COLUMN image_data BLOB;"),
        ("022_attachment_views", """
            CREATE VIEW IF NOT EXISTS v_log_files_with_issue AS
                SELECT lf.id, lf.issue_id, lf.file_name, lf.file_path, lf.file_size, lf.mime_type, lf.content_hash,
                       lf.uploaded_at, lf.redacted, i.title AS issue_title
                FROM log_files lf INNER JOIN issues i ON i.id = lf.issue_id;
            CREATE VIEW IF NOT EXISTS v_image_attachments_with_issue AS
                SELECT ia.id, ia.issue_id, ia.file_name, ia.file_path, ia.file_size, ia.mime_type, ia.upload_hash,
                       ia.uploaded_at, ia.pii_warning_acknowledged, ia.is_paste, i.title AS issue_title
                FROM image_attachments ia INNER JOIN issues i ON i.id = ia.issue_id;
            """),
    ]

    /// 022 and some of what later desktop versions add (023: `mcp_servers.env_config`; shell,
    /// kube and database tools), which trcaa does not own.
    static let withLaterTables: [(name: String, sql: String)] = upTo022 + [
        ("023_add_mcp_env_config", "ALTER TABLE mcp_servers ADD COLUMN env_config TEXT;"),
        ("024_create_shell_sessions", """
            CREATE TABLE IF NOT EXISTS shell_sessions (
                id TEXT PRIMARY KEY, host TEXT NOT NULL, started_at TEXT NOT NULL DEFAULT (datetime('now')));
            """),
        ("031_create_kube_contexts", """
            CREATE TABLE IF NOT EXISTS kube_contexts (id TEXT PRIMARY KEY, name TEXT NOT NULL, cluster TEXT NOT NULL);
            """),
        ("038_create_database_connections", """
            CREATE TABLE IF NOT EXISTS database_connections (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, engine TEXT NOT NULL, encrypted_password TEXT);
            """),
    ]
}
