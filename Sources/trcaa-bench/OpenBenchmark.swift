import ArgumentParser
import CSQLCipher
import Foundation
import TRCAACore
import TRCAAStore

/// The cost of opening the store: time from process-level start of the open to the first
/// query answered, compared with the key derivation alone and with SQLCipher keyed the
/// usual way (`PRAGMA key`, as the `sqlcipher` shell and the original app do).
struct OpenBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open cost: time to the first query after the key.")

    @Option(help: "Runs per measurement.") var runs = 15

    mutating func run() throws {
        let directory = NSTemporaryDirectory() + "trcaa-bench-open-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let key = "bench-key-0123456789abcdef"
        let environment = ["TRCAA_DB_KEY": key, "HOME": directory]
        let options = WorkspaceOptions(dataDirectory: directory)
        _ = try Workspace.open(options, environment: environment)  // create and migrate once
        let path = directory + "/trcaa.db"
        let kdf = try KeyDerivationBaseline.measure("PBKDF2-HMAC-SHA512 x256000 alone (libcrypto)", key: key,
                                                    databasePath: path, runs: runs)
        let pragmaKey = Samples.measure("SQLCipher PRAGMA key + settings + first query", runs: runs) {
            rawPragmaKeyOpen(path: path, key: key)
        }
        let database = try Samples.measure("trcaa Database.open (probe, WAL, pragmas, verify)", runs: runs) {
            let db = try Database.open(path: path, passphrase: Passphrase(passphrase: key))
            _ = try db.scalar("SELECT count(*) FROM issues", as: Int.self)
        }
        let workspace = try Samples.measure("trcaa Workspace.open (+ key resolution, migrations)", runs: runs) {
            let opened = try Workspace.open(options, environment: environment)
            _ = try opened.database.scalar("SELECT count(*) FROM issues", as: Int.self)
        }
        Report.printTable(title: "Open cost, \(runs) runs each (existing database, 4096-byte pages)",
                          baseline: kdf, figures: [pragmaKey, database, workspace])
        print("  trcaa overhead beyond the KDF: \(Report.milliseconds(workspace.median - kdf.median)) (median)")
    }

    private func rawPragmaKeyOpen(path: String, key: String) {
        var db: OpaquePointer?
        sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil)
        defer { sqlite3_close_v2(db) }
        let script = """
            PRAGMA key = '\(key)'; PRAGMA cipher_log_level = NONE; PRAGMA cipher_page_size = 4096; \
            PRAGMA kdf_iter = 256000; PRAGMA cipher_hmac_algorithm = HMAC_SHA512; \
            PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512; SELECT count(*) FROM issues;
            """
        sqlite3_exec(db, script, nil, nil, nil)
    }
}
