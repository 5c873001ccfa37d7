import Foundation
import Testing
@testable import TRCAAStore
import TestSupport

/// Bad input at the database path: each gets a clear error and changes nothing.
@Suite(.sqlcipherOnly) struct OpenSequenceTests {
    let fixture = StoreFixture()

    private func open(_ path: String, options: OpenOptions = OpenOptions()) throws -> Database {
        try Database.open(path: path, passphrase: Passphrase(passphrase: fixture.key), options: options)
    }

    @Test func aNewDatabaseFileIsPrivate() throws {
        let db = try fixture.open()
        #expect(db.origin == .created)
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func anEmptyFileIsInitialisedAsANewDatabase() throws {
        #expect(FileManager.default.createFile(atPath: fixture.path, contents: Data()))
        let db = try fixture.open()
        #expect(db.origin == .initialisedEmptyFile)
        try Migrator.trcaa.migrate(db)
        #expect(try fixture.open().origin == .existing)
    }

    @Test func aDirectoryAtTheDatabasePathIsRefused() throws {
        try FileManager.default.createDirectory(atPath: fixture.path, withIntermediateDirectories: false)
        #expect(throws: StoreError.isDirectory(path: fixture.path)) { try fixture.open() }
    }

    @Test func aFileOfTheWrongSizeIsNotADatabaseAndStaysUntouched() throws {
        let junk = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        try junk.write(to: URL(fileURLWithPath: fixture.path))
        #expect(throws: StoreError.notADatabase(
            path: fixture.path, reason: "its size (10000 bytes) is not a whole number of 4096-byte pages")) {
            try fixture.open()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path)) == junk)
        #expect(try fixture.directory.snapshot(of: "trcaa.db").count == 1)
    }

    @Test func pageSizedJunkCannotBeToldFromAWrongKeyAndStaysUntouched() throws {
        let junk = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try junk.write(to: URL(fileURLWithPath: fixture.path))
        #expect(throws: StoreError.wrongKey(path: fixture.path)) { try fixture.open() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path)) == junk)
    }

    @Test func aMissingDirectoryIsReportedBeforeAnythingIsCreated() throws {
        let path = fixture.directory.file("no/such/dir/trcaa.db")
        #expect(throws: StoreError.cannotCreate(path: path, reason: "the directory \(fixture.directory.file("no/such/dir")) does not exist")) {
            try open(path)
        }
    }

    @Test func openingWithoutCreateRefusesAMissingFile() throws {
        #expect(throws: StoreError.cannotRead(path: fixture.path, reason: "there is no database at this path")) {
            try open(fixture.path, options: OpenOptions(createIfMissing: false))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.path))
    }

    @Test func aPlainSQLiteFileIsEncryptedInPlaceLeavingNoPlaintext() throws {
        let marker = "PLAINTEXT-MARKER-7f3a"
        let created = try Shell.run(["sqlcipher", fixture.path], input: """
            PRAGMA journal_mode = WAL;
            CREATE TABLE notes (body TEXT);
            INSERT INTO notes VALUES ('\(marker)');
            """)
        #expect(created.status == 0)
        #expect(try fixture.directory.allBytes().range(of: Data(marker.utf8)) != nil)

        let db = try fixture.openMigrated()
        #expect(db.origin == .convertedFromPlain)
        #expect(try db.scalar("SELECT body FROM notes", as: String.self) == marker)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).sorted()
                == ["trcaa.db", "trcaa.db-shm", "trcaa.db-wal"])
        #expect(try fixture.directory.allBytes().range(of: Data(marker.utf8)) == nil)
        let shell = try Shell.sqlcipher(fixture.path, key: fixture.key, "SELECT body FROM notes;")
        #expect(shell.stdout.contains(marker))
    }

    @Test func twoConnectionsCreatingTheSameNewFileAgreeOnItsSalt() throws {
        let first = try fixture.open()
        let second = try fixture.open()
        try first.execute("CREATE TABLE t (x)")
        #expect(try second.scalar("SELECT count(*) FROM t", as: Int.self) == 0)
    }
}
