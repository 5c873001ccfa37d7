import Testing
@testable import TRCAAStore
import TestSupport

@Suite(.sqlcipherOnly) struct RekeyTests {
    let fixture = StoreFixture()

    @Test func afterARekeyOnlyTheNewKeyOpensTheFile() throws {
        do {
            let db = try fixture.openMigrated()
            try db.execute("INSERT INTO issues (id, title) VALUES ('i', 'survives the rekey')")
            try db.rekey(to: Passphrase(passphrase: "new key"))
            try db.execute("INSERT INTO issues (id, title) VALUES ('j', 'written after')")
        }
        #expect(throws: StoreError.wrongKey(path: fixture.path)) { try fixture.open() }
        let reopened = try Database.open(path: fixture.path, passphrase: Passphrase(passphrase: "new key"))
        #expect(try reopened.scalar("SELECT count(*) FROM issues", as: Int.self) == 2)
        let shell = try Shell.sqlcipher(fixture.path, key: "new key", "SELECT title FROM issues WHERE id = 'i';")
        #expect(shell.stdout.contains("survives the rekey"))
        #expect(try reopened.checkIntegrity().isHealthy)
    }
}

extension RekeyTests {
    @Test func aRekeyIsRefusedWhileAnotherConnectionIsOpen() throws {
        let db = try fixture.openMigrated()
        let other = try fixture.open()
        #expect(throws: StoreError.inUse(path: fixture.path, holders: [])) {
            try db.rekey(to: Passphrase(passphrase: "new key"))
        }
        #expect(try other.scalar("SELECT count(*) FROM issues", as: Int.self) == 0)
        #expect(try db.scalar("PRAGMA journal_mode", as: String.self) == "wal")
    }

    @Test func aRekeyWithAnOpenConnectionLeavesAFileTheNewKeyOpensAtOnce() throws {
        let db = try fixture.openMigrated()
        try db.execute("INSERT INTO issues (id, title) VALUES ('i', 'in the WAL before the rekey')")
        try db.rekey(to: Passphrase(passphrase: "new key"))
        let second = try Database.open(path: fixture.path, passphrase: Passphrase(passphrase: "new key"))
        #expect(try second.scalar("SELECT title FROM issues", as: String.self) == "in the WAL before the rekey")
        #expect(try db.scalar("PRAGMA journal_mode", as: String.self) == "wal")
    }
}
