import Foundation
import Testing
import TestSupport

/// The commands on a store on a PostgreSQL server (`TRCAA_DATABASE_URL`), whatever store the
/// other suites test.
@Suite(.needsPostgres) struct ServerStoreTests {
    let cli = CLI(store: .postgres)

    private func created(_ result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    @Test func anIssueAndItsWhysOnTheServerWithAnIntactAuditChain() throws {
        let issue = created(try cli.run("issue", "new", "Checkout 504s", "--description", "from the load balancer"))
        #expect(issue == "1")
        let list = try cli.run("issue", "list")
        #expect(list.status == 0 && list.stdout.contains("Checkout 504s"), "\(list.stderr)")
        let show = try cli.run("issue", "show", issue)
        #expect(show.status == 0 && show.stdout.contains("from the load balancer"), "\(show.stderr)")
        _ = created(try cli.run("why", "add", issue, "Why 504s?", "--answer", "The pool was exhausted"))
        #expect(try cli.run("why", "list", issue).stdout.contains("The pool was exhausted"))
        let verify = try cli.run("audit", "verify")
        #expect(verify.status == 0 && verify.stdout.hasPrefix("audit chain intact: "), "\(verify.stdout)\(verify.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory + "/.dbkey"), "no key file for a server store")
    }

    @Test func aLogComesBackByteForByte() throws {
        let issue = created(try cli.run("issue", "new", "Login outage"))
        var text = (0..<2000).map { "2025-01-15 10:00:\(String(format: "%02d", $0 % 60)) INFO request \($0) from 10.0.\($0 % 256).7\n" }
            .joined()
        text += "2025-01-15 10:05:00 ERROR login failed for dave@example.com (é, ✓)\r\nno newline at the end"
        let path = cli.home + "/app.log"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let log = created(try cli.run("log", "import", issue, path))
        let shown = try cli.run("log", "show", log)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout == text)
        #expect(try cli.run("log", "show", log, "--lines", "2001").stdout.hasPrefix("2025-01-15 10:05:00 ERROR"))
    }

