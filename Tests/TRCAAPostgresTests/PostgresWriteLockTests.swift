import Foundation
import Synchronization
import TestSupport
import Testing
import TRCAAPostgres
import TRCAAStore

/// Writers take the store's write lock first, as SQLite's IMMEDIATE transactions do: a second
/// writer waits for the first to commit, is told when the wait is long, and gives up as busy.
@Suite(.needsPostgres)
struct PostgresWriteLockTests {
    let server: TestDatabase

    init() throws {
        server = try TestDatabase(schema: "CREATE TABLE counter (n bigint NOT NULL); INSERT INTO counter VALUES (0)")
    }

    @Test func aSecondWriterWaitsForTheFirstsCommitAndIsToldOfTheWait() throws {
        let first = server.db
        let url = server.url
        let noticed = Mutex(false)
        let secondSaw = Mutex<Int?>(nil)
        let secondDone = DispatchSemaphore(value: 0)
        try first.inTransaction(.immediate) {
            Thread {
                defer { secondDone.signal() }
                guard let second = try? Database(connection: PostgresStoreConnection.open(url, environment: [:]), path: "second")
                else { return }
                second.announceWaits(after: 0.1) { noticed.withLock { $0 = true } }
                let seen = try? second.write { db in
                    let n = try db.scalar("SELECT n FROM counter", as: Int.self) ?? -1
                    try db.execute("UPDATE counter SET n = ?", [.integer(Int64(n + 1))])
                    return n
                }
                secondSaw.withLock { $0 = seen }
            }.start()
            Thread.sleep(forTimeInterval: 0.5)
            #expect(secondDone.wait(timeout: .now()) == .timedOut, "the second writer must wait")
            try first.execute("UPDATE counter SET n = n + 10")
            return .commit
        }
        #expect(secondDone.wait(timeout: .now() + 10) == .success)
        #expect(secondSaw.withLock { $0 } == 10, "the second writer read what the first committed")
        #expect(noticed.withLock { $0 })
        #expect(try first.scalar("SELECT n FROM counter", as: Int.self) == 11)
    }

    @Test func aWriterGivesUpAsBusyAfterTheLockTimeout() throws {
        let first = server.db
        var options = PostgresOpenOptions()
        options.lockTimeoutMilliseconds = 200
        let second = try server.open(options)
        try first.inTransaction(.immediate) {
            let error = #expect(throws: StoreError.self) { try second.write { _ in } }
            guard case .busy(let path, let holders) = error else { Issue.record("not busy: \(String(describing: error))"); return .commit }
            #expect(path == server.url.redacted)
            #expect(holders.count == 1 && holders[0].hasPrefix("trcaa ") && holders[0].contains(" pid \(getpid()), writing for "),
                    "the holder is named as its session calls itself: \(holders)")
            #expect(second.writeLockHolders() == holders, "what a wait notice names")
            #expect(!second.isInTransaction)
            return .commit
        }
        try second.write { db in try db.execute("UPDATE counter SET n = 1") }
    }

    @Test func readersDoNotWaitForAWriter() throws {
        let first = server.db
        let reader = try server.open()
        try first.inTransaction(.immediate) {
            try first.execute("UPDATE counter SET n = 5")
            #expect(try reader.read { try $0.scalar("SELECT n FROM counter", as: Int.self) } == 0)
            return .commit
        }
        #expect(try reader.read { try $0.scalar("SELECT n FROM counter", as: Int.self) } == 5)
    }
}
