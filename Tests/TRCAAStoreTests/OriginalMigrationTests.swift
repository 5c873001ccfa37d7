import Testing
import TestSupport
@testable import TRCAAStore

/// The original app's migration tests (reference/trcaa-original.md §13, tests 1–28), run on
/// real encrypted files instead of an in-memory plain database.
@Suite struct OriginalMigrationTests {
    let fixture = StoreFixture()

    private func migrated() throws -> Database { try fixture.openMigrated() }

    private func expectColumns(_ table: String, _ expected: [String], in db: Database,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let columns = try db.columns(of: table)
        for column in expected {
            #expect(columns.contains(column), "\(table) lacks \(column)", sourceLocation: sourceLocation)
        }
    }

    private func recordCount(_ name: String, in db: Database) throws -> Int? {
        try db.scalar("SELECT count(*) FROM _migrations WHERE name = ?", [.text(name)], as: Int.self)
    }

    // 1
    @Test func createsImageAttachmentsTable() throws {
        try expectColumns("image_attachments", ["id", "issue_id", "file_name", "file_path", "file_size", "mime_type",
                                                "upload_hash", "uploaded_at", "pii_warning_acknowledged", "is_paste"],
                          in: try migrated())
    }

    // 2
    @Test func createsIntegrationConfigTable() throws {
        try expectColumns("integration_config", ["id", "service", "base_url", "username", "project_name", "space_key",
                                                 "auto_create_enabled", "updated_at"], in: try migrated())
    }

    // 3
    @Test func storesAndRetrievesACredential() throws {
        let db = try migrated()
        try db.execute("""
            INSERT INTO credentials (id, service, token_hash, encrypted_token, created_at)
            VALUES ('c-1', 'confluence', 'hash-1', 'enc-1', '2025-01-15 10:00:00')
            """)
        let row = try #require(try db.row("SELECT service, token_hash FROM credentials WHERE service = 'confluence'"))
        #expect(row.values == [.text("confluence"), .text("hash-1")])
    }

