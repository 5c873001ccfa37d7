import Foundation
import Testing
import TRCAAStore
import TestSupport

@Suite struct DbCommandTests {
    let cli = CLI()

    @Test(.sqlcipherOnly) func theFirstRunGeneratesAKeyAndInfoShowsTheProtection() throws {
        let first = try cli.run("db", "info")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderrLines == ["trcaa: generated a new database key in \(cli.dataDirectory)/.dbkey; keep a copy: without it the database cannot be opened"])
        for expected in ["Page size     4096", "KDF           PBKDF2_HMAC_SHA512, 256,000 iterations",
                         "HMAC          HMAC_SHA512", "Journal mode  wal", "Foreign keys  on",
                         "Migrations    \(Migrator.trcaa.migrations.count) applied (22 of the original's 22, "
                            + "\(Migrator.trcaa.migrations.count - 22) trcaa), 0 pending",
                         "022_attachment_views"] {
            #expect(first.stdout.contains(expected), "missing: \(expected)")
        }
        let key = try cli.keyFile()
        #expect(!first.stdout.contains(key) && !first.stderr.contains(key))
        let second = try cli.run("db", "info")
        #expect(second.stderr.isEmpty)
        #expect(second.stdout.contains("Key source    key file \(cli.dataDirectory)/.dbkey"))
    }

    @Test(.sqlcipherOnly) func infoAsJSONHasTheSchemaOfRecord() throws {
        let result = try cli.run("db", "info", "--json", environment: ["TRCAA_DB_KEY": "json-key-secret"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("json-key-secret"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["cipher_version"] as? String)?.hasPrefix("4.") == true)
        #expect(json["page_size"] as? Int == 4096)
        #expect(json["kdf_iterations"] as? Int == 256_000)
        #expect(json["hmac_algorithm"] as? String == "HMAC_SHA512")
        #expect(json["kdf_algorithm"] as? String == "PBKDF2_HMAC_SHA512")
        #expect(json["journal_mode"] as? String == "wal")
        #expect(json["foreign_keys"] as? Bool == true)
        #expect(json["path"] as? String == cli.databasePath)
        #expect((json["file_size"] as? Int ?? 0) > 0)
        #expect(json["key_source"] as? [String: String] == ["kind": "env", "variable": "TRCAA_DB_KEY"])
        let applied = (json["applied_migrations"] as? [[String: String]] ?? []).compactMap { $0["name"] }
        #expect(Array(applied.prefix(22)) == MigrationNames.original)
    }

    @Test(.sqlcipherOnly) func migrateReportsWhatItApplied() throws {
        let db = try Database.open(path: cli.databasePathCreatingDirectory(), passphrase: Passphrase(passphrase: "k"))
        try Migrator.trcaa.filter { $0.name < "021" }.migrate(db)
        let result = try cli.run("db", "migrate", environment: ["TRCAA_DB_KEY": "k"])
        #expect(result.status == 0, "\(result.stderr)")
        let remaining = Migrator.trcaa.migrations.dropFirst(20).map(\.name)
        let total = Migrator.trcaa.migrations.count
        #expect(remaining.prefix(3) == ["021_add_image_data", "022_attachment_views", "100_issues_fts_sync"])
        #expect(result.stdout == remaining.map { $0 + "\n" }.joined())
        #expect(result.stderr == "trcaa: applied \(remaining.count) migrations (\(total) in all)\n")
        let again = try cli.run("db", "migrate", environment: ["TRCAA_DB_KEY": "k"])
        #expect(again.stdout.isEmpty)
        #expect(again.stderr == "trcaa: the database is up to date (\(total) migrations applied)\n")
    }

    @Test(.sqlcipherOnly) func checkPassesOnAHealthyDatabaseAndFailsOnADamagedOne() throws {
        #expect(try cli.run("db", "info").status == 0)
        let healthy = try cli.run("db", "check")
        #expect(healthy.status == 0)
        #expect(healthy.stdout == """
            integrity_check         ok
            cipher_integrity_check  ok
            foreign_key_check       ok
            write_ahead_log         ok
            log_content             ok
            audit_chain             ok

            """)

        try damageRootPage(of: "documents")
        let damaged = try cli.run("db", "check")
        #expect(damaged.status == 1)
        #expect(damaged.stdout.contains("cipher_integrity_check  "))
        #expect(!damaged.stdout.contains("cipher_integrity_check  ok"))
        #expect(damaged.stderrLines.last == "trcaa: the database has problems (see above)")
    }

    @Test(.sqlcipherOnly) func aDamagedPageOfTheLogsStopsNoOtherCheck() throws {
        let issue = try cli.run("issue", "new", "Outage").stdout.trimmingCharacters(in: .newlines)
        let path = cli.home + "/app.log"
        try Data("one line\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try cli.run("log", "import", issue, path, "-q").status == 0)
        try damageRootPage(of: "log_files")
        let damaged = try cli.run("db", "check")
        #expect(damaged.status == 1)
        let names = damaged.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first }.filter { !$0.isEmpty }
        #expect(names.contains("log_content") && names.last == "audit_chain", "\(damaged.stdout)")
        #expect(damaged.stdout.contains("log_content             could not run: "), "\(damaged.stdout)")
        #expect(damaged.stdout.hasSuffix("audit_chain             ok\n"))
    }

    @Test func checkReadsEveryLogAgainstItsHashOnEveryStore() throws {
        let issue = try cli.run("issue", "new", "Outage").stdout.trimmingCharacters(in: .newlines)
        let path = cli.home + "/app.log"
        try Data((0..<500).map { "line \($0) of the log\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
        let log = try cli.run("log", "import", issue, path, "-q").stdout.trimmingCharacters(in: .newlines)
        let healthy = try cli.run("db", "check")
        #expect(healthy.status == 0, "\(healthy.stdout)\(healthy.stderr)")
        let lines = healthy.stdout.split(separator: "\n")
        #expect(lines.suffix(2) == ["log_content             ok", "audit_chain             ok"])
        #expect(lines.allSatisfy { $0.hasSuffix(" ok") || $0.contains(" ok (") }, "\(healthy.stdout)")

        // Text that inflates but is not what was stored (its recorded hash says otherwise).
        try cli.shellSQL("UPDATE log_files SET content_hash = '\(String(repeating: "0", count: 64))' WHERE id = '\(log)';")
        let changed = try cli.run("db", "check")
        #expect(changed.status == 1)
        let logContent = changed.stdout.split(separator: "\n").filter { $0.hasPrefix("log_content ") }
        #expect(logContent.count == 1 && logContent[0].contains("log \(log)") && logContent[0].contains("SHA-256"), "\(changed.stdout)")
        #expect(changed.stdout.contains("audit_chain             ok"))
        #expect(changed.stderrLines.last == "trcaa: the database has problems (see above)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run("db", "check", "--json").stdout.utf8))
            as? [String: Any])
        let checks = json["checks"] as? [[String: Any]] ?? []
        #expect(json["healthy"] as? Bool == false)
        #expect(checks.last?["name"] as? String == "audit_chain" && (checks.last?["problems"] as? [String])?.isEmpty == true)
        #expect((checks.first { $0["name"] as? String == "log_content" }?["problems"] as? [String])?.count == 1)
    }

    @Test(.sqlcipherOnly) func checkRefusesToCreateADatabase() throws {
        let result = try cli.run("db", "check", environment: ["TRCAA_DB_KEY": "k"])
        #expect(result.status == 66)
        #expect(result.stderrLines == ["trcaa: cannot read \(cli.databasePath): there is no database at this path"])
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath))
    }

    @Test(.sqlcipherOnly) func rekeyFromTheEnvironmentRewritesTheKeyFile() throws {
        #expect(try cli.run("db", "info").status == 0)
        let result = try cli.run("db", "rekey", "--from-env", "NEW_KEY", environment: ["NEW_KEY": "the new key"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderrLines == ["trcaa: the database key was changed; \(cli.dataDirectory)/.dbkey holds the new key"])
        #expect(try cli.keyFile() == "the new key")
        #expect(try cli.run("db", "check").status == 0)
        #expect(try cli.run("db", "check", environment: ["TRCAA_DB_KEY": "the new key"]).status == 0)
    }

    @Test func rekeyWithoutANewKeyIsAUsageErrorThatTouchesNothing() throws {
        let unset = try cli.run("db", "rekey", "--from-env", "NOT_SET")
        #expect(unset.status == 64)
        #expect(unset.stderrLines.first == "trcaa: the environment variable NOT_SET is not set or blank")
        #expect(unset.stderrLines.contains("  See 'trcaa db rekey --help' for more information."))
        #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory), "nothing may be created")
        // Without a controlling terminal (CI) the prompt cannot be offered; with one, it would wait.
        let terminal = open("/dev/tty", O_RDWR)
        if terminal >= 0 { close(terminal) } else {
            let noTerminal = try cli.run("db", "rekey")
            #expect(noTerminal.status == 64)
            #expect(noTerminal.stderrLines.first == "trcaa: no terminal to ask for the new key; pass --from-env VAR")
        }
    }

    @Test func theBinaryNeverLinksPlainSQLite() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["readelf", "-d", CLI.binary]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let dynamic = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(dynamic.contains("libsqlcipher"))
        #expect(!dynamic.contains("libsqlite3"))
    }
}

extension CLI {
    /// The default database path, with its directory created.
    func databasePathCreatingDirectory() throws -> String {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        return databasePath
    }
}

extension DbCommandTests {
    /// Flips a byte inside the root page of `table`, which the opening never reads (the schema
    /// can end the file).
    func damageRootPage(of table: String) throws {
        let root = try cli.shellSQL("SELECT rootpage FROM sqlite_master WHERE name = '\(table)';")
        let page = try #require(Int(root.split(separator: "\n").last ?? ""))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        bytes[(page - 1) * 4096 + 100] ^= 0x55
        try bytes.write(to: URL(fileURLWithPath: cli.databasePath))
    }

    @Test(.sqlcipherOnly) func checkWithoutADatabaseLeavesNoKeyFileBehind() throws {
        let result = try cli.run("db", "check")
        #expect(result.status == 66)
        #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory + "/.dbkey"))
    }
}