    @Test func dbCheckLeavesForeignKeysToTheServerAndSaysWhenItDoesNotEnforceThem() throws {
        _ = created(try cli.run("issue", "new", "Checked on the server"))
        let healthy = try cli.run("db", "check")
        #expect(healthy.status == 0, "\(healthy.stderr)")
        #expect(healthy.stdout == """
            foreign_key_check       ok (enforced by the server)
            log_content             ok
            audit_chain             ok

            """)
        // Disabled triggers (as a restore with them off leaves them) switch a foreign key off.
        try cli.shellSQL("ALTER TABLE log_files DISABLE TRIGGER ALL;")
        let unenforced = try cli.run("db", "check")
        #expect(unenforced.status == 1)
        // Its own foreign key, and those of the tables that reference it (their triggers are on it).
        let disabled = ": triggers that enforce it are disabled, so the server does not"
        #expect(unenforced.stdout.hasPrefix("foreign_key_check       foreign key "), "\(unenforced.stdout)")
        #expect(unenforced.stdout.contains(" foreign key log_files_issue_id_fkey of log_files\(disabled)\n"))
        #expect(unenforced.stdout.contains(" foreign key log_blocks_log_file_id_fkey of log_blocks\(disabled)\n"))
        #expect(unenforced.stderrLines.last == "trcaa: the database has problems (see above)")
    }

    @Test func aWrongKeyOrNoKeyIsRefusedWithExit77() throws {
        _ = created(try cli.run("issue", "new", "Kept under the team key"))
        let wrong = try cli.run("issue", "list", environment: ["TRCAA_DB_KEY": "not-the-team-key"])
        #expect(wrong.status == 77)
        #expect(wrong.stderrLines.first?.hasPrefix("trcaa: the key does not open this server store") == true, "\(wrong.stderr)")
        #expect(!wrong.stdout.contains("Kept under the team key"))
        cli.environment["TRCAA_DB_KEY"] = nil
        let none = try cli.run("issue", "list")
        #expect(none.status == 77)
        #expect(none.stderr.contains("set TRCAA_DB_KEY"), "\(none.stderr)")
    }

    @Test func aCopyTakesTheStoreToAFileAndNeverShowsThePassword() throws {
        _ = created(try cli.run("issue", "new", "Taken offline"))
        let url = try #require(cli.environment["TRCAA_DATABASE_URL"]) + "&password=hunter2"
        let itself = try cli.run("db", "copy", "--to", url)
        #expect(itself.status == 64 && itself.stderr.contains("is the store being copied"), "\(itself.stderr)")
        let file = cli.home + "/offline.db"
        let copy = try cli.run("db", "copy", "--to", file, environment: ["TRCAA_DATABASE_URL": url])
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(!(itself.stderr + copy.stdout + copy.stderr).contains("hunter2"))
        #expect(try cli.run("--db", file, "issue", "list").stdout.contains("Taken offline"))
        #expect(try cli.run("--db", file, "audit", "verify").status == 0)
    }

    /// A copied issue keeps a number past the server's next one; new issues then go on after it
    /// (the identity's sequence would otherwise hand out 5 again).
    @Test func issuesCopiedFromAFileKeepTheirNumbersAndNewOnesComeAfter() throws {
        _ = created(try cli.run("issue", "new", "On the server first"))
        let file = cli.home + "/laptop.db"
        for index in 1...5 { _ = created(try cli.run("--db", file, "issue", "new", "Laptop issue \(index)")) }
        let url = try #require(cli.environment["TRCAA_DATABASE_URL"])
        let copy = try cli.run("--db", file, "db", "copy", "--to", url, "--issue", "5")
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(try cli.run("issue", "show", "5").stdout.contains("Laptop issue 5"))
        let next = (0..<4).map { index in created(try! cli.run("issue", "new", "Later \(index)")) }
        #expect(next == ["6", "7", "8", "9"], "numbers go on after the largest, as SQLite's AUTOINCREMENT does")
        #expect(try cli.run("audit", "verify").status == 0)
    }

    @Test func dbInfoDescribesTheServerAndNeverThePassword() throws {
        let url = try #require(cli.environment["TRCAA_DATABASE_URL"]) + "&password=hunter2"
        let info = try cli.run("db", "info", environment: ["TRCAA_DATABASE_URL": url])
        #expect(info.status == 0, "\(info.stderr)")
        for expected in ["Store         PostgreSQL server", "Server        PostgreSQL 15.", "Connection    Unix socket ",
                         "Role          trcaa", "Key source    environment variable TRCAA_DB_KEY",
                         "Content       AES-256-GCM per value; key wrapped with PBKDF2_HMAC_SHA512, 256,000 iterations",
                         "Migrations    38 applied (22 of the original's 22, 16 trcaa), 0 pending"] {
            #expect(info.stdout.contains(expected), "\(expected) in \(info.stdout)")
        }
        let json = try cli.run("db", "info", "--json", environment: ["TRCAA_DATABASE_URL": url])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "postgresql")
        #expect(object["transport"] as? String == "unix-socket")
        #expect((object["content_encryption"] as? [String: Any])?["kdf_iterations"] as? Int == 256_000)
        #expect((object["applied_migrations"] as? [Any])?.count == 38)
        #expect(!(info.stdout + info.stderr + json.stdout + json.stderr).contains("hunter2"))
    }

    /// A write that waits for another session's write lock gives up after the lock timeout
    /// (5 s) and names who holds it, as the server knows the session.
    @Test func aWriteThatCannotGetTheLockNamesWhoHoldsIt() throws {
        _ = created(try cli.run("issue", "new", "Before the long writer"))
        let url = try #require(cli.environment["TRCAA_DATABASE_URL"])
        let writeLock = "\(0x7472_6361_6100_0001 as Int64)"  // the store's write lock (PostgresStoreConnection)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: PostgresTestCluster.bin + "/psql")
        holder.arguments = [url, "-X", "-q", "-c", "BEGIN; SELECT pg_advisory_xact_lock(\(writeLock)); SELECT pg_sleep(15); COMMIT"]
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice  // its session ends when the test's database is dropped
        try holder.run()
        defer { holder.terminate() }
        for _ in 0..<100 {
            let held = try Shell.run([PostgresTestCluster.bin + "/psql", url, "-X", "-A", "-t", "-c",
                                      "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"])
            if held.stdout.hasPrefix("1") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let refused = try cli.run("issue", "new", "Waits for the lock")
        #expect(refused.status == 75)
        #expect(refused.stderr.contains("is being written by psql (role trcaa), writing for "), "\(refused.stderr)")
        #expect(!(try cli.run("issue", "list").stdout.contains("Waits for the lock")))
    }

    /// `db rekey` on a server wraps the content key under the new team key: the content is not
    /// rewritten, the old key no longer opens the store, the new one opens all of it.
    @Test func rekeyMovesTheTeamToTheNewKeyAndKeepsTheContent() throws {
        let issue = created(try cli.run("issue", "new", "Kept across the rekey"))
        let path = cli.home + "/app.log"
        try Data("2025-01-15 10:00:00 INFO started\n".utf8).write(to: URL(fileURLWithPath: path))
        let log = created(try cli.run("log", "import", issue, path))
        let rekey = try cli.run("db", "rekey", "--from-env", "NEW_TEAM_KEY", environment: ["NEW_TEAM_KEY": "the new team key"])
        #expect(rekey.status == 0 && rekey.stderr.contains("every analyst needs the new key in TRCAA_DB_KEY"), "\(rekey.stderr)")
        let old = try cli.run("issue", "list")
        #expect(old.status == 77, "\(old.stderr)")
        cli.environment["TRCAA_DB_KEY"] = "the new team key"
        #expect(try cli.run("log", "show", log).stdout == "2025-01-15 10:00:00 INFO started\n")
        #expect(try cli.run("audit", "list", "--action", "rekey_database").stdout.contains("rekey_database"))
        #expect(try cli.run("audit", "verify").status == 0)
    }
}