    // 4
    @Test func storesAndRetrievesAnIntegrationConfig() throws {
        let db = try migrated()
        try db.execute("""
            INSERT INTO integration_config (id, service, base_url, space_key, auto_create_enabled, updated_at)
            VALUES ('ic-1', 'confluence', 'https://example.atlassian.net', 'DEV', 1, '2025-01-15 10:00:00')
            """)
        let row = try #require(try db.row(
            "SELECT service, base_url, space_key, auto_create_enabled FROM integration_config"))
        #expect(row.values == [.text("confluence"), .text("https://example.atlassian.net"), .text("DEV"), .integer(1)])
    }

    // 5
    @Test func allowsOneCredentialPerService() throws {
        let db = try migrated()
        try db.execute("INSERT INTO credentials (id, service, token_hash, encrypted_token) VALUES ('a', 'servicenow', 'h', 'e')")
        #expect(throws: StoreError.self) {
            try db.execute("INSERT INTO credentials (id, service, token_hash, encrypted_token) VALUES ('b', 'servicenow', 'h', 'e')")
        }
    }

    // 6
    @Test func tracksEachMigrationOnce() throws {
        #expect(try recordCount("011_create_integrations", in: try migrated()) == 1)
    }

    // 7
    @Test func runningTwiceChangesNothing() throws {
        let db = try migrated()
        let schemaBefore = try db.rows("SELECT type, name, sql FROM sqlite_master ORDER BY name")
        let second = try Migrator.trcaa.migrate(db)
        #expect(second.applied.isEmpty)
        #expect(try recordCount("011_create_integrations", in: db) == 1)
        #expect(try db.rows("SELECT type, name, sql FROM sqlite_master ORDER BY name") == schemaBefore)
        let reopened = try fixture.open()
        #expect(try Migrator.trcaa.migrate(reopened).applied.isEmpty)
    }

    // 8
    @Test func storesAndRetrievesAnImageAttachment() throws {
        let db = try migrated()
        try db.execute("""
            INSERT INTO issues (id, title, description, severity, status, category, source, created_at, updated_at,
                                resolved_at, assigned_to, tags)
            VALUES ('i-1', 'Test', 'd', 'P2', 'open', 'test', 'manual', '2025-01-15 10:00:00', '2025-01-15 10:00:00',
                    NULL, '', '[]')
            """)
        try db.execute("""
            INSERT INTO image_attachments (id, issue_id, file_name, file_path, file_size, mime_type, upload_hash,
                                           uploaded_at, pii_warning_acknowledged, is_paste)
            VALUES ('img-1', 'i-1', 'shot.png', '/tmp/shot.png', 102400, 'image/png', 'abc', '2025-01-15 10:00:00', 1, 0)
            """)
        let row = try #require(try db.row("SELECT id, issue_id, file_name, mime_type, is_paste FROM image_attachments"))
        #expect(row.values == [.text("img-1"), .text("i-1"), .text("shot.png"), .text("image/png"), .integer(0)])
    }

    // 9
    @Test func createsAIProvidersTable() throws {
        try expectColumns("ai_providers", ["id", "name", "provider_type", "api_url", "encrypted_api_key", "model",
                                           "max_tokens", "temperature", "custom_endpoint_path", "custom_auth_header",
                                           "custom_auth_prefix", "api_format", "user_id", "use_datastore_upload",
                                           "created_at", "updated_at"], in: try migrated())
    }

    // 10
    @Test func storesAnAIProviderWithOnlyTheRequiredColumns() throws {
        let db = try migrated()
        try db.execute("""
            INSERT INTO ai_providers (id, name, provider_type, api_url, encrypted_api_key, model)
            VALUES ('p-1', 'My OpenAI', 'openai', 'https://api.openai.com/v1', 'enc', 'gpt-4o')
            """)
        let row = try #require(try db.row("SELECT name, provider_type, model FROM ai_providers WHERE id = 'p-1'"))
        #expect(row.values == [.text("My OpenAI"), .text("openai"), .text("gpt-4o")])
    }

    // 11
    @Test(.sqlcipherOnly) func addsMissingColumnsToAnExistingTable() throws {
        let db = try fixture.open()
        try db.execute("""
            CREATE TABLE ai_providers (
                id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, provider_type TEXT NOT NULL, api_url TEXT NOT NULL,
                encrypted_api_key TEXT NOT NULL, model TEXT NOT NULL, updated_at TEXT NOT NULL DEFAULT (datetime('now'))
            )
            """)
        try Migrator.trcaa.migrate(db)
        try expectColumns("ai_providers", ["use_datastore_upload", "created_at"], in: db)
        try db.execute("""
            INSERT INTO ai_providers (id, name, provider_type, api_url, encrypted_api_key, model)
            VALUES ('p', 'n', 't', 'u', 'k', 'm')
            """)
        let row = try #require(try db.row("SELECT use_datastore_upload, created_at FROM ai_providers"))
        #expect(row[0] == .integer(0))
        #expect(try row.decode("created_at", as: String.self).count == 19)
    }

    // 12
    @Test(.sqlcipherOnly) func toleratesColumnsThatAlreadyExist() throws {
        let db = try fixture.open()
        try db.execute("""
            CREATE TABLE ai_providers (
                id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, provider_type TEXT NOT NULL, api_url TEXT NOT NULL,
                encrypted_api_key TEXT NOT NULL, model TEXT NOT NULL, use_datastore_upload INTEGER DEFAULT 0,
                created_at TEXT NOT NULL DEFAULT (datetime('now'))
            )
            """)
        let report = try Migrator.trcaa.migrate(db)
        #expect(report.applied.contains("015_add_use_datastore_upload"))
        #expect(report.applied.contains("016_add_created_at"))
    }

    // 13
    @Test func createsTimelineEventsTable() throws {
        try expectColumns("timeline_events", ["id", "issue_id", "event_type", "description", "metadata", "created_at"],
                          in: try migrated())
    }

    // 14
    @Test func timelineEventsGoWithTheirIssue() throws {
        let db = try migrated()
        try db.execute("PRAGMA foreign_keys = ON")
        try db.execute("""
            INSERT INTO issues (id, title, created_at, updated_at) VALUES ('i-1', 'T', '2025-01-15 10:00:00', '2025-01-15 10:00:00');
            INSERT INTO timeline_events (id, issue_id, event_type, created_at)
            VALUES ('e-1', 'i-1', 'triage_started', '2025-01-15 10:00:00 UTC');
            """)
        #expect(try db.scalar("SELECT count(*) FROM timeline_events", as: Int.self) == 1)
        try db.execute("DELETE FROM issues WHERE id = 'i-1'")
        #expect(try db.scalar("SELECT count(*) FROM timeline_events", as: Int.self) == 0)
    }

    // 15
    @Test func indexesTimelineEvents() throws {
        let db = try migrated()
        let indexes = try db.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'timeline_events'")
            .map { try $0.decode(at: 0, as: String.self) }
        #expect(indexes.contains("idx_timeline_events_issue"))
        #expect(indexes.contains("idx_timeline_events_time"))
    }

    // 16
    @Test func createsTheMCPTables() throws {
        let db = try migrated()
        try expectColumns("mcp_servers", ["id", "name", "url", "transport_type", "transport_config", "auth_type",
                                          "auth_value", "enabled", "last_discovered_at", "discovery_status",
                                          "discovery_error", "created_at", "updated_at"], in: db)
        try expectColumns("mcp_tools", ["id", "server_id", "name", "tool_key", "description", "parameters"], in: db)
        try expectColumns("mcp_resources", ["id", "server_id", "uri", "name", "description"], in: db)
    }

    // 17
    @Test func mcpServersCheckTheirEnumerations() throws {
        let db = try migrated()
        try db.execute("INSERT INTO mcp_servers (id, name, url, transport_type, auth_type) VALUES ('s', 'n', 'u', 'http', 'none')")
        for values in ["('a', 'n', 'u', 'websocket', 'none', 'pending')", "('b', 'n', 'u', 'http', 'password', 'pending')",
                       "('c', 'n', 'u', 'http', 'none', 'unknown')"] {
            #expect(throws: StoreError.self) {
                try db.execute("INSERT INTO mcp_servers (id, name, url, transport_type, auth_type, discovery_status) VALUES \(values)")
            }
        }
    }

    // 18, 19
    @Test(arguments: ["mcp_tools", "mcp_resources"])
    func deletingAnMCPServerRemovesItsChildren(table: String) throws {
        let db = try migrated()
        try db.execute("INSERT INTO mcp_servers (id, name, url, transport_type, auth_type) VALUES ('s', 'n', 'u', 'stdio', 'none')")
        if table == "mcp_tools" {
            try db.execute("INSERT INTO mcp_tools (id, server_id, name, tool_key) VALUES ('t', 's', 'n', 'k')")
        } else {
            try db.execute("INSERT INTO mcp_resources (id, server_id, uri) VALUES ('r', 's', 'file:///x')")
        }
        try db.execute("DELETE FROM mcp_servers WHERE id = 's'")
        #expect(try db.scalar("SELECT count(*) FROM \(table)", as: Int.self) == 0)
    }

    // 20, 23, 28
    @Test(arguments: ["018_mcp_servers", "019_create_sudo_config", "020_add_log_content_compressed",
                      "021_add_image_data", "022_attachment_views"])
    func aDoubleRunRecordsEachMigrationOnce(name: String) throws {
        let db = try migrated()
        try Migrator.trcaa.migrate(db)
        #expect(try recordCount(name, in: db) == 1)
        for table in ["mcp_servers", "mcp_tools", "mcp_resources", "sudo_config"] {
            #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = ?", [.text(table)], as: Int.self) == 1)
        }
    }

    // 21, 22
    @Test func createsSudoConfig() throws {
        try expectColumns("sudo_config", ["id", "username", "encrypted_password", "created_at", "updated_at"],
                          in: try migrated())
    }

    // 24, 25
    @Test func addsTheBlobColumns() throws {
        let db = try migrated()
        try expectColumns("log_files", ["content_compressed"], in: db)
        try expectColumns("image_attachments", ["image_data"], in: db)
    }

    // 26
    @Test func createsTheAttachmentViews() throws {
        let db = try migrated()
        #expect(try db.schemaObjectExists("v_log_files_with_issue", type: .view))
        #expect(try db.schemaObjectExists("v_image_attachments_with_issue", type: .view))
    }

    // 27
    @Test func attachmentViewsJoinTheIssueTitle() throws {
        let db = try migrated()
        try db.execute("""
            INSERT INTO issues (id, title) VALUES ('i-1', 'Disk Full Alert');
            INSERT INTO log_files (id, issue_id, file_name, file_path, uploaded_at)
            VALUES ('lf-1', 'i-1', 'syslog', '/var/log/syslog', '2025-01-15 10:00:00');
            """)
        #expect(try db.scalar("SELECT issue_title FROM v_log_files_with_issue WHERE id = 'lf-1'", as: String.self)
                == "Disk Full Alert")
    }
}
