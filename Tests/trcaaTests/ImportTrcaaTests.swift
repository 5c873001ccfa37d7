import Foundation
import Testing
import TestSupport

/// `trcaa db import-trcaa` on desktop databases made by the `sqlcipher` shell with the
/// desktop's DDL (`DesktopFixture`), checked through the CLI.
@Suite struct ImportTrcaaTests {
    let cli = CLI()
    static let desktopKey = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    var desktopDirectory: String { cli.home + "/desktop/tftsr" }

    func fixture(_ level: DesktopIncidents.Level, key: String? = desktopKey, keyFile: Bool = true) throws -> DesktopFixture {
        let migrations = switch level {
        case .tftsr: DesktopSchema.tftsr
        case .v022: DesktopSchema.upTo022
        case .later: DesktopSchema.withLaterTables
        }
        let fixture = try DesktopFixture(in: desktopDirectory, migrations: migrations, key: key, keyFile: keyFile)
        try DesktopIncidents.write(into: fixture, level: level, evidence: cli.home + "/evidence")
        return fixture
    }

    func importing(_ arguments: String..., environment: [String: String] = [:]) throws -> CLI.Result {
        try cli.run(arguments: ["db", "import-trcaa"] + arguments, environment: environment)
    }

    /// Every file of a directory and its SHA-256: the source must not change in any way.
    func snapshot(_ directory: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            files[name] = try DesktopFixture.sha256Hex(ofFile: directory + "/" + name)
        }
        return files
    }

    func json(_ arguments: String...) throws -> Any {
        let result = try cli.run(arguments: arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func issues() throws -> [[String: Any]] { try json("issue", "list", "--json") as? [[String: Any]] ?? [] }

    @Test func a022DatabaseComesOverWholeAndTheSourceIsUntouched() throws {
        let fixture = try fixture(.v022)
        let before = try snapshot(desktopDirectory)
        let result = try importing(fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try snapshot(desktopDirectory) == before, "the source directory changed")
        #expect(result.stdout.contains("Key           key file \(desktopDirectory)/.dbkey"))
        #expect(result.stdout.contains("SHA-256       \(try DesktopFixture.sha256Hex(ofFile: fixture.path))"))
        #expect(result.stdout.contains("Migrations    22 applied by the desktop app"))
        #expect(result.stdout.contains("Audit chain   intact (3 entries; 2 from before 012 without hashes)"))
        #expect(result.stdout.contains("Issues        3 new, 0 already here"))
        #expect(result.stdout.contains("Logs          3 new"))
        #expect(result.stdout.contains("PII rows      2 of the desktop's (1 duplicates) replaced by this store's detection"))
        #expect(result.stderr.contains("warning: log \(DesktopIncidents.goneLog) (old.log): content not available"))

        // In creation order, severities and times in this store's formats.
        let imported = try issues().sorted { ($0["number"] as? Int ?? 0) < ($1["number"] as? Int ?? 0) }
        #expect(imported.map { $0["id"] as? String } == [DesktopIncidents.apiIssue, DesktopIncidents.diskIssue, DesktopIncidents.dnsIssue])
        #expect(imported.map { $0["severity"] as? String } == ["P1", "P2", "P4"])
        #expect(imported[1]["created_at"] as? String == "2025-01-10T09:00:00Z", "stored as 2025-01-10 09:00:00; JSON shows ISO 8601")
        #expect(imported[1]["log_count"] as? Int == 3)
        #expect(imported[1]["step_count"] as? Int == 2)

        // Byte-exact text, through the pipeline: PII found, the pre-020 file read back.
        for (log, text) in [(DesktopIncidents.storedLog, DesktopIncidents.storedText), (DesktopIncidents.fileLog, DesktopIncidents.fileText)] {
            let out = cli.home + "/\(log).out"
            let export = try cli.run("log", "export", log, "-o", out)
            #expect(export.status == 0, "\(export.stderr)")
            #expect(try DesktopFixture.sha256Hex(ofFile: out) == (try DesktopFixture.sha256Hex(text)))
        }
        let pii = try json("log", "pii", DesktopIncidents.storedLog, "--json")
        let types = Set((pii as? [[String: Any]] ?? []).compactMap { $0["type"] as? String })
        #expect(types.isSuperset(of: ["Email", "IPv4"]), "\(pii)")
        let image = cli.home + "/image.out"
        #expect(try cli.run("image", "export", DesktopIncidents.pathOnlyImage, "-o", image).status == 0)
        #expect(try DesktopFixture.sha256Hex(ofFile: image) == (try DesktopFixture.sha256Hex(ofFile: cli.home + "/evidence/graph.png")))
        let gone = try cli.run("log", "show", DesktopIncidents.goneLog)
        #expect(gone.status == 65)

        let verify = try cli.run("audit", "verify")
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        let entries = try json("audit", "list", "--json", "--action", "import_trcaa") as? [[String: Any]] ?? []
        #expect(entries.count == 1)
        let details = entries.first?["details"] as? String ?? ""
        #expect(details.contains(#""source_sha256":"\#(try DesktopFixture.sha256Hex(ofFile: fixture.path))""#))
        #expect(details.contains(#""state":"intact""#))
        #expect(details.contains(#""issues":3"#))
        #expect(try cli.run("db", "check").status == 0)
    }

    @Test func importingTwiceChangesNothingTheSecondTime() throws {
        let fixture = try fixture(.v022)
        #expect(try importing(fixture.path).status == 0)
        let auditBefore = try json("audit", "list", "--json", "--limit", "1000") as? [[String: Any]] ?? []
        let again = try importing(fixture.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.hasSuffix("trcaa: already imported: 0 new\n"))
        #expect(again.stdout.contains("Issues        0 new, 3 already here"))
        #expect((try json("audit", "list", "--json", "--limit", "1000") as? [[String: Any]] ?? []).count == auditBefore.count)
        #expect(try issues().count == 3)
    }

    @Test func aMergeKeepsWorkDoneHereAndReportsTheConflict() throws {
        let fixture = try fixture(.v022)
        #expect(try importing(fixture.path).status == 0)
        #expect(try cli.run("issue", "edit", DesktopIncidents.apiIssue, "--title", "Checkout 504s (edited here)").status == 0)
        let own = try cli.run("issue", "new", "Work done here first")
        #expect(own.status == 0)
        let again = try importing(fixture.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Conflicts     issues: \(DesktopIncidents.apiIssue) (kept as they are here)"))
        #expect(again.stderr.hasSuffix("trcaa: already imported: 0 new; 1 conflict kept as they are here\n"))
        let titles = try issues().compactMap { $0["title"] as? String }
        #expect(titles.contains("Checkout 504s (edited here)") && titles.contains("Work done here first"))
        #expect(try cli.run("audit", "verify").status == 0)
    }

    @Test func aTFTSRDatabaseHasNoHashesAndLogsFromTheirFiles() throws {
        let fixture = try fixture(.tftsr)
        let result = try importing(fixture.path, "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["source_migrations"] as? Int == 10)
        #expect((report["source_chain"] as? [String: Any])?["state"] as? String == "no_hashes")
        let tables = report["tables"] as? [[String: Any]] ?? []
        let logs = tables.first { $0["table"] as? String == "log_files" }
        #expect(logs?["new"] as? Int == 2)
        let out = cli.home + "/cron.out"
        #expect(try cli.run("log", "export", DesktopIncidents.fileLog, "-o", out).status == 0)
        #expect(try DesktopFixture.sha256Hex(ofFile: out) == (try DesktopFixture.sha256Hex(DesktopIncidents.fileText)))
        #expect(try cli.run("audit", "verify").status == 0)
    }

    @Test func tablesOfLaterDesktopVersionsAreListedAsSkipped() throws {
        let fixture = try fixture(.later)
        let result = try importing(fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Migrations    26 applied by the desktop app"))
        #expect(result.stdout.contains("Skipped       database_connections (1 row), kube_contexts (1 row), shell_sessions (2 rows)"))
        #expect(result.stdout.contains("Not kept      mcp_servers.env_config"))
        #expect(result.stdout.contains("credentials 1 new"))
    }

    @Test func aPlainDebugDatabaseOpensWithoutAKeyAndItsBackupCanBeRemoved() throws {
        let fixture = try fixture(.v022, key: nil)
        let backup = fixture.path + ".plain-backup"
        try FileManager.default.copyItem(atPath: fixture.path, toPath: backup)
        let result = try importing(fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Key           none (a plain SQLite file)"))
        #expect(result.stderr.contains("warning: \(backup) is an unencrypted copy of the desktop's incidents"))
        let refused = try importing(fixture.path, "--remove-plain-backup")
        #expect(refused.status == 64)
        #expect(FileManager.default.fileExists(atPath: backup))
        let removed = try importing(fixture.path, "--remove-plain-backup", "--yes")
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stderr.contains("overwrote and removed \(backup)"))
        #expect(!FileManager.default.fileExists(atPath: backup))
    }

    @Test func aWrongKeyExits77NamingWhatWasTriedButNeverTheKey() throws {
        let fixture = try fixture(.v022, keyFile: false)
        let before = try snapshot(desktopDirectory)
        let wrong = "not-the-desktop-key-1234"
        let result = try importing(fixture.path, "--source-key-env", "MY_KEY",
                                   environment: ["MY_KEY": wrong, "TFTSR_DB_KEY": wrong + "x"])
        #expect(result.status == 77)
        // On a server the harness gives the store's key in TRCAA_DB_KEY, which the desktop app reads too.
        let store = cli.environment["TRCAA_DB_KEY"]
        let tried = ["MY_KEY (--source-key-env)"] + (store == nil ? [] : ["TRCAA_DB_KEY"]) + ["TFTSR_DB_KEY"]
        #expect(result.stderr.contains("no key opens the desktop database \(fixture.path) (tried: \(tried.joined(separator: "; ")))"))
        for key in [wrong, store].compactMap(\.self) {
            #expect(!result.stderr.contains(key) && !result.stdout.contains(key))
        }
        #expect(try snapshot(desktopDirectory) == before)
        // TRCAA_DB_KEY, or else TFTSR_DB_KEY (trcaa's legacy variable too), keyed this store on the first run.
        let right = try importing(fixture.path, "--source-key-env", "MY_KEY",
                                  environment: ["MY_KEY": Self.desktopKey, "TFTSR_DB_KEY": wrong + "x"])
        #expect(right.status == 0, "\(right.stderr)")
    }

    @Test func aWriteTheDesktopAppLeftUnfinishedIsReportedAndLeftAlone() throws {
        let fixture = try fixture(.v022, key: nil)
        // The desktop app killed in the middle of a large write: a hot rollback journal.
        try Shell.run(["sqlcipher", fixture.path], input: """
            PRAGMA cache_size = 5;
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
            INSERT INTO settings (key, value) SELECT 'k' || i, printf('%.100c', 'x') FROM n;
            .system kill -9 $PPID
            """)
        let before = try snapshot(desktopDirectory)
        #expect(before.keys.contains("tftsr.db-journal"))
        let result = try importing(fixture.path)
        #expect(result.status == 75)
        #expect(result.stderr.contains("the desktop app stopped in the middle of a write to \(fixture.path)"))
        #expect(try snapshot(desktopDirectory) == before)
    }

    @Test func whatIsNotADesktopDatabaseIsRefused() throws {
        #expect(try cli.run("db", "info").status == 0)
        let own = try importing(try cli.storeLocation())
        #expect(own.status == 64)
        #expect(own.stderr.contains("is this trcaa store itself"))
        let text = cli.home + "/notes.txt"
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: text))
        let notes = try importing(text)
        #expect(notes.status == 65)
        #expect(notes.stderr.contains("\(text) is not a TRCAA desktop database: its size (15 bytes) is not a whole number of 16384-byte pages"))
        let missing = try importing(cli.home + "/nothing.db")
        #expect(missing.status == 66)
    }

    @Test func aTamperedDesktopChainIsReportedAndOursStillHolds() throws {
        let fixture = try fixture(.v022)
        try fixture.run("UPDATE audit_log SET details = '{\"doc_type\":\"postmortem\"}' WHERE id = '01940000-0000-7000-8000-000000000013';")
        let result = try importing(fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Audit chain   broken at entry 3 (01940000-0000-7000-8000-000000000013)"))
        #expect(try cli.run("audit", "verify").status == 0)
    }

    @Test func withoutAPathTheDesktopsOwnPlaceIsFoundAndADryRunWritesNothing() throws {
        let xdg = cli.home + "/xdg"
        let fixture = try DesktopFixture(in: xdg + "/tftsr", migrations: DesktopSchema.upTo022, key: Self.desktopKey)
        try DesktopIncidents.write(into: fixture, level: .v022, evidence: cli.home + "/evidence")
        let result = try importing("--dry-run", environment: ["XDG_DATA_HOME": xdg])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("looking at \(fixture.path) (found in $XDG_DATA_HOME/tftsr)"))
        #expect(result.stdout.contains("Issues        3 would be new, 0 already here"))
        #expect(result.stderr.hasSuffix("dry run: 21 rows would be new; nothing was written\n"))
        #expect(try issues().isEmpty)
        let missing = try importing(environment: ["XDG_DATA_HOME": cli.home + "/nowhere"])
        #expect(missing.status == 66)
    }
}
