// The original app's migrations 001–011, with its names and schema
// (reference/trcaa-original.md §2.2). Tables use IF NOT EXISTS, as the original does, so a
// table that already exists (for instance an older ai_providers) is kept and upgraded later.

extension Migration {
    static let createIssues = Migration("001_create_issues", sql: """
        CREATE TABLE IF NOT EXISTS issues (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            severity TEXT NOT NULL DEFAULT 'medium',
            status TEXT NOT NULL DEFAULT 'open',
            category TEXT NOT NULL DEFAULT 'general',
            source TEXT NOT NULL DEFAULT 'manual',
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_at TEXT NOT NULL DEFAULT (datetime('now')),
            resolved_at TEXT,
            assigned_to TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]'
        );
        """)

    static let createLogFiles = Migration("002_create_log_files", sql: """
        CREATE TABLE IF NOT EXISTS log_files (
            id TEXT PRIMARY KEY,
            issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            file_name TEXT NOT NULL,
            file_path TEXT NOT NULL DEFAULT '',
            file_size INTEGER NOT NULL DEFAULT 0,
            mime_type TEXT NOT NULL DEFAULT 'text/plain',
            content_hash TEXT NOT NULL DEFAULT '',
            uploaded_at TEXT NOT NULL DEFAULT (datetime('now')),
            redacted INTEGER NOT NULL DEFAULT 0
        );
        """)

    static let createPIISpans = Migration("003_create_pii_spans", sql: """
        CREATE TABLE IF NOT EXISTS pii_spans (
            id TEXT PRIMARY KEY,
            log_file_id TEXT NOT NULL REFERENCES log_files(id) ON DELETE CASCADE,
            pii_type TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            original_value TEXT NOT NULL,
            replacement TEXT NOT NULL
        );
        """)

    static let createAIConversations = Migration("004_create_ai_conversations", sql: """
        CREATE TABLE IF NOT EXISTS ai_conversations (
            id TEXT PRIMARY KEY,
            issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            title TEXT NOT NULL DEFAULT 'Untitled'
        );
        """)

    static let createAIMessages = Migration("005_create_ai_messages", sql: """
        CREATE TABLE IF NOT EXISTS ai_messages (
            id TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL REFERENCES ai_conversations(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK(role IN ('system', 'user', 'assistant')),
            content TEXT NOT NULL,
            token_count INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        """)

    static let createResolutionSteps = Migration("006_create_resolution_steps", sql: """
        CREATE TABLE IF NOT EXISTS resolution_steps (
            id TEXT PRIMARY KEY,
            issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            step_order INTEGER NOT NULL DEFAULT 0,
            why_question TEXT NOT NULL DEFAULT '',
            answer TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        """)

    static let createDocuments = Migration("007_create_documents", sql: """
        CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY,
            issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            doc_type TEXT NOT NULL,
            title TEXT NOT NULL,
            content_md TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        """)

    static let createAuditLog = Migration("008_create_audit_log", sql: """
        CREATE TABLE IF NOT EXISTS audit_log (
            id TEXT PRIMARY KEY,
            timestamp TEXT NOT NULL DEFAULT (datetime('now')),
            action TEXT NOT NULL,
            entity_type TEXT NOT NULL DEFAULT '',
            entity_id TEXT NOT NULL DEFAULT '',
            user_id TEXT NOT NULL DEFAULT 'local',
            details TEXT NOT NULL DEFAULT '{}'
        );
        """)

    static let createSettings = Migration("009_create_settings", sql: """
        CREATE TABLE IF NOT EXISTS settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        """)

    /// External-content FTS5 over issues. The original never filled it; `100_issues_fts_sync`
    /// adds the triggers and the initial rebuild.
    static let issuesFTS = Migration("010_issues_fts", sql: """
        CREATE VIRTUAL TABLE IF NOT EXISTS issues_fts USING fts5(
            id UNINDEXED, title, description, content='issues', content_rowid='rowid'
        );
        """)

    static let createIntegrations = Migration("011_create_integrations", sql: """
        CREATE TABLE IF NOT EXISTS credentials (
            id TEXT PRIMARY KEY,
            service TEXT NOT NULL CHECK(service IN ('confluence', 'servicenow', 'azuredevops')),
            token_hash TEXT NOT NULL,
            encrypted_token TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            expires_at TEXT,
            UNIQUE(service)
        );
        CREATE TABLE IF NOT EXISTS integration_config (
            id TEXT PRIMARY KEY,
            service TEXT NOT NULL CHECK(service IN ('confluence', 'servicenow', 'azuredevops')),
            base_url TEXT NOT NULL,
            username TEXT,
            project_name TEXT,
            space_key TEXT,
            auto_create_enabled INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL DEFAULT (datetime('now')),
            UNIQUE(service)
        );
        """)
}
