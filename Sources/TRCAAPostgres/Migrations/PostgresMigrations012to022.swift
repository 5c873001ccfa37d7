import TRCAAStore

// The original app's migrations 012–022 in PostgreSQL 15 (SQLite bodies:
// TRCAAStore/SQLCipher/Migrations/Migrations012to022.swift). Column additions say
// `ADD COLUMN IF NOT EXISTS` where SQLite's bodies look the column up first.

extension PostgresMigrations {
    static let auditHashChain = Migration("012_audit_hash_chain", sql: """
        ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS prev_hash text NOT NULL DEFAULT '';
        ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS entry_hash text NOT NULL DEFAULT '';
        """)

    static let imageAttachments = Migration("013_image_attachments", sql: """
        CREATE TABLE IF NOT EXISTS image_attachments (
            id text COLLATE "C" PRIMARY KEY,
            issue_id text COLLATE "C" NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            file_name text NOT NULL,
            file_path text NOT NULL DEFAULT '',
            file_size bigint NOT NULL DEFAULT 0,
            mime_type text NOT NULL DEFAULT 'image/png',
            upload_hash text NOT NULL DEFAULT '',
            uploaded_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow)),
            pii_warning_acknowledged bigint NOT NULL DEFAULT 1,
            is_paste bigint NOT NULL DEFAULT 0
        );
        """)

    static let createAIProviders = Migration("014_create_ai_providers", sql: """
        CREATE TABLE IF NOT EXISTS ai_providers (
            id text COLLATE "C" PRIMARY KEY,
            name text NOT NULL UNIQUE,
            provider_type text NOT NULL,
            api_url text NOT NULL,
            encrypted_api_key text NOT NULL,
            model text NOT NULL,
            max_tokens bigint,
            temperature double precision,
            custom_endpoint_path text,
            custom_auth_header text,
            custom_auth_prefix text,
            api_format text,
            user_id text COLLATE "C",
            use_datastore_upload bigint,
            created_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow)),
            updated_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow))
        );
        """)

    static let addUseDatastoreUpload = Migration("015_add_use_datastore_upload", sql: """
        ALTER TABLE ai_providers ADD COLUMN IF NOT EXISTS use_datastore_upload bigint DEFAULT 0;
        """)

    /// SQLite's body rebuilds a populated table to add the column; PostgreSQL adds a column
    /// with a volatile default to a populated table as it is.
    static let addCreatedAt = Migration("016_add_created_at", sql: """
        ALTER TABLE ai_providers ADD COLUMN IF NOT EXISTS created_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow));
        """)

    static let createTimelineEvents = Migration("017_create_timeline_events", sql: """
        CREATE TABLE IF NOT EXISTS timeline_events (
            id text COLLATE "C" PRIMARY KEY,
            issue_id text COLLATE "C" NOT NULL,
            event_type text NOT NULL,
            description text NOT NULL DEFAULT '',
            metadata text NOT NULL DEFAULT '{}',
            created_at text COLLATE "C" NOT NULL,
            FOREIGN KEY (issue_id) REFERENCES issues(id) ON DELETE CASCADE
        );
        CREATE INDEX IF NOT EXISTS idx_timeline_events_issue ON timeline_events(issue_id);
        CREATE INDEX IF NOT EXISTS idx_timeline_events_time ON timeline_events(created_at);
        """)

    static let mcpServers = Migration("018_mcp_servers", sql: """
        CREATE TABLE IF NOT EXISTS mcp_servers (
            id text COLLATE "C" PRIMARY KEY,
            name text NOT NULL,
            url text NOT NULL,
            transport_type text NOT NULL CHECK (transport_type IN ('stdio', 'http')),
            transport_config text NOT NULL DEFAULT '{}',
            auth_type text NOT NULL CHECK (auth_type IN ('none', 'api_key', 'bearer', 'oauth2')),
            auth_value text,
            enabled bigint NOT NULL DEFAULT 1,
            last_discovered_at text COLLATE "C",
            discovery_status text NOT NULL DEFAULT 'pending'
                CHECK (discovery_status IN ('pending', 'connected', 'unreachable', 'error')),
            discovery_error text,
            created_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow)),
            updated_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow))
        );
        CREATE TABLE IF NOT EXISTS mcp_tools (
            id text COLLATE "C" PRIMARY KEY,
            server_id text COLLATE "C" NOT NULL,
            name text NOT NULL,
            tool_key text NOT NULL,
            description text,
            parameters text NOT NULL DEFAULT '{}',
            FOREIGN KEY (server_id) REFERENCES mcp_servers(id) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS mcp_resources (
            id text COLLATE "C" PRIMARY KEY,
            server_id text COLLATE "C" NOT NULL,
            uri text NOT NULL,
            name text,
            description text,
            FOREIGN KEY (server_id) REFERENCES mcp_servers(id) ON DELETE CASCADE
        );
        """)

    static let createSudoConfig = Migration("019_create_sudo_config", sql: """
        CREATE TABLE IF NOT EXISTS sudo_config (
            id text COLLATE "C" PRIMARY KEY,
            username text NOT NULL DEFAULT '',
            encrypted_password text NOT NULL,
            created_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow)),
            updated_at text COLLATE "C" NOT NULL DEFAULT (\(utcNow))
        );
        """)

    /// Stored out of line and uncompressed (the text is gzip already), so that a read of a
    /// range (`substring`) fetches only the chunks it needs.
    static let addLogContentCompressed = Migration("020_add_log_content_compressed", sql: """
        ALTER TABLE log_files ADD COLUMN IF NOT EXISTS content_compressed bytea;
        ALTER TABLE log_files ALTER COLUMN content_compressed SET STORAGE EXTERNAL;
        """)

    static let addImageData = Migration("021_add_image_data", sql: """
        ALTER TABLE image_attachments ADD COLUMN IF NOT EXISTS image_data bytea;
        ALTER TABLE image_attachments ALTER COLUMN image_data SET STORAGE EXTERNAL;
        """)

    /// SQLite's views, replaced when they exist.
    static let attachmentViews = shared("022_attachment_views",
                                        replacing: [("CREATE VIEW IF NOT EXISTS", "CREATE OR REPLACE VIEW")])
}
