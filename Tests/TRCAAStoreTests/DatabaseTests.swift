import Testing
import TestSupport
@testable import TRCAAStore

@Suite struct DatabaseTests {
    let fixture = StoreFixture()

    @Test func bindsAndReadsEveryStorageClass() throws {
        let db = try fixture.open()
        try db.execute("CREATE TABLE t (a, b, c, d, e)")
        let blob: [UInt8] = [0, 1, 2, 255]
        try db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)",
                       [.null, .integer(-42), .real(2.5), .text("héllo 漢字"), .blob(blob)])
        let row = try #require(try db.row("SELECT * FROM t"))
        #expect(row.values == [.null, .integer(-42), .real(2.5), .text("héllo 漢字"), .blob(blob)])
        #expect(try row.decode("a", as: Int?.self) == nil)
        #expect(try row.decode("b", as: Int.self) == -42)
        #expect(try row.decode("c", as: Double.self) == 2.5)
        #expect(try row.decode("d", as: String.self) == "héllo 漢字")
        #expect(try row.decode("e", as: [UInt8].self) == blob)
    }

    @Test func emptyBlobAndEmptyTextStayDistinctFromNull() throws {
        let db = try fixture.open()
        try db.execute("CREATE TABLE t (a, b)")
        try db.execute("INSERT INTO t VALUES (?, ?)", [.blob([]), .text("")])
        let row = try #require(try db.row("SELECT a, b, typeof(a), typeof(b) FROM t"))
        #expect(row.values == [.blob([]), .text(""), .text("blob"), .text("text")])
    }

    @Test func decodingTheWrongTypeNamesTheColumnButNotTheValue() throws {
        let db = try fixture.open()
        let row = try #require(try db.row("SELECT 'secret-value' AS token"))
        #expect(throws: StoreError.decoding(column: "token", expected: "Int", foundType: "TEXT",
                                            sql: "SELECT 'secret-value' AS token")) {
            try row.decode("token", as: Int.self)
        }
    }

    @Test func executeRunsAScriptStatementByStatement() throws {
        let db = try fixture.open()
        try db.execute("""
            CREATE TABLE a (x);  -- a comment
            INSERT INTO a VALUES (1);
            CREATE TABLE b AS SELECT x + 1 AS y FROM a;
            """)
        #expect(try db.scalar("SELECT y FROM b", as: Int.self) == 2)
    }

    @Test func argumentsWithAScriptAreRefused() throws {
        let db = try fixture.open()
        #expect(throws: StoreError.self) {
            try db.execute("CREATE TABLE a (x); INSERT INTO a VALUES (?)", [.integer(1)])
        }
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'a'", as: Int.self) == 0)
    }

    @Test(.sqlcipherOnly) func failuresCarryTheCodeMessageAndStatementButNotBoundValues() throws {
        let db = try fixture.open()
        try db.execute("CREATE TABLE t (id TEXT PRIMARY KEY)")
        try db.execute("INSERT INTO t VALUES (?)", [.text("bound-secret")])
        do {
            try db.execute("INSERT INTO t VALUES (?)", [.text("bound-secret")])
            Issue.record("a duplicate key must fail")
        } catch StoreError.sqlite(let failure) {
            #expect(failure.primaryCode == 19)  // SQLITE_CONSTRAINT
            #expect(failure.code == 1555)  // SQLITE_CONSTRAINT_PRIMARYKEY
            #expect(failure.sql == "INSERT INTO t VALUES (?)")
            #expect(!failure.description.contains("bound-secret"))
        }
    }

    @Test(.sqlcipherOnly) func aSyntaxErrorNamesTheStatement() throws {
        let db = try fixture.open()
        #expect(throws: StoreError.sqlite(SQLiteFailure(code: 1, message: "near \"SELEC\": syntax error",
                                                        sql: "SELEC 1"))) {
            try db.execute("SELEC 1")
        }
    }

    @Test func preparedStatementsCanBeReusedWithNewArguments() throws {
        let db = try fixture.open()
        try db.execute("CREATE TABLE t (n INTEGER)")
        let insert = try db.prepare("INSERT INTO t VALUES (?)")
        for n in 1...100 { try insert.run([.integer(Int64(n))]) }
        #expect(try db.scalar("SELECT sum(n) FROM t", as: Int.self) == 5050)
    }

    @Test func prepareRefusesMoreThanOneStatement() throws {
        let db = try fixture.open()
        #expect(throws: StoreError.self) { try db.prepare("SELECT 1; SELECT 2") }
    }

    @Test(.sqlcipherOnly) func memoryDatabasesWorkForThrowawayUse() throws {
        let db = try Database.open(path: ":memory:", passphrase: Passphrase(passphrase: ""))
        try Migrator.trcaa.migrate(db)
        #expect(db.origin == .inMemory)
        #expect(try db.scalar("SELECT count(*) FROM _migrations", as: Int.self) == Migrator.trcaa.migrations.count)
        #expect(try db.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
    }
}

extension DatabaseTests {
    @Test func notNullDefaultsAreTheValuesTheStoreWouldFillIn() throws {
        let db = try fixture.openMigrated()
        #expect(try db.notNullDefaultValues(of: "action_items")
            == ["owner": .text(""), "due_date": .text(""), "priority": .text("P2"), "status": .text("open")])
        let issueDefaults = try db.notNullDefaultValues(of: "issues")
        #expect(issueDefaults["severity"] == .text("medium") && issueDefaults["title"] == nil)
        guard case .text(let createdAt)? = issueDefaults["created_at"] else { Issue.record("\(issueDefaults)"); return }
        #expect(createdAt.wholeMatch(of: try Regex(#"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"#)) != nil, "evaluated, not its expression")
    }
}
