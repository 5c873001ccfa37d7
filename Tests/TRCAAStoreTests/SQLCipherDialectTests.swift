import Testing
import TestSupport
@testable import TRCAAStore

@Suite(.sqlcipherOnly) struct SQLCipherDialectTests {
    let fixture = StoreFixture()

    @Test func caseInsensitiveLikeIgnoresASCIICaseAndHonoursEscapes() throws {
        let db = try fixture.open()
        try db.execute("CREATE TABLE t (name TEXT)")
        for name in ["Disk_Full.LOG", "diskXfull.log", "100% CPU", "100 CPU"] {
            try db.execute("INSERT INTO t VALUES (?)", [.text(name)])
        }
        func names(_ pattern: String) throws -> [String] {
            try db.rows("SELECT name FROM t WHERE \(db.dialect.caseInsensitiveLike("name", pattern: "?")) ORDER BY name",
                        [.text(pattern)]).map { try $0.decode(at: 0) }
        }
        #expect(try names("disk\\_full%") == ["Disk_Full.LOG"])
        #expect(try names("%\\%%") == ["100% CPU"])
        #expect(try names("%.log") == ["Disk_Full.LOG", "diskXfull.log"])
    }

    @Test func jsonArraysAreListedAndSearched() throws {
        let db = try fixture.open()
        try db.execute("CREATE TABLE t (id TEXT, tags TEXT)")
        try db.execute("INSERT INTO t VALUES ('a', '[\"db\",\"net\"]'), ('b', '[\"net\"]'), ('c', '[]')")
        let dialect = db.dialect
        let listed = try db.rows("SELECT id FROM t WHERE id IN (\(dialect.jsonTextArrayElements("?"))) ORDER BY id",
                                 [.text(#"["c","a","zz"]"#)]).map { try $0.decode(at: 0, as: String.self) }
        #expect(listed == ["a", "c"])
        let tagged = try db.rows("SELECT id FROM t WHERE \(dialect.jsonArrayContains("t.tags", value: "?")) ORDER BY id",
                                 [.text("net")]).map { try $0.decode(at: 0, as: String.self) }
        #expect(tagged == ["a", "b"])
    }

    @Test func schemaIsReadThroughTheDialect() throws {
        let db = try fixture.open()
        try db.execute("""
            CREATE TABLE t (id TEXT PRIMARY KEY, body BLOB, n INTEGER);
            CREATE INDEX t_n ON t (n);
            CREATE VIEW v AS SELECT id FROM t;
            CREATE TRIGGER t_touch AFTER UPDATE ON t BEGIN SELECT 1; END;
            """)
        #expect(try db.columns(of: "t") == ["id", "body", "n"])
        #expect(try db.columns(of: "absent").isEmpty)
        #expect(try db.schemaObjectExists("t", type: .table))
        #expect(try db.schemaObjectExists("t_n", type: .index))
        #expect(try db.schemaObjectExists("v", type: .view))
        #expect(try db.schemaObjectExists("t_touch", type: .trigger))
        #expect(try !db.schemaObjectExists("v", type: .table))
        #expect(try !db.schemaObjectExists("absent", type: .table))
    }
}
