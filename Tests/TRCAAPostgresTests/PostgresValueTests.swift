import TestSupport
import Testing
import TRCAAPostgres
import TRCAAStore

/// Values through a real server: every `SQLValue` kind there and back, and PostgreSQL's own
/// types read as SQLite would give them.
@Suite(.needsPostgres)
struct PostgresValueTests {
    let server: TestDatabase
    var db: Database { server.db }

    init() throws {
        server = try TestDatabase(schema: "CREATE TABLE kinds (id text PRIMARY KEY, i bigint, r double precision, t text, b bytea)")
    }

    @Test func everyKindRoundTripsIncludingAMebibyteOfEveryByteAndNulls() throws {
        var blob = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        blob[0] = 0x00
        blob[1] = 0xFF
        let rows: [[SQLValue]] = [
            [.text("a"), .integer(.min), .real(-1.5e300), .text("héllo ☃ 'quoted' \\ ?1 $1"), .blob(blob)],
            [.text("b"), .integer(.max), .real(0), .text(""), .blob([])],
            [.text("c"), .null, .null, .null, .null],
        ]
        for row in rows { try db.execute("INSERT INTO kinds VALUES (?, ?, ?, ?, ?)", row) }
        #expect(try db.rows("SELECT id, i, r, t, b FROM kinds ORDER BY id").map(\.values) == rows)
    }

    @Test func postgresTypesReadAsSQLiteWouldGiveThem() throws {
        try db.execute("INSERT INTO kinds (id, i) VALUES ('a', 2), ('b', 40)")
        let row = try #require(try db.row("""
            SELECT count(*), sum(i), sum(i) / 2, i IS NULL AS missing, 1 = 1, CAST(1.5 AS numeric),
                   CAST(7 AS smallint), CAST(8 AS integer), CAST(0.25 AS real), '{"a": [1]}'::jsonb, 'x'::varchar
            FROM kinds WHERE id = 'a' GROUP BY i
            """))
        #expect(row.values == [.integer(1), .integer(2), .integer(1), .integer(0), .integer(1), .real(1.5),
                               .integer(7), .integer(8), .real(0.25), .text(#"{"a": [1]}"#), .text("x")])
    }

    @Test func textArgumentsTakeTheTypeOfWhereTheyStand() throws {
        try db.execute("INSERT INTO kinds (id, i) VALUES ('a', 5)")
        #expect(try db.scalar("SELECT id FROM kinds WHERE i = ?", [.text("5")], as: String.self) == "a")
        #expect(try db.scalar("SELECT count(*) FROM kinds WHERE CAST(?1 AS TEXT) IS NULL OR id = ?1", [.null], as: Int.self) == 1)
    }
}
