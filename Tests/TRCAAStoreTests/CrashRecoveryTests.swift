import Foundation
import Testing
import TestSupport
@testable import TRCAAStore

/// A process killed in the middle of a checkpoint leaves the main file part new, part old;
/// the WAL still holds every committed page, so the next open must read through it.
@Suite(.sqlcipherOnly) struct CrashRecoveryTests {
    let fixture = StoreFixture()

    /// A checkpoint writes pages in ascending order and grows the file as it goes; `grown`
    /// stands for one cut short after the file had grown (the new pages still zeros).
    @Test(arguments: [false, true]) func aCheckpointCutShortAfterPageOneStillOpens(grown: Bool) throws {
        try fixture.openMigrated().execute("CREATE TABLE seed(x)")  // closed: checkpointed, no WAL left
        let writer = try fixture.open()
        try writer.execute("PRAGMA wal_autocheckpoint = 0")
        // Enough new tables that the schema b-tree gains pages that page 1 then points to.
        for index in 0..<80 { try writer.execute("CREATE TABLE grown_\(index)(a, b, c)") }

        // The files as a kill -9 leaves them when the checkpoint had copied page 1 and nothing else.
        let crashed = TempDirectory()
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: fixture.path + suffix, toPath: crashed.file("trcaa.db" + suffix))
        }
        let wal = try WriteAheadLog(path: crashed.file("trcaa.db-wal"))
        let frame = try #require(wal.lastFrame(ofPage: 1))
        let main = try #require(FileHandle(forUpdatingAtPath: crashed.file("trcaa.db")))
        try main.write(contentsOf: frame)
        if grown { try main.truncate(atOffset: UInt64(wal.committedPageCount * wal.pageSize)) }
        try main.close()

        let reopened = try Database.open(path: crashed.file("trcaa.db"), passphrase: Passphrase(passphrase: fixture.key))
        #expect(try reopened.scalar("SELECT count(*) FROM sqlite_master WHERE name LIKE 'grown_%'", as: Int.self) == 80)
        #expect(try reopened.scalar("PRAGMA integrity_check", as: String.self) == "ok")
    }

    /// A process closing the last connection checkpoints (page 1 first, then the pages it
    /// counts) and deletes the WAL. Another process's lock-free key check can read page 1 in
    /// between and look for the WAL after it is gone: the file it saw counts pages it lacks,
    /// with no WAL beside it. The key check must judge the key alone (one CI run in four
    /// processes failed "damaged" here); damage is for the real connection to report.
    @Test func theKeyCheckJudgesOnlyTheKeyOfAFileCaughtMidCheckpoint() throws {
        try fixture.openMigrated().execute("CREATE TABLE seed(x)")
        let writer = try fixture.open()
        try writer.execute("PRAGMA wal_autocheckpoint = 0")
        for index in 0..<80 { try writer.execute("CREATE TABLE grown_\(index)(a, b, c)") }
        let caught = TempDirectory()
        let path = caught.file("trcaa.db")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        let wal = try WriteAheadLog(path: fixture.path + "-wal")
        let main = try #require(FileHandle(forUpdatingAtPath: path))
        try main.write(contentsOf: try #require(wal.lastFrame(ofPage: 1)))
        try main.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))

        guard case .encrypted(let salt) = try DatabaseFile.inspect(path, pageSize: CipherSettings.trcaa.pageSize) else {
            Issue.record("the copied store is not an encrypted file")
            return
        }
        func rawKey(_ passphrase: String) throws -> SecureBytes {
            let pageKey = try KeyDerivation.pageKey(for: Passphrase(passphrase: passphrase), salt: salt, settings: .trcaa)
            return KeyDerivation.rawKeySpec(pageKey: pageKey, salt: salt)
        }
        try Database.verifyKey(rawKey(fixture.key), of: path, settings: .trcaa)
        #expect(throws: StoreError.wrongKey(path: path)) {
            try Database.verifyKey(rawKey("not the key"), of: path, settings: .trcaa)
        }
        // The state lasts here (nothing finishes the checkpoint), so the real open reports it.
        #expect(throws: StoreError.notADatabase(path: path, reason: "it is damaged (database disk image is malformed)")) {
            try Database.open(path: path, passphrase: Passphrase(passphrase: fixture.key))
        }
    }
}

/// Reads the frames of a SQLite write-ahead log (https://sqlite.org/fileformat2.html#walformat).
private struct WriteAheadLog {
    let bytes: [UInt8]
    var pageSize: Int { Int(bigEndian(at: 8)) }

    init(path: String) throws { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// The database size in pages recorded by the last commit frame.
    var committedPageCount: Int {
        frames.compactMap { offset in bigEndian(at: offset + 4) == 0 ? nil : Int(bigEndian(at: offset + 4)) }.last ?? 0
    }

    /// Offsets of the frame headers.
    private var frames: [Int] {
        Array(stride(from: 32, through: bytes.count - 24 - pageSize, by: 24 + pageSize))
    }

    /// The content of the newest frame holding page `page`.
    func lastFrame(ofPage page: UInt32) -> [UInt8]? {
        frames.last { bigEndian(at: $0) == page }.map { Array(bytes[$0 + 24 ..< $0 + 24 + pageSize]) }
    }

    private func bigEndian(at offset: Int) -> UInt32 {
        bytes[offset ..< offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
