import Testing
@testable import TRCAAStore

@Suite struct BlobIOTests {
    let fixture = StoreFixture()

    private func open() throws -> Database {
        let db = try fixture.open()
        try db.execute("""
            CREATE TABLE files (id TEXT PRIMARY KEY, name TEXT UNIQUE, content BLOB);
            INSERT INTO files (id, name) VALUES ('first', 'a.log'), ('second', 'b.log');
            """)
        return db
    }

    @Test func piecesWrittenByKeyAreReadBackInRanges() throws {
        let db = try open()
        let cell = BlobCell(table: "files", column: "content", key: .text("second"))
        let pieces: [[UInt8]] = [[0, 1, 2], [], [255, 254], [7]]
        try db.write { try $0.writeBlob(cell, pieces: pieces) }
        #expect(try db.scalar("SELECT content FROM files WHERE id = 'second'", as: [UInt8].self) == pieces.flatMap { $0 })
        #expect(try db.scalar("SELECT content IS NULL FROM files WHERE id = 'first'", as: Int.self) == 1)

        let reader = try db.blobReader(cell)
        #expect(reader.count == 6)
        var middle = [UInt8](repeating: 0, count: 3)
        try middle.withUnsafeMutableBytes { try reader.read(into: $0, at: 2) }
        #expect(middle == [2, 255, 254])
    }

    @Test func anotherKeyColumnNamesTheRow() throws {
        let db = try open()
        try db.write { try $0.writeBlob(BlobCell(table: "files", column: "content", keyColumn: "name", key: .text("a.log")),
                                        pieces: [[42]]) }
        #expect(try db.scalar("SELECT content FROM files WHERE id = 'first'", as: [UInt8].self) == [42])
    }

    @Test func writingAgainReplacesTheWholeValue() throws {
        let db = try open()
        let cell = BlobCell(table: "files", column: "content", key: .text("first"))
        try db.write { try $0.writeBlob(cell, pieces: [[1, 2, 3, 4]]) }
        try db.write { try $0.writeBlob(cell, pieces: [[9]]) }
        #expect(try db.blobReader(cell).count == 1)
    }

    @Test func aMissingRowIsAnErrorNamingTheKey() throws {
        let db = try open()
        let cell = BlobCell(table: "files", column: "content", key: .text("third"))
        #expect {
            try db.blobReader(cell)
        } throws: { error in
            guard case StoreError.sqlite(let failure) = error else { return false }
            return failure.message == "no such row" && failure.sql == "blob files.content where id = ?"
        }
        #expect(throws: StoreError.self) { try db.write { try $0.writeBlob(cell, pieces: [[1]]) } }
    }
}
