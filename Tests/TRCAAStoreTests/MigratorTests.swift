import Testing
import TestSupport
@testable import TRCAAStore

@Suite struct MigratorTests {
    let fixture = StoreFixture()

    @Test func theSQLCipherStoreHasABodyForEveryMigrationOfTheCatalogueInItsOrder() {
        #expect(Migrator.trcaa.migrations.map(\.name) == MigrationNames.all)
    }

    @Test func theOriginalTwentyTwoMigrationsComeFirstWithTheirNames() {
        #expect(MigrationNames.original == [
            "001_create_issues", "002_create_log_files", "003_create_pii_spans", "004_create_ai_conversations",
            "005_create_ai_messages", "006_create_resolution_steps", "007_create_documents", "008_create_audit_log",
            "009_create_settings", "010_issues_fts", "011_create_integrations", "012_audit_hash_chain",
            "013_image_attachments", "014_create_ai_providers", "015_add_use_datastore_upload", "016_add_created_at",
            "017_create_timeline_events", "018_mcp_servers", "019_create_sudo_config",
            "020_add_log_content_compressed", "021_add_image_data", "022_attachment_views",
        ])
        #expect(MigrationNames.all.prefix(22).elementsEqual(MigrationNames.original))
        #expect(MigrationNames.all.dropFirst(22).allSatisfy { $0.hasPrefix("1") })
    }

    @Test func aMigrationThatFailsHalfWayLeavesNeitherItsObjectsNorItsRow() throws {
        let db = try fixture.open()
        let migrator = Migrator([
            Migration("001_first", sql: "CREATE TABLE first (x)"),
            Migration("002_breaks", sql: "CREATE TABLE half (x); INSERT INTO half VALUES (1); INSERT INTO nowhere VALUES (1);"),
            Migration("003_never", sql: "CREATE TABLE never (x)"),
        ], trackingTable: Migrator.trcaa.trackingTable)
        #expect {
            try migrator.migrate(db)
        } throws: { error in
            guard case StoreError.migrationFailed(let name, let failure) = error else { return false }
            return name == "002_breaks" && failure.message.contains("no such table: nowhere")
        }
        #expect(try migrator.appliedMigrations(in: db).map(\.name) == ["001_first"])
        #expect(try db.schemaObjectExists("first", type: .table))
        #expect(try !db.schemaObjectExists("half", type: .table))
        #expect(try !db.schemaObjectExists("never", type: .table))
        #expect(!db.isInTransaction)
    }

    @Test func unknownLaterMigrationsAreToleratedAndReported() throws {
        let db = try fixture.openMigrated()
        try db.execute("INSERT INTO _migrations (name) VALUES ('023_add_mcp_env_config'), ('042_future')")
        let report = try Migrator.trcaa.migrate(db)
        #expect(report.applied.isEmpty)
        #expect(report.unknown == ["023_add_mcp_env_config", "042_future"])
        #expect(try db.info().unknownMigrations == ["023_add_mcp_env_config", "042_future"])
    }

    @Test(.sqlcipherOnly) func aPreExistingAutoincrementTrackingTableIsAccepted() throws {
        let db = try fixture.open()
        try db.execute("""
            CREATE TABLE _migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,
                                      applied_at TEXT NOT NULL DEFAULT (datetime('now')))
            """)
        #expect(try Migrator.trcaa.migrate(db).applied.count == Migrator.trcaa.migrations.count)
    }

    @Test(.sqlcipherOnly) func addCreatedAtRebuildsAPopulatedTableKeepingItsRows() throws {
        let db = try fixture.open()
        try db.execute("""
            CREATE TABLE ai_providers (
                id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, provider_type TEXT NOT NULL, api_url TEXT NOT NULL,
                encrypted_api_key TEXT NOT NULL, model TEXT NOT NULL, legacy_note TEXT DEFAULT 'kept',
                updated_at TEXT NOT NULL DEFAULT (datetime('now'))
            );
            CREATE INDEX idx_ai_providers_model ON ai_providers(model);
            INSERT INTO ai_providers (id, name, provider_type, api_url, encrypted_api_key, model, legacy_note)
            VALUES ('p-1', 'Ollama', 'ollama', 'http://localhost:11434', 'e1', 'llama3', 'one'),
                   ('p-2', 'OpenAI', 'openai', 'https://api.openai.com', 'e2', 'gpt-4o', 'two');
            """)
        // SQLite itself refuses the original's ALTER on a populated table:
        #expect(throws: StoreError.self) {
            try db.execute("ALTER TABLE ai_providers ADD COLUMN created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))")
        }
        try Migrator.trcaa.migrate(db)

        let rows = try db.rows("SELECT id, name, legacy_note, use_datastore_upload, created_at FROM ai_providers ORDER BY id")
        #expect(rows.map { $0.values.prefix(4) } == [
            [.text("p-1"), .text("Ollama"), .text("one"), .integer(0)],
            [.text("p-2"), .text("OpenAI"), .text("two"), .integer(0)],
        ])
        #expect(try rows.allSatisfy { try $0.decode("created_at", as: String.self).count == 19 })
        #expect(try db.schemaObjectExists("idx_ai_providers_model", type: .index))
        #expect(try !db.schemaObjectExists("ai_providers_trcaa_rebuild", type: .table))
        // The default still applies to new rows, and the UNIQUE constraint survived.
        try db.execute("INSERT INTO ai_providers (id, name, provider_type, api_url, encrypted_api_key, model) VALUES ('p-3', 'c', 't', 'u', 'k', 'm')")
        #expect(try db.scalar("SELECT length(created_at) FROM ai_providers WHERE id = 'p-3'", as: Int.self) == 19)
        #expect(throws: StoreError.self) {
            try db.execute("INSERT INTO ai_providers (id, name, provider_type, api_url, encrypted_api_key, model) VALUES ('p-4', 'c', 't', 'u', 'k', 'm')")
        }
        #expect(try db.checkIntegrity().isHealthy)
    }

    @Test func rebuildPlacesTheNewColumnBeforeTableConstraints() throws {
        let body = try TableRebuild.definitionBody(
            "CREATE TABLE t (a TEXT DEFAULT 'x,y', b INTEGER CHECK (b IN (1, 2)), UNIQUE(a, b))", adding: "c TEXT")
        #expect(body == "(\n    a TEXT DEFAULT 'x,y',\n    b INTEGER CHECK (b IN (1, 2)),\n    c TEXT,\n    UNIQUE(a, b)\n)")
    }

    @Test(.sqlcipherOnly) func theFullTextIndexFollowsInsertsUpdatesAndDeletes() throws {
        let db = try fixture.openMigrated()
        try db.execute("INSERT INTO issues (id, title, description) VALUES ('i-1', 'Database connection timeout', 'pool exhausted')")
        func matches(_ query: String) throws -> [String] {
            try db.rows("SELECT id FROM issues_fts WHERE issues_fts MATCH ?", [.text(query)]).map { try $0.decode(at: 0) }
        }
        #expect(try matches("timeout") == ["i-1"])
        try db.execute("UPDATE issues SET title = 'DNS resolution failure' WHERE id = 'i-1'")
        #expect(try matches("timeout").isEmpty)
        #expect(try matches("dns") == ["i-1"])
        #expect(try matches("pool") == ["i-1"])
        try db.execute("DELETE FROM issues WHERE id = 'i-1'")
        #expect(try matches("dns").isEmpty)
        try db.execute("INSERT INTO issues_fts(issues_fts) VALUES ('integrity-check')")
    }

    @Test(.sqlcipherOnly) func issuesOfADatabaseWithoutTheSyncTriggersAreIndexedByTheRebuild() throws {
        let db = try fixture.open()
        let upTo022 = Migrator.trcaa.filter { MigrationNames.original.contains($0.name) }
        try upTo022.migrate(db)
        try db.execute("INSERT INTO issues (id, title) VALUES ('old-1', 'Kernel panic on boot')")
        try Migrator.trcaa.migrate(db)
        #expect(try db.scalar("SELECT id FROM issues_fts WHERE issues_fts MATCH 'panic'", as: String.self) == "old-1")
    }
}

