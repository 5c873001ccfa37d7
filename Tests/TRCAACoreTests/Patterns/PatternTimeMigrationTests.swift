import Foundation
import Testing
import TRCAACore
import TRCAAStore

/// Migration 112: pattern times stored on the old clock read back as what their lines wrote.
@Suite struct PatternTimeMigrationTests {
    private func seconds(_ line: String) -> Int { Array(line.utf8).withUnsafeBytes { LogTimestamp.seconds($0)! } }

    @Test func storedTimesMoveToTheClockThatGivesBackTheLinesTime() throws {
        let directory = NSTemporaryDirectory() + "trcaa-pattern-times-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let db = try Database.open(path: directory + "/t.db", passphrase: Passphrase(passphrase: "pattern-times"))
        try Migrator(Migrator.trcaa.migrations.filter { $0.name != "112_log_pattern_times" }).migrate(db)
        // The old clock: 366-day years from 2000 (a missing year as 2000), 31-day months.
        func old(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Int {
            ((((year - 2000) * 366 + (month - 1) * 31 + day - 1) * 24 + hour) * 60 + minute) * 60 + second
        }
        try db.execute("""
            INSERT INTO issues (id, title) VALUES ('i', 'issue');
            INSERT INTO log_files (id, issue_id, file_name, file_path) VALUES ('l', 'i', 'a.log', '');
            INSERT INTO log_patterns (log_file_id, pattern_id, template, line_count, level, first_line, last_line, first_time, last_time)
            VALUES ('l', 1, 'a', 1, 0, 0, 0, \(old(2000, 12, 10, 6, 55, 46)), \(old(2015, 10, 18, 18, 1, 47))),
                   ('l', 2, 'b', 1, 0, 0, 0, NULL, NULL);
            """)
        try Migrator.trcaa.migrate(db)
        let times = try db.rows("SELECT first_time, last_time FROM log_patterns ORDER BY pattern_id").map {
            [try $0.decode(at: 0, as: Int?.self), try $0.decode(at: 1, as: Int?.self)]
        }
        #expect(times == [[seconds("Dec 10 06:55:46 host"), seconds("2015-10-18 18:01:47,978 INFO")], [nil, nil]])
        #expect(LogTimestamp.fields(seconds: times[0][1]!).year == 2015)
    }
}
