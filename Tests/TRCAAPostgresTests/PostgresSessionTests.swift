import Foundation
import TestSupport
import Testing
import TRCAAPostgres
import TRCAAStore

/// A session the server ends (a restart, an administrator) is replaced by the next statement:
/// a read runs again on the new one; a transaction it cut is the caller's error, with nothing
/// of it committed; an open interface is told to reload.
@Suite(.needsPostgres)
struct PostgresSessionTests {
    let server: TestDatabase
    let admin: Database

    init() throws {
        server = try TestDatabase(schema: "CREATE TABLE counter (n bigint NOT NULL); INSERT INTO counter VALUES (0)")
        admin = try server.open()
    }

    /// Ends `db`'s session from the administrator's, and waits until it is gone.
    private func endSession(of db: Database) throws -> Int {
        let backend = try #require(try db.scalar("SELECT pg_backend_pid()", as: Int.self))
        #expect(try admin.scalar("SELECT pg_terminate_backend(\(backend), 5000)", as: Bool.self) == true)
        return backend
    }

    @Test func aReadAfterTheSessionEndedRunsOnANewOne() throws {
        let db = server.db
        let stamp = try db.externalChangeStamp()
        let ended = try endSession(of: db)
        #expect(try db.scalar("SELECT n FROM counter", as: Int.self) == 0)
        #expect(try db.scalar("SELECT pg_backend_pid()", as: Int.self) != ended)
        #expect(try db.externalChangeStamp() != stamp, "what others did meanwhile is unknown: an interface reloads")
        try db.write { db in try db.execute("UPDATE counter SET n = 1") }
        #expect(try admin.scalar("SELECT n FROM counter", as: Int.self) == 1)
    }

    @Test func aTransactionTheSessionEndIsCutLeavesNothingAndTheNextOneWorks() throws {
        let db = server.db
        #expect(throws: StoreError.self) {
            try db.write { db in
                try db.execute("UPDATE counter SET n = 5")
                _ = try endSession(of: db)
                try db.execute("UPDATE counter SET n = 6")
            }
        }
        #expect(!db.isInTransaction)
        #expect(try admin.scalar("SELECT n FROM counter", as: Int.self) == 0, "nothing of the cut transaction was committed")
        try db.write { db in try db.execute("UPDATE counter SET n = 7") }
        #expect(try admin.scalar("SELECT n FROM counter", as: Int.self) == 7)
    }

    @Test func aChangeSentAsTheSessionEndedIsNotSentTwice() throws {
        let db = server.db
        _ = try endSession(of: db)
        let error = #expect(throws: StoreError.self) { try db.execute("UPDATE counter SET n = n + 1") }
        guard case .unreachable(_, let reason) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(reason.contains("may or may not have been made"))
        #expect(try db.scalar("SELECT n FROM counter", as: Int.self) == 0, "the change was not sent again")
    }
}
