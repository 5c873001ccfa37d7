import Foundation
import TestSupport
import Testing
import TRCAAPostgres
import TRCAAStore

/// An open interface learns that a teammate changed the store from the server's notifications
/// (LISTEN/NOTIFY), without asking: one per committed transaction that changed rows, none for
/// its own changes, a rollback or a transaction that changed nothing.
@Suite(.needsPostgres)
struct PostgresChangeFeedTests {
    let server: TestDatabase

    init() throws {
        server = try TestDatabase(schema: "CREATE TABLE counter (n bigint NOT NULL); INSERT INTO counter VALUES (0)")
    }

    /// Waits (up to 10 s) for `db`'s stamp to reach `value`; returns the stamp then.
    private func stamp(of db: Database, reaching value: Int64) throws -> Int64 {
        for _ in 0..<200 where try db.externalChangeStamp() < value { Thread.sleep(forTimeInterval: 0.05) }
        return try db.externalChangeStamp()
    }

    @Test func othersCommitsMoveTheStampAndOwnChangesDoNot() throws {
        let watcher = server.db
        let teammate = try server.open()
        let start = try watcher.externalChangeStamp(), teammateStart = try teammate.externalChangeStamp()

        try watcher.write { db in try db.execute("UPDATE counter SET n = n + 1") }
        try teammate.write { db in try db.execute("UPDATE counter SET n = n + 1") }
        #expect(try stamp(of: watcher, reaching: start + 1) == start + 1, "the teammate's commit, and not the watcher's own")

        try teammate.inTransaction(.immediate) {
            try teammate.execute("UPDATE counter SET n = 100")
            return .rollback
        }
        try teammate.write { db in _ = try db.scalar("SELECT n FROM counter", as: Int.self) }
        try teammate.execute("UPDATE counter SET n = n + 1 WHERE n < 0")  // no row changes
        try teammate.execute("UPDATE counter SET n = n + 1")  // outside a transaction: notified on its own
        #expect(try stamp(of: watcher, reaching: start + 2) == start + 2,
                "one notification for the statement outside a transaction; none for the rollback or what changed nothing")
        #expect(try stamp(of: teammate, reaching: teammateStart + 1) == teammateStart + 1, "the teammate saw the watcher's one commit")
    }
}
