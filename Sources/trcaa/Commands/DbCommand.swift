import ArgumentParser
import TRCAACore
import TRCAAStore

/// `trcaa db …`: the encrypted store itself.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Inspect, check, migrate and rekey the encrypted database.",
        subcommands: [Info.self, Migrate.self, Check.self, Rekey.self]
    )
}

extension DbCommand {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply pending schema migrations and print their names.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Flag(help: "Print the result as JSON.") var json = false

        mutating func run() throws {
            try reportingErrors {
                let workspace = try global.openWorkspace(migrate: false)
                let report = try Migrator.trcaa.migrate(workspace.database)
                if json { return try Console.printJSON(MigrateJSON(applied: report.applied, unknown: report.unknown)) }
                for name in report.applied { print(name) }
                let total = try Migrator.trcaa.appliedMigrations(in: workspace.database).count
                Console.notice(report.applied.isEmpty
                    ? "the database is up to date (\(total) migrations applied)"
                    : "applied \(report.applied.count) migrations (\(total) in all)")
                if !report.unknown.isEmpty {
                    Console.notice("kept \(report.unknown.count) migrations of a newer version: \(report.unknown.joined(separator: ", "))")
                }
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the database: integrity, page HMACs and foreign keys (exit 1 on any problem).")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Flag(help: "Print the result as JSON.") var json = false

        mutating func run() throws {
            var healthy = true
            try reportingErrors {
                let workspace = try global.openWorkspace(migrate: false, createIfMissing: false)
                let report = try workspace.database.checkIntegrity()
                healthy = report.isHealthy
                if json { return try Console.printJSON(report) }
                print(line("integrity_check", report.integrity == ["ok"] ? ["ok"] : report.integrity))
                print(line("cipher_integrity_check", report.cipherIntegrity.isEmpty ? ["ok"] : report.cipherIntegrity))
                print(line("foreign_key_check",
                           report.foreignKeyViolations.isEmpty ? ["ok"] : report.foreignKeyViolations))
                if !healthy { Console.notice("the database has problems (see above)") }
            }
            if !healthy { throw ExitCode(ExitStatus.checkFailed) }
        }

        private func line(_ label: String, _ results: [String]) -> String {
            let pad = String(repeating: " ", count: 24 - label.count)
            return label + pad + results.joined(separator: "\n" + String(repeating: " ", count: 24))
        }
    }
}

private struct MigrateJSON: Encodable {
    let applied: [String]
    let unknown: [String]
}
