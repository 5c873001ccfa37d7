import Foundation
import Synchronization
import TestSupport
import Testing
import TRCAAPostgres
import TRCAAStore

/// Statements, transactions, locks and errors of `PostgresStoreConnection`, through the
/// `Database` face the services use.
@Suite(.needsPostgres)
struct PostgresConnectionTests {
    let server: TestDatabase
    var db: Database { server.db }

    init() throws {
        server = try TestDatabase(schema: """
            CREATE TABLE items (id text PRIMARY KEY, n bigint NOT NULL DEFAULT 0, data bytea);
            -- a script: several statements, a comment, a literal with a semicolon
            INSERT INTO items (id, n) VALUES ('a; not the end', 1)
            """)
    }

    @Test func numberedPlaceholdersMayRepeatAndComeInAnyOrder() throws {
        try db.execute("INSERT INTO items (id, n) VALUES (?2, ?1)", [.integer(7), .text("b")])
        #expect(try db.scalar("SELECT count(*) FROM items WHERE id = ?1 OR (n = ?2 AND id <> ?1)",
                              [.text("b"), .integer(1)], as: Int.self) == 2)
        let statement = try db.prepare("SELECT id FROM items WHERE n >= ? ORDER BY id")
        try statement.bind(.integer(7), at: 1)
        #expect(try statement.step() && statement.text(at: 0) == "b")
        #expect(try !statement.step())
    }

    @Test func traceSeesEveryStatementAsTheServicesWroteIt() throws {
        let seen = Mutex<[String]>([])
        db.trace { sql in seen.withLock { $0.append(sql) } }
        try db.write { db in _ = try db.rows("SELECT n FROM items WHERE id = ?", [.text("x")]) }
        db.trace(nil)
        _ = try db.rows("SELECT 1")
        #expect(seen.withLock { $0 } == ["BEGIN", "SELECT pg_try_advisory_xact_lock(\(0x7472_6361_6100_0001))",
                                         "SELECT n FROM items WHERE id = ?", "COMMIT"])
    }

    @Test func changesCountsTheRowsOfTheLastWrite() throws {
        try db.execute("INSERT INTO items (id) VALUES ('b'), ('c'), ('d')")
        #expect(db.changes == 3)
        try db.execute("UPDATE items SET n = 5 WHERE id IN ('b', 'c')")
        #expect(db.changes == 2)
        _ = try db.rows("SELECT * FROM items")
        #expect(db.changes == 2, "a SELECT leaves it")
        try db.execute("INSERT INTO items (id) VALUES ('b') ON CONFLICT DO NOTHING")
        #expect(db.changes == 0)
        try db.execute("DELETE FROM items WHERE id = 'd'")
        #expect(db.changes == 1)
    }

    @Test func transactionsCommitOrRollBackWhole() throws {
        try db.inTransaction {
            try db.execute("INSERT INTO items (id) VALUES ('kept')")
            #expect(db.isInTransaction)
            return .commit
        }
        try db.inTransaction {
            try db.execute("INSERT INTO items (id) VALUES ('dropped')")
            return .rollback
        }
        #expect(throws: StoreError.self) {
            try db.write { db in
                try db.execute("INSERT INTO items (id) VALUES ('also dropped')")
                try db.execute("INSERT INTO items (id) VALUES ('kept')")  // unique violation
            }
        }
        #expect(!db.isInTransaction)
        #expect(try db.rows("SELECT id FROM items ORDER BY id").map { try $0.decode(at: 0) as String } == ["a; not the end", "kept"])
    }

    @Test func savepointsRollBackTheirPartOnly() throws {
        try db.write { db in
            try db.execute("INSERT INTO items (id) VALUES ('outer')")
            try db.inSavepoint {
                try db.execute("INSERT INTO items (id) VALUES ('inner')")
                return .rollback
            }
            try? db.inSavepoint {
                try db.execute("INSERT INTO items (id) VALUES ('outer')")  // fails; the transaction goes on
                return .commit
            }
            try db.execute("INSERT INTO items (id) VALUES ('after')")
        }
        #expect(try db.scalar("SELECT string_agg(id, ',' ORDER BY id) FROM items WHERE id <> ?", [.text("a; not the end")],
                              as: String.self) == "after,outer")
    }

    @Test func aCommitAfterAFailedStatementReportsTheRollback() throws {
        let connection = try server.connect()
        try connection.begin(.immediate)
        _ = try? connection.execute("SELECT * FROM missing_table", [])
        #expect(throws: StoreError.server(ServerFailure(
            sqlState: "25P02", message: "the transaction was rolled back: a statement in it had failed", sql: "COMMIT"))) {
            try connection.commit()
        }
    }

    @Test func serverErrorsCarryTheirSQLStateAndStatement() throws {
        let error = #expect(throws: StoreError.self) { try db.rows("SELECT * FROM missing_table WHERE id = ?", [.text("x")]) }
        guard case .server(let failure) = error else {
            Issue.record("expected a server error, got \(String(describing: error))")
            return
        }
        #expect(failure.sqlState == "42P01")
        #expect(failure.message == #"relation "missing_table" does not exist"#)
        #expect(failure.sql == "SELECT * FROM missing_table WHERE id = ?")
        #expect(throws: StoreError.self) { try db.execute("SELECT 1", [.integer(1)]) }
    }

    @Test func blobsAreWrittenWholeAndReadInRangesByKey() throws {
        let pieces: [[UInt8]] = [[0, 1, 2], Array(repeating: 0xFF, count: 100_000), [], [3]]
        try db.writeBlob(BlobCell(table: "items", column: "data", key: .text("a; not the end")), pieces: pieces)
        let reader = try db.blobReader(BlobCell(table: "items", column: "data", key: .text("a; not the end")))
        let whole = pieces.flatMap { $0 }
        #expect(reader.count == whole.count)
        var middle = [UInt8](repeating: 9, count: 5)
        try middle.withUnsafeMutableBytes { try reader.read(into: $0, at: 1) }
        #expect(middle == Array(whole[1..<6]))
        #expect(throws: StoreError.self) {
            try middle.withUnsafeMutableBytes { try reader.read(into: $0, at: whole.count - 2) }
        }
        #expect(throws: StoreError.self) { try db.blobReader(BlobCell(table: "items", column: "data", key: .text("none"))) }
        #expect(throws: StoreError.self) { try db.writeBlob(BlobCell(table: "items", column: "data", key: .text("none")), pieces: []) }
    }

    @Test func theSchemaQueriesOfTheDialectAnswer() throws {
        #expect(try db.columns(of: "items") == ["id", "n", "data"])
        #expect(try db.columns(of: "nothing") == [])
        #expect(try db.schemaObjectExists("items", type: .table))
        #expect(try db.schemaObjectExists("items_pkey", type: .index))
        #expect(try !db.schemaObjectExists("items", type: .view))
        try db.addColumnIfMissing("tags", definition: "text", to: "items")
        try db.addColumnIfMissing("tags", definition: "text", to: "items")
        try db.execute(#"UPDATE items SET tags = '["Disk", "net"]'"#)
        let dialect = db.dialect
        #expect(try db.scalar("SELECT count(*) FROM items WHERE \(dialect.jsonArrayContains("tags", value: "?"))",
                              [.text("net")], as: Int.self) == 1)
        #expect(try db.scalar("SELECT count(*) FROM items WHERE \(dialect.caseInsensitiveLike("id", pattern: "?"))",
                              [.text("A;%")], as: Int.self) == 1)
        #expect(try db.rows(dialect.jsonTextArrayElements("?"), [.text(#"["x", "y"]"#)]).map { try $0.decode("value") as String }
                == ["x", "y"])
    }
}
