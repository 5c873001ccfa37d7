import Testing
import TestSupport
import TRCAAPostgres
import TRCAAStore

/// The PostgreSQL bodies applied to a real server, as `Migrator` applies them.
@Suite(.enabled(if: PostgresTestCluster.runs, "needs PostgreSQL 15 (apt-get install postgresql-15)"))
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
}
