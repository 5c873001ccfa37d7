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
    struct Migrate: StoreCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply pending schema migrations and print their names.")
        static let migratesOnOpen = false

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
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

    struct Check: StoreCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the database: integrity, page HMACs and foreign keys (exit 1 on any problem).")
        static let migratesOnOpen = false
        static let createsDatabase = false

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let report = try workspace.database.checkIntegrity()
            if json {
                try Console.printJSON(report)
            } else {
                print(line("integrity_check", report.integrity == ["ok"] ? ["ok"] : report.integrity))
                print(line("cipher_integrity_check", report.cipherIntegrity.isEmpty ? ["ok"] : report.cipherIntegrity))
                print(line("foreign_key_check",
                           report.foreignKeyViolations.isEmpty ? ["ok"] : report.foreignKeyViolations))
                if !report.isHealthy { Console.notice("the database has problems (see above)") }
            }
            if !report.isHealthy { throw ExitCode(ExitStatus.checkFailed) }
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
