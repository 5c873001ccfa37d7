import Foundation
import Testing
@testable import TRCAAStore
import TestSupport

@Suite(.sqlcipherOnly) struct CipherTests {
    let fixture = StoreFixture()

    @Test func theFileNeverStartsWithThePlainSQLiteHeader() throws {
        let db = try fixture.openMigrated()
        try db.execute("INSERT INTO issues (id, title) VALUES ('i', 'PLAINTEXT-MARKER-7f3a')")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        #expect(bytes.count % 4096 == 0)
        #expect(Array(bytes.prefix(16)) != DatabaseFile.plainHeader)
        #expect(try fixture.directory.allBytes().range(of: Data("PLAINTEXT-MARKER-7f3a".utf8)) == nil)
    }

    @Test func theOpenSequenceAppliesTheSpecifiedSettings() throws {
        let info = try fixture.openMigrated().info()
        #expect(info.cipherVersion.hasPrefix("4."))
        #expect(info.pageSize == 4096)
        #expect(info.kdfIterations == 256_000)
        #expect(info.hmacAlgorithm == "HMAC_SHA512")
        #expect(info.kdfAlgorithm == "PBKDF2_HMAC_SHA512")
        #expect(info.journalMode == "wal")
        #expect(info.foreignKeys)
        let db = try fixture.open()
        #expect(try db.scalar("PRAGMA synchronous", as: Int.self) == 2)  // FULL
        #expect(try db.scalar("PRAGMA temp_store", as: Int.self) == 2)  // MEMORY
        #expect(try db.scalar("PRAGMA secure_delete", as: Int.self) == 1)
        // `PRAGMA busy_timeout = 5000` is run in its place; then a handler of ours takes over the
        // same 5 s (it can announce a long wait), and SQLite reports its own timeout as 0.
        #expect(db.sqlcipher.busyWait?.timeout == 5)
    }

    @Test func theSQLCipherShellOpensTheFileWithTheDocumentedPragmas() throws {
        _ = try fixture.openMigrated()
        let result = try Shell.sqlcipher(fixture.path, key: fixture.key, "SELECT name FROM _migrations ORDER BY id;")
        #expect(result.status == 0, "\(result.stderr)")
        let names = result.stdout.split(separator: "\n").map(String.init).filter { $0 != "ok" }
        #expect(Array(names.prefix(22)) == MigrationNames.original)
    }

    @Test func aKeyWithQuotesIsThePassphraseThatPragmaKeyReceives() throws {
        let fixture = StoreFixture(key: "it's a \"key\" with ' quotes; DROP TABLE x")
        _ = try fixture.openMigrated()
        let result = try Shell.sqlcipher(fixture.path, key: fixture.key, "SELECT count(*) FROM _migrations;")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\(Migrator.trcaa.migrations.count)"))
    }

    @Test func aWrongKeyFailsInTheShellToo() throws {
        _ = try fixture.openMigrated()
        let result = try Shell.sqlcipher(fixture.path, key: "not-the-key", "SELECT count(*) FROM _migrations;")
        #expect(result.status != 0)
        #expect(result.stderr.contains("file is not a database"))
    }

    @Test func aWrongKeyLeavesTheFileItsWALAndShmByteIdenticalWhileAWriterIsOpen() throws {
        let writer = try fixture.openMigrated()
        try writer.execute("INSERT INTO issues (id, title) VALUES ('i', 'kept')")
        let before = try fixture.directory.snapshot(of: "trcaa.db")
        #expect(before.keys.sorted() == ["trcaa.db", "trcaa.db-shm", "trcaa.db-wal"])
        #expect(throws: StoreError.wrongKey(path: fixture.path)) {
            try Database.open(path: fixture.path, passphrase: Passphrase(passphrase: "wrong"))
        }
        #expect(try fixture.directory.snapshot(of: "trcaa.db") == before)
        #expect(try writer.scalar("SELECT title FROM issues", as: String.self) == "kept")
    }

    @Test func aWrongKeyLeavesTheFilesOfACrashedWriterUntouchedAndTheRightKeyRecoversThem() throws {
        let crashed = TempDirectory()
        do {
            let writer = try fixture.openMigrated()
            try writer.execute("INSERT INTO issues (id, title) VALUES ('i', 'only in the WAL')")
            // Copying the files while the writer is open is what a kill -9 leaves behind.
            for name in ["trcaa.db", "trcaa.db-wal", "trcaa.db-shm"] {
                try FileManager.default.copyItem(atPath: fixture.directory.file(name), toPath: crashed.file(name))
            }
        }
        let path = crashed.file("trcaa.db")
        let before = try crashed.snapshot(of: "trcaa.db")
        #expect(throws: StoreError.wrongKey(path: path)) {
            try Database.open(path: path, passphrase: Passphrase(passphrase: "wrong"))
        }
        #expect(try crashed.snapshot(of: "trcaa.db") == before)
        let recovered = try Database.open(path: path, passphrase: Passphrase(passphrase: fixture.key))
        #expect(try recovered.scalar("SELECT title FROM issues", as: String.self) == "only in the WAL")
    }

    @Test func flippingAByteInTheMiddleIsDetectedNotReadAsWrongData() throws {
        do {
            let db = try fixture.openMigrated()
            try db.execute("INSERT INTO issues (id, title) VALUES ('i', 'original')")
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        let middle = bytes.count / 2
        bytes[middle] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: fixture.path))
        // Where the flipped page is one the schema needs, opening says so; elsewhere the check does.
        do {
            let db = try fixture.open()
            #expect(try !db.checkIntegrity().isHealthy)
        } catch StoreError.notADatabase(_, let reason) {
            #expect(reason.contains("damaged"))
        }
    }

    @Test func errorsAndTracesNeverContainThePassphrase() throws {
        let secret = "k3y-under-test-\(UUID().uuidString)"
        let fixture = StoreFixture(key: secret)
        let lines = TraceLines()
        var options = OpenOptions()
        options.trace = { lines.append($0) }
        // A plain file to convert, an open, a reopen, a rekey and a wrong key: every path that keys.
        try Shell.run(["sqlcipher", fixture.path], input: "CREATE TABLE plain (x); INSERT INTO plain VALUES (1);")
        let db = try Database.open(path: fixture.path, passphrase: Passphrase(passphrase: secret), options: options)
        try Migrator.trcaa.migrate(db)
        try db.rekey(to: Passphrase(passphrase: secret + "-2"))
        var errors: [String] = []
        do {
            _ = try Database.open(path: fixture.path, passphrase: Passphrase(passphrase: secret), options: options)
        } catch { errors.append("\(error)") }
        #expect(errors.count == 1)
        #expect(!lines.all.isEmpty)
        for text in lines.all + errors {
            #expect(!text.contains(secret), "\(text)")
        }
        #expect(!"\(Passphrase(passphrase: secret))".contains(secret))
    }
}

/// Collects trace lines from SQLite's callback.
final class TraceLines: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