extension MigratorTests {
    /// The original app hashes its audit rows but records no head; migration 106 adopts the end
    /// of such a chain, and counts the entries up to a head recorded before counts were kept.
    @Test(.sqlcipherOnly) func theAuditChainHeadIsAdoptedOrCounted() throws {
        let db = try fixture.open()
        let beforeHead = Migrator.trcaa.filter { $0.name != "106_audit_chain_head" }
        try beforeHead.migrate(db)
        try db.execute("""
            INSERT INTO audit_log (id, timestamp, action, entity_type, entity_id, user_id, details, prev_hash, entry_hash)
            VALUES ('a1', '2025-01-15 10:00:00', 'create_issue', 'issue', 'i', 'u', '{}', '', 'h1'),
                   ('a2', '2025-01-15 10:00:05', 'update_issue', 'issue', 'i', 'u', '{}', 'h1', 'h2'),
                   ('a0', '2024-01-01 00:00:00', 'legacy', 'issue', 'i', 'u', '{}', '', '')
            """)
        try Migrator.trcaa.migrate(db)
        let head = "SELECT value FROM settings WHERE key = 'audit_chain_head'"
        #expect(try db.scalar(head, as: String.self) == #"{"id":"a2","entry_hash":"h2","count":2}"#)

        try db.execute("""
            UPDATE settings SET value = '{"id":"a1","entry_hash":"h1"}' WHERE key = 'audit_chain_head';
            DELETE FROM _migrations WHERE name = '106_audit_chain_head';
            """)
        try Migrator.trcaa.migrate(db)
        #expect(try db.scalar(head, as: String.self) == #"{"id":"a1","entry_hash":"h1","count":1}"#)
    }

    @Test func aNewStoreStartsWithAnEmptyHead() throws {
        let db = try fixture.openMigrated()
        #expect(try db.scalar("SELECT value FROM settings WHERE key = 'audit_chain_head'", as: String.self)
            == #"{"id":"","entry_hash":"","count":0}"#)
    }
}
