import TRCAAPostgres
import TRCAAStore

/// A SQLCipher store and a PostgreSQL store, both migrated to the end and written alike, for
/// comparing what their full-text indexes find.
final class PostgresSchemaStores {
    /// A query in both stores' languages: FTS5's and PostgreSQL's `tsquery` (over the 'simple'
    /// configuration, as the index is made).
    struct Query: CustomStringConvertible {
        let fts5: String
        let tsquery: String
        var description: String { "\(fts5) / \(tsquery)" }
    }

    let sqlcipher: Database
    let postgres: PostgresSchemaDatabase

    init() throws {
        sqlcipher = try Database.open(path: ":memory:", passphrase: Passphrase(passphrase: ""))
        try Migrator.trcaa.migrate(sqlcipher)
        postgres = try PostgresSchemaDatabase()
        try postgres.migrate()
    }

    /// Runs `sql` (the same text) in both stores.
    func execute(_ sql: String) throws {
        try sqlcipher.execute(sql)
        try postgres.psql(sql)
    }

    /// Which of `queries` match a row of the full-text table `table`, in each store.
    func matching(_ queries: [Query], in table: String) throws -> (sqlcipher: [String], postgres: [String]) {
        let counts = try postgres.psql(queries.map {
            "SELECT count(*) FROM \(table) WHERE tsv @@ to_tsquery('simple', '\($0.tsquery)');"
        }.joined(separator: "\n")).split(separator: "\n")
        return (try queries.filter { try sqlcipher.scalar("SELECT count(*) FROM \(table) WHERE \(table) MATCH ?", [.text($0.fts5)],
                                                          as: Int.self) != 0 }.map(\.description),
                zip(queries, counts).filter { $0.1 != "0" }.map(\.0.description))
    }
}
