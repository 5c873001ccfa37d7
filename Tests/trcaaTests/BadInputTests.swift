import Foundation
import Testing
import TestSupport
import TRCAAStore

/// Every bad input of the foundation issue: a clear one-line error, a hint, a sysexits code,
/// and nothing changed on disk.
@Suite struct BadInputTests {
    let cli = CLI()

    private func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: cli.dataDirectory)) ?? [] {
            var isDirectory: ObjCBool = false
            let path = cli.dataDirectory + "/" + name
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return files
    }

    @Test(.sqlcipherOnly) func aWrongKeyExits77WithOneLineAndLeavesEveryFileIdentical() throws {
        let db = try Database.open(path: cli.databasePathCreatingDirectory(), passphrase: Passphrase(passphrase: "right"))
        try Migrator.trcaa.migrate(db)
        try db.execute("INSERT INTO issues (id, title) VALUES ('i', 'kept')")  // leaves -wal and -shm behind
        let before = try snapshot()
        #expect(before.keys.sorted() == ["trcaa.db", "trcaa.db-shm", "trcaa.db-wal"])

        let result = try cli.run("db", "info", environment: ["TRCAA_DB_KEY": "wrong"])
        #expect(result.status == 77)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == [
            "trcaa: the database key does not open \(cli.databasePath)",
            "hint: the key came from TRCAA_DB_KEY; check its value, or unset it to use the key file",
        ])  // and no "ERROR CORE" lines from SQLCipher
        #expect(try snapshot() == before)
    }

    @Test(.sqlcipherOnly) func aBlankEnvironmentKeyFallsBackToTheKeyFile() throws {
        #expect(try cli.run("db", "info").status == 0)
        let result = try cli.run("db", "check", environment: ["TRCAA_DB_KEY": "   "])
        #expect(result.status == 0)
        #expect(result.stderrLines == ["trcaa: TRCAA_DB_KEY is set but blank; ignoring it"])
    }

    @Test(.sqlcipherOnly) func anExistingDatabaseWithoutItsKeyIsNotGivenANewOne() throws {
        #expect(try cli.run("db", "info").status == 0)
        try FileManager.default.removeItem(atPath: cli.dataDirectory + "/.dbkey")
        let before = try snapshot()
        let result = try cli.run("db", "info")
        #expect(result.status == 77)
        #expect(result.stderrLines == [
            "trcaa: there is no key for the existing database \(cli.databasePath)",
            "hint: set TRCAA_DB_KEY, or restore the key file \(cli.dataDirectory)/.dbkey",
        ])
        #expect(try snapshot() == before)
    }

    @Test(.sqlcipherOnly) func aKeyFileOthersCanReadIsRefused() throws {
        #expect(try cli.run("db", "info").status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.dataDirectory + "/.dbkey")
        let result = try cli.run("db", "info")
        #expect(result.status == 77)
        #expect(result.stderrLines == [
            "trcaa: the key file \(cli.dataDirectory)/.dbkey can be read by other users (mode 0644)",
            "hint: run: chmod 600 \(cli.dataDirectory)/.dbkey",
        ])
    }

    @Test(.sqlcipherOnly) func aFileThatIsNeitherPlainSQLiteNorADatabaseIsRefusedUntouched() throws {
        let path = try cli.databasePathCreatingDirectory()
        let text = Data("these are my notes, not a database\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        let result = try cli.run("db", "info", environment: ["TRCAA_DB_KEY": "k"])
        #expect(result.status == 65)
        #expect(result.stderrLines.first == "trcaa: \(path) is not a trcaa database: its size (35 bytes) is not a whole number of 4096-byte pages")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test(.sqlcipherOnly) func anEmptyFileBecomesANewDatabaseAndSaysSo() throws {
        let path = try cli.databasePathCreatingDirectory()
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let result = try cli.run("db", "info", environment: ["TRCAA_DB_KEY": "k"])
        #expect(result.status == 0)
        #expect(result.stderrLines == ["trcaa: \(path) was empty; initialised a new database in it"])
    }

    @Test(.sqlcipherOnly) func aDirectoryAtTheDatabasePathExits73() throws {
        try FileManager.default.createDirectory(atPath: cli.databasePath, withIntermediateDirectories: true)
        let result = try cli.run("db", "info", environment: ["TRCAA_DB_KEY": "k"])
        #expect(result.status == 73)
        #expect(result.stderrLines == ["trcaa: \(cli.databasePath) is a directory, not a database file",
                                       "hint: move it away, or choose another file with --db"])
    }

    @Test(.sqlcipherOnly) func anUnwritableDataDirectoryExits73() throws {
        #expect(FileManager.default.createFile(atPath: cli.home + "/a-file", contents: Data()))
        let result = try cli.run("db", "info", environment: ["TRCAA_DATA_DIR": cli.home + "/a-file/data"])
        #expect(result.status == 73)
        #expect(result.stderrLines.first == "trcaa: cannot create \(cli.home)/a-file/data: Not a directory")
        if getuid() != 0 {  // root ignores permission bits
            try FileManager.default.createDirectory(atPath: cli.home + "/locked", withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o500])
            let locked = try cli.run("db", "info", environment: ["TRCAA_DATA_DIR": cli.home + "/locked/data"])
            #expect(locked.status == 73)
        }
    }

    @Test(.sqlcipherOnly) func aDatabaseLockedPastTheBusyTimeoutExits75() throws {
        let holder = try Database.open(path: cli.databasePathCreatingDirectory(), passphrase: Passphrase(passphrase: "k"))
        try Migrator.trcaa.filter { MigrationNames.original.contains($0.name) }.migrate(holder)  // leaves one to apply
        try holder.execute("BEGIN IMMEDIATE")
        let result = try cli.run("db", "info", environment: ["TRCAA_DB_KEY": "k"])
        try holder.execute("ROLLBACK")
        #expect(result.status == 75)
        #expect(result.stderrLines == [
            "trcaa: the database \(cli.databasePath) is locked by another program",
            "hint: another trcaa may be writing to it; try again when it has finished",
        ])
        #expect(try Migrator.trcaa.pendingMigrations(in: holder) == Migrator.trcaa.migrations.dropFirst(22).map(\.name))
    }

    @Test(.sqlcipherOnly) func aPlainSQLiteDatabaseIsEncryptedInPlace() throws {
        let path = try cli.databasePathCreatingDirectory()
        let created = Process()
        created.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        created.arguments = ["sqlcipher", path, "CREATE TABLE notes (body); INSERT INTO notes VALUES ('PLAINTEXT-MARKER-7f3a');"]
        try created.run()
        created.waitUntilExit()
        let result = try cli.run("db", "info", environment: ["TRCAA_DB_KEY": "k"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderrLines == ["trcaa: encrypted the plain SQLite database \(path) in place"])
        for (name, bytes) in try snapshot() {
            #expect(bytes.range(of: Data("PLAINTEXT-MARKER-7f3a".utf8)) == nil, "\(name) holds plaintext")
        }
    }
}
