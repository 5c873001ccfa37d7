import Foundation
import Testing
@testable import TRCAAStore
import TestSupport

/// The lock a WAL connection holds on the database file for its whole life is what tells
/// another process, closing its own connection, that it is not the last one and must leave the
/// `-wal` and `-shm` alone. POSIX drops every lock of a process on a file when any descriptor
/// of that file is closed, so nothing may close one behind SQLite's back.
@Suite(.sqlcipherOnly) struct ProcessLockTests {
    let fixture = StoreFixture()

    @Test func anOpenConnectionKeepsItsLockOnTheFileThroughEveryOtherOpenAndClose() throws {
        let db = try fixture.openMigrated()
        try db.execute("INSERT INTO issues (id, title) VALUES ('i', 'held')")
        #expect(try ProcessLocks.held(on: fixture.path), "an open WAL connection holds a lock on the file")

        _ = try DatabaseFile.inspect(fixture.path, pageSize: 4096)
        #expect(try ProcessLocks.held(on: fixture.path), "classifying the file released the lock")
        do { _ = try fixture.open() }
        #expect(try ProcessLocks.held(on: fixture.path), "opening and closing a second connection released the lock")
        _ = StoreHolders.of(fixture.path)
        _ = try db.info()
        #expect(try ProcessLocks.held(on: fixture.path), "inspecting the store released the lock")
    }

    @Test func anotherProcessClosingItsConnectionLeavesOurWriteAheadLogInPlace() throws {
        let db = try fixture.openMigrated()
        try db.execute("INSERT INTO issues (id, title) VALUES ('i', 'before')")
        _ = try DatabaseFile.inspect(fixture.path, pageSize: 4096)
        let shell = try Shell.sqlcipher(fixture.path, key: fixture.key, "SELECT count(*) FROM issues;")
        #expect(shell.status == 0, "\(shell.stderr)")
        try db.execute("INSERT INTO issues (id, title) VALUES ('j', 'after the other process closed')")
        let seen = try Shell.sqlcipher(fixture.path, key: fixture.key, "SELECT title FROM issues WHERE id = 'j';")
        #expect(seen.stdout.contains("after the other process closed"),
                "a write after another process closed went to a deleted WAL: \(seen.stdout) \(seen.stderr)")
        #expect(FileManager.default.fileExists(atPath: fixture.path + "-wal"))
    }

    @Test func aRekeyNamesTheProcessThatHasTheDatabaseOpen() throws {
        let db = try fixture.openMigrated()
        let holder = try Shell.Holder(fixture.path, key: fixture.key)
        defer { holder.release() }
        #expect(throws: StoreError.inUse(path: fixture.path, holders: ["sqlcipher (pid \(holder.pid))"])) {
            try db.rekey(to: Passphrase(passphrase: "new key"))
        }
        #expect(try db.scalar("PRAGMA journal_mode", as: String.self) == "wal")
    }
}

/// Reads `/proc/locks`: which POSIX locks this process holds.
enum ProcessLocks {
    /// Whether this process holds any POSIX lock on the file at `path`.
    static func held(on path: String) throws -> Bool {
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64 ?? 0
        let me = String(getpid())
        let table = try String(contentsOfFile: "/proc/locks", encoding: .utf8)
        return table.split(separator: "\n").contains { line in
            // "1: POSIX  ADVISORY  READ 4807 fe:00:16220422 1073741826 1073742335"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return fields.count >= 6 && fields[1] == "POSIX" && fields[4] == me
                && fields[5].split(separator: ":").last == Substring(String(inode))
        }
    }
}
