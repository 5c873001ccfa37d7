import Foundation
import Synchronization
import Testing
import TestSupport
@testable import TRCAAStore

@Suite struct TransactionTests {
    let fixture = StoreFixture()

    private func count(_ db: Database) throws -> Int { try db.scalar("SELECT count(*) FROM t", as: Int.self) ?? -1 }

    @Test func writeCommitsWhenTheBodyReturns() throws {
        let db = try fixture.open()
        try db.execute("CREATE TABLE t (x)")
        let result = try db.write { db in
            try db.execute("INSERT INTO t VALUES (1)")
            return "done"
        }
        #expect(result == "done")
        #expect(try count(db) == 1)
        #expect(!db.isInTransaction)
    }

    @Test func writeRollsBackAndRethrowsWhenTheBodyThrows() throws {
        struct Boom: Error {}
        let db = try fixture.open()
        try db.execute("CREATE TABLE t (x)")
        #expect(throws: Boom.self) {
            try db.write { db in
                try db.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try count(db) == 0)
        #expect(!db.isInTransaction)
    }

    @Test func theFirstErrorWinsOverAFailingRollback() throws {
        let db = try fixture.open()
        try db.execute("CREATE TABLE t (x)")
        do {
            try db.inTransaction {
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("ROLLBACK")  // the transaction is gone: the later ROLLBACK fails
                try db.execute("SELECT * FROM no_such_table")
                return .commit
            }
            Issue.record("must throw")
        } catch StoreError.sqlite(let failure) {
            #expect(failure.message.contains("no such table"))
        }
        #expect(try count(db) == 0)
    }

    @Test func returningRollbackDiscardsTheWork() throws {
        let db = try fixture.open()
        try db.execute("CREATE TABLE t (x)")
        try db.inTransaction {
            try db.execute("INSERT INTO t VALUES (1)")
            return .rollback
        }
        #expect(try count(db) == 0)
    }

    @Test func aSavepointRollsBackOnlyItsOwnWork() throws {
        struct Boom: Error {}
        let db = try fixture.open()
        try db.execute("CREATE TABLE t (x)")
        try db.write { db in
            try db.execute("INSERT INTO t VALUES (1)")
            try? db.inSavepoint {
                try db.execute("INSERT INTO t VALUES (2)")
                throw Boom()
            }
            try db.inSavepoint {
                try db.execute("INSERT INTO t VALUES (3)")
                return .commit
            }
        }
        #expect(try db.rows("SELECT x FROM t ORDER BY x").map { try $0.decode(at: 0, as: Int.self) } == [1, 3])
    }

    @Test(.sqlcipherOnly) func aWriterWaitsForTheBusyTimeoutThenReportsBusy() throws {
        let holder = try fixture.open()
        try holder.execute("CREATE TABLE t (x)")
        let waiter = try fixture.open(options: OpenOptions(busyTimeoutMilliseconds: 100))
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }
        #expect(throws: StoreError.busy(path: fixture.path)) {
            try waiter.write { try $0.execute("INSERT INTO t VALUES (1)") }
        }
        #expect(try waiter.scalar("SELECT count(*) FROM t", as: Int.self) == 0)  // readers are not blocked
    }

    @Test func aLongWaitIsAnnouncedOnceAndTheWriteThenGoesThrough() throws {
        let holder = try fixture.open()
        try holder.execute("CREATE TABLE t (x)")
        let waiter = try fixture.open()
        let notices = Mutex(0)
        waiter.announceWaits(after: 0.1) { notices.withLock { $0 += 1 } }
        try holder.execute("BEGIN IMMEDIATE")
        nonisolated(unsafe) let committer = holder  // used by the thread alone from here on
        let release = Thread { usleep(600_000); try? committer.execute("COMMIT") }
        release.start()
        try waiter.write { try $0.execute("INSERT INTO t VALUES (1)") }
        #expect(notices.withLock { $0 } == 1, "one notice per wait, however long")
        #expect(try waiter.scalar("SELECT count(*) FROM t", as: Int.self) == 1)
        // A write that does not wait says nothing.
        try waiter.write { try $0.execute("INSERT INTO t VALUES (2)") }
        #expect(notices.withLock { $0 } == 1)
    }
}
