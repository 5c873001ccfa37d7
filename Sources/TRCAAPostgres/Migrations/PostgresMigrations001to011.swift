import TRCAAStore

// The original app's migrations 001–011 in PostgreSQL 15 (the SQLite bodies are in
// TRCAAStore/SQLCipher/Migrations/Migrations001to011.swift; the translation rules are in
// PostgresMigrations.swift).

extension PostgresMigrations {
    static let createIssues = Migration("001_create_issues", sql: """
        CREATE TABLE IF NOT EXISTS issues (
            id text COLLATE "C" PRIMARY KEY,
            title text NOT NULL,
            description text NOT NULL DEFAULT '',
            severity text NOT NULL DEFAULT 'medium',
            status text NOT NULL DEFAULT 'open',
            category text NOT NULL DEFAULT 'general',
            source text NOT NULL DEFAULT 'manual',
            created_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow)),
            updated_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow)),
            resolved_at text COLLATE "C",
            assigned_to text NOT NULL DEFAULT '',
            tags text NOT NULL DEFAULT '[]'
        );
        """)

    static let createLogFiles = Migration("002_create_log_files", sql: """
        CREATE TABLE IF NOT EXISTS log_files (
            id text COLLATE "C" PRIMARY KEY,
            issue_id text COLLATE "C" NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            file_name text NOT NULL,
            file_path text NOT NULL DEFAULT '',
            file_size bigint NOT NULL DEFAULT 0,
            mime_type text NOT NULL DEFAULT 'text/plain',
            content_hash text NOT NULL DEFAULT '',
            uploaded_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow)),
            redacted bigint NOT NULL DEFAULT 0
        );
        """)

    static let createPIISpans = Migration("003_create_pii_spans", sql: """
        CREATE TABLE IF NOT EXISTS pii_spans (
            id text COLLATE "C" PRIMARY KEY,
            log_file_id text COLLATE "C" NOT NULL REFERENCES log_files(id) ON DELETE CASCADE,
            pii_type text NOT NULL,
            start_offset bigint NOT NULL,
            end_offset bigint NOT NULL,
            original_value text NOT NULL,
            replacement text NOT NULL
        );
        """)

    static let createAIConversations = Migration("004_create_ai_conversations", sql: """
        CREATE TABLE IF NOT EXISTS ai_conversations (
            id text COLLATE "C" PRIMARY KEY,
            issue_id text COLLATE "C" NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            provider text NOT NULL,
            model text NOT NULL,
            created_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow)),
            title text NOT NULL DEFAULT 'Untitled'
        );
        """)

    static let createAIMessages = Migration("005_create_ai_messages", sql: """
        CREATE TABLE IF NOT EXISTS ai_messages (
            id text COLLATE "C" PRIMARY KEY,
            conversation_id text COLLATE "C" NOT NULL REFERENCES ai_conversations(id) ON DELETE CASCADE,
            role text NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
            content text NOT NULL,
            token_count bigint NOT NULL DEFAULT 0,
            created_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow))
        );
        """)

    static let createResolutionSteps = Migration("006_create_resolution_steps", sql: """
        CREATE TABLE IF NOT EXISTS resolution_steps (
            id text COLLATE "C" PRIMARY KEY,
            issue_id text COLLATE "C" NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            step_order bigint NOT NULL DEFAULT 0,
            why_question text NOT NULL DEFAULT '',
            answer text NOT NULL DEFAULT '',
            evidence text NOT NULL DEFAULT '',
            created_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow))
        );
        """)

    static let createDocuments = Migration("007_create_documents", sql: """
        CREATE TABLE IF NOT EXISTS documents (
            id text COLLATE "C" PRIMARY KEY,
            issue_id text COLLATE "C" NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            doc_type text NOT NULL,
            title text NOT NULL,
            content_md text NOT NULL,
            created_at bigint NOT NULL,
            updated_at bigint NOT NULL
        );
        """)

    static let createAuditLog = Migration("008_create_audit_log", sql: """
        CREATE TABLE IF NOT EXISTS audit_log (
            id text COLLATE "C" PRIMARY KEY,
            timestamp text COLLATE "C" NOT NULL DEFAULT (\(utcNow)),
            action text NOT NULL,
            entity_type text NOT NULL DEFAULT '',
            entity_id text COLLATE "C" NOT NULL DEFAULT '',
            user_id text COLLATE "C" NOT NULL DEFAULT 'local',
            details text NOT NULL DEFAULT '{}'
        );
        """)

    static let createSettings = Migration("009_create_settings", sql: """
        CREATE TABLE IF NOT EXISTS settings (
            key text COLLATE "C" PRIMARY KEY,
            value text NOT NULL DEFAULT '',
            updated_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow))
        );
        """)

    static let createIntegrations = Migration("011_create_integrations", sql: """
        CREATE TABLE IF NOT EXISTS credentials (
            id text COLLATE "C" PRIMARY KEY,
            service text NOT NULL CHECK (service IN ('confluence', 'servicenow', 'azuredevops')),
            token_hash text NOT NULL,
            encrypted_token text NOT NULL,
            created_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow)),
            expires_at text COLLATE "C",
            UNIQUE (service)
        );
        CREATE TABLE IF NOT EXISTS integration_config (
            id text COLLATE "C" PRIMARY KEY,
            service text NOT NULL CHECK (service IN ('confluence', 'servicenow', 'azuredevops')),
            base_url text NOT NULL,
            username text,
            project_name text,
            space_key text,
            auto_create_enabled bigint NOT NULL DEFAULT 0,
            updated_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow)),
            UNIQUE (service)
        );
        """)
}
