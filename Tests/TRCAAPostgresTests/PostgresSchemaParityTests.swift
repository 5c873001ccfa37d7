import Testing
import TestSupport
import TRCAAPostgres
import TRCAAStore

/// A PostgreSQL store migrated to the end has the schema of a SQLCipher store migrated to the
/// end: the same tables and views, columns in order with equivalent types, nullability and
/// defaults, primary keys, UNIQUE, CHECK and foreign key constraints with their ON DELETE, index
/// names and `_migrations` rows, but for `PostgresSchemaDifferences`.
@Suite(.needsPostgres)
struct PostgresSchemaParityTests {
    @Test func aMigratedPostgreSQLStoreHasTheSchemaOfAMigratedSQLCipherStore() throws {
        let sqlcipher = try Database.open(path: ":memory:", passphrase: Passphrase(passphrase: ""))
        try Migrator.trcaa.migrate(sqlcipher)
        let postgres = try PostgresSchemaDatabase()
        try postgres.migrate()
        var expected = try PostgresSchemaShape(sqlcipher: sqlcipher), actual = try PostgresSchemaShape(postgres: postgres)

        #expect(Set(expected.relations.keys).intersection(PostgresSchemaDifferences.sqlcipherOnlyTables)
            == PostgresSchemaDifferences.sqlcipherOnlyTables)
        for name in PostgresSchemaDifferences.sqlcipherOnlyTables { expected.relations[name] = nil }
        for (name, columns) in PostgresSchemaDifferences.fullTextColumns {
            #expect(expected.relations.removeValue(forKey: name)?.columns.map(\.name) == columns.sqlcipher, "\(name)")
            #expect(actual.relations.removeValue(forKey: name)?.columns.map(\.name) == columns.postgres, "\(name)")
        }

        // Both readings see constraints at all (a reading that missed them would compare equal).
        #expect(expected.relations["incident_events"]?.foreignKeys == [
            .init(columns: ["issue_id"], table: "issues", referenced: ["id"], onDelete: "CASCADE"),
            .init(columns: ["log_file_id"], table: "log_files", referenced: ["id"], onDelete: "SET NULL"),
        ])
        #expect(expected.relations["credentials"]?.uniques == [["service"]])
        #expect(expected.relations["log_blocks"]?.primaryKey == ["log_file_id", "block"])

        #expect(actual.relations.keys.sorted() == expected.relations.keys.sorted())
        for (name, relation) in expected.relations.sorted(by: { $0.key < $1.key }) {
            let other = actual.relations[name]
            #expect(other?.isView == relation.isView, "\(name)")
            #expect(other?.columns == relation.columns, "\(name)")
            #expect(other?.primaryKey == relation.primaryKey, "\(name)")
            #expect(other?.uniques == relation.uniques, "\(name)")
            #expect(other?.foreignKeys == relation.foreignKeys, "\(name)")
            #expect(other?.checks == relation.checks, "\(name)")
            #expect(other?.indexes == relation.indexes, "\(name)")
        }
        #expect(try postgres.migrationRows().map { $0.split(separator: "|")[1] }
            == Migrator.trcaa.appliedMigrations(in: sqlcipher).map { Substring($0.name) })
    }
}
