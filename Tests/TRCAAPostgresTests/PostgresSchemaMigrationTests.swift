import Testing
import TestSupport
import TRCAAPostgres
import TRCAAStore

/// The PostgreSQL bodies applied to a real server, as `Migrator` applies them.
@Suite(.needsPostgres)
struct PostgresSchemaMigrationTests {
    @Test func everyBodyAppliesInItsOwnTransactionAndApplyingTwiceChangesNothing() throws {
        let db = try PostgresSchemaDatabase()
        #expect(try db.migrate() == MigrationNames.all)
        let rows = try db.migrationRows()
        #expect(rows.map { $0.split(separator: "|")[1] } == MigrationNames.all.map { Substring($0) })
        let time = try Regex(#"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"#)
        #expect(rows.allSatisfy { $0.split(separator: "|")[2].wholeMatch(of: time) != nil }, "\(rows)")
        let schema = try db.schemaDump()

        #expect(try db.migrate().isEmpty)
        #expect(try db.migrationRows() == rows)
        #expect(try db.schemaDump() == schema)

        // Each body once more, as if its row were missing: the same schema again.
        for migration in PostgresMigrations.all { try db.psql(migration.script ?? "") }
        #expect(try db.schemaDump() == schema)
        #expect(try db.migrationRows() == rows)
    }

    /// 106 adopts the end of a chain written before it, in the JSON text SQLite's json_object writes.
    @Test func theAuditChainHeadIsAdoptedAsSQLiteAdoptsIt() throws {
        let db = try PostgresSchemaDatabase()
        try db.migrate(PostgresMigrations.migrator.migrations.filter { $0.name < "106" })
        try db.psql("""
            INSERT INTO audit_log (id, timestamp, action, entity_type, entity_id, user_id, details, prev_hash, entry_hash)
            VALUES ('a1', '2025-01-15 10:00:00', 'create_issue', 'issue', 'i', 'u', '{}', '', 'h1'),
                   ('a2', '2025-01-15 10:00:05', 'update_issue', 'issue', 'i', 'u', '{}', 'h1', 'h2'),
                   ('a0', '2024-01-01 00:00:00', 'legacy', 'issue', 'i', 'u', '{}', '', '')
            """)
        try db.migrate()
        #expect(try db.psql("SELECT value FROM settings WHERE key = 'audit_chain_head'") == #"{"id":"a2","entry_hash":"h2","count":2}"#)

        let empty = try PostgresSchemaDatabase()
        try empty.migrate()
        #expect(try empty.psql("SELECT value FROM settings WHERE key = 'audit_chain_head'") == #"{"id":"","entry_hash":"","count":0}"#)
    }
}
