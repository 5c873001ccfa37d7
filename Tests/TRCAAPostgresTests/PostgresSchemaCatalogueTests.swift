import Testing
import TRCAAPostgres
import TRCAAStore

/// The PostgreSQL store's migrations are the catalogue's, in its order.
@Suite struct PostgresSchemaCatalogueTests {
    @Test func thePostgreSQLStoreHasABodyForEveryMigrationOfTheCatalogueInItsOrder() {
        #expect(PostgresMigrations.all.map(\.name) == MigrationNames.all)
        #expect(PostgresMigrations.migrator.migrations.map(\.name) == MigrationNames.all)
        #expect(PostgresMigrations.migrator.trackingTable == PostgresMigrations.trackingTable)
    }
}
