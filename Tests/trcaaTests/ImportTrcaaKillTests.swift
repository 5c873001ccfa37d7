import Foundation
import Glibc
import Testing
import TestSupport

/// A kill -9 at any moment of `trcaa db import-trcaa` leaves the store as it was or fully
/// imported: the logs are read and compressed before the write lock is taken, and everything
/// is written in one transaction.
@Suite struct ImportTrcaaKillTests {
    let cli = CLI()
    /// Loghub samples, one desktop log each (about 2 MB in all).
    static let samples = ["Android_2k.log", "BGL_2k.log", "HDFS_2k.log", "Hadoop_2k.log", "Mac_2k.log", "OpenStack_2k.log",
                          "Thunderbird_2k.log"]
    static let issue = "01940000-0000-7000-8000-0000000001a1"

    private func largeDesktopDatabase() throws -> DesktopFixture {
        let fixture = try DesktopFixture(in: cli.home + "/desktop/tftsr", migrations: DesktopSchema.upTo022,
                                         key: ImportTrcaaTests.desktopKey)
        var sql = """
            INSERT INTO issues (id, title, severity, created_at, updated_at)
            VALUES ('\(Self.issue)', 'Cluster-wide log storm', 'high', '2025-03-01 10:00:00', '2025-03-01 10:00:00');

            """
        for (index, name) in Self.samples.enumerated() {
            let path = SharedFiles.path("data/loghub/" + name)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let gzip = try fixture.gzipped(text, name: name)
            sql += """
                INSERT INTO log_files (id, issue_id, file_name, file_path, file_size, content_hash, uploaded_at, content_compressed)
                VALUES ('01940000-0000-7000-8000-0000000002\(String(format: "%02d", index))', '\(Self.issue)', '\(name)', '\(name)',
                        \(text.utf8.count), '\(try DesktopFixture.sha256Hex(ofFile: path))', '2025-03-01 10:0\(index):00',
                        readfile('\(gzip)'));

                """
        }
        try fixture.run(sql)
        return fixture
    }

    /// When to kill the import.
    private enum Moment {
        case after(seconds: Double)
        /// As soon as the store's write-ahead log grows: the write transaction is under way.
        case whenTheWriteAheadLogGrows
    }

    private func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Nothing of the import, or all of it; and a healthy store either way.
    private func expectNothingOrEverything(sourceLogs: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        let issues = try JSONSerialization.jsonObject(with: Data(try cli.run("issue", "list", "--json").stdout.utf8))
            as? [[String: Any]] ?? []
        let entries = try JSONSerialization.jsonObject(
            with: Data(try cli.run("audit", "list", "--json", "--action", "import_trcaa").stdout.utf8)) as? [Any] ?? []
        let imported = issues.count == 1
        let expected: [Int] = imported ? [1, sourceLogs, 1] : [0, 0, 0]
        #expect([issues.count, issues.first?["log_count"] as? Int ?? 0, entries.count] == expected,
                sourceLocation: sourceLocation)
        #expect(try cli.run("db", "check").status == 0, sourceLocation: sourceLocation)
        return imported
    }

    @Test func aKillAtAnyMomentLeavesTheStoreAsItWasOrFullyImported() throws {
        let fixture = try largeDesktopDatabase()
        #expect(try cli.run("db", "info").status == 0)
        let wal = cli.databasePath + "-wal"
        for moment in [Moment.after(seconds: 0.3), .after(seconds: 1.0), .whenTheWriteAheadLogGrows] {
            let walBefore = fileSize(wal)
            let process = try cli.start(["db", "import-trcaa", fixture.path], stdin: FileHandle.nullDevice,
                                        stdout: FileHandle.nullDevice, stderr: FileHandle.nullDevice)
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline {
                switch moment {
                case .after(let seconds) where Date() >= deadline.addingTimeInterval(seconds - 60): kill(process.processIdentifier, SIGKILL)
                case .whenTheWriteAheadLogGrows where fileSize(wal) > walBefore: kill(process.processIdentifier, SIGKILL)
                default: usleep(2_000)
                }
            }
            process.waitUntilExit()
            if try expectNothingOrEverything(sourceLogs: Self.samples.count) { return }
        }
        let last = try cli.run("db", "import-trcaa", fixture.path)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(try expectNothingOrEverything(sourceLogs: Self.samples.count))
    }
}
