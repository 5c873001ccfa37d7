import ArgumentParser
import TRCAACore
import TRCAAStore

/// `trcaa db …`: the encrypted store itself.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Inspect, check, migrate, rekey and copy the encrypted database, set its options, and import the desktop app's.",
        subcommands: [Info.self, Migrate.self, Check.self, Rekey.self, Set.self, Copy.self, ImportTrcaa.self]
    )
}

extension DbCommand {
    struct Migrate: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Apply pending schema migrations and print their names.")
        static let migratesOnOpen = false

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let report = try workspace.migrator.migrate(workspace.database)
            if json { return try Console.printJSON(MigrateJSON(applied: report.applied, unknown: report.unknown)) }
            for name in report.applied { print(name) }
            let total = try workspace.migrator.appliedMigrations(in: workspace.database).count
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
            commandName: "check",
            abstract: "Verify the database: the store's own checks (a file: integrity, page HMACs, foreign keys, the write-ahead log; a server: its foreign keys), every log's stored text and the audit chain (exit 1 on any problem).")
        static let migratesOnOpen = false
        static let createsDatabase = false

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let chain: Result<AuditVerification, any Error> = Result { try workspace.audit.verify() }
            let logContent = Self.check("log_content") {
                try workspace.unreadableLogs().map { log, error in
                    let message = ErrorReport(error).message
                    return message.contains(log.id) ? message : "log \(log.id) (\(log.fileName)): \(message)"
                }
            }
            let auditChain = Self.check("audit_chain") { try chain.get().problem.map { [$0.message] } ?? [] }
            let checks = try workspace.database.checkIntegrity().checks + [logContent, auditChain]
            let healthy = checks.allSatisfy(\.isSound)
            if json {
                try Console.printJSON(CheckJSON(checks: checks, auditChain: try? chain.get(), healthy: healthy))
            } else {
                for check in checks { print(line(check)) }
                if !healthy { Console.notice("the database has problems (see above)") }
            }
            if !healthy { throw ExitCode(ExitStatus.checkFailed) }
        }

        /// The check named `name`: the problems `find` returns, or that it could not run (as
        /// when a damaged page stops the reading).
        private static func check(_ name: String, _ find: () throws -> [String]) -> StoreCheck {
            do {
                return StoreCheck(name: name, problems: try find())
            } catch {
                return StoreCheck(name: name, problems: ["could not run: \(ErrorReport(error).message)"])
            }
        }

        /// `name  ok` (with its note), or its problems one under the other.
        private func line(_ check: StoreCheck) -> String {
            let pad = String(repeating: " ", count: 24 - check.name.count)
            let results = check.isSound ? ["ok" + (check.note.map { " (\($0))" } ?? "")] : check.problems
            return check.name + pad + results.joined(separator: "\n" + String(repeating: " ", count: 24))
        }
    }
}

extension DbCommand {
    struct Set: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set a store option: key-prefix (issue keys OPS-42 instead of #42; '' for none).")

        enum Name: String, ExpressibleByArgument, CaseIterable {
            case keyPrefix = "key-prefix"
        }

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The option: key-prefix.") var name: Name
        @Argument(help: "Its value (1 to 10 letters for key-prefix; '' clears it).") var value: String

        func run(in workspace: Workspace) throws {
            switch name {
            case .keyPrefix:
                try workspace.issues.setKeyPrefix(value.isEmpty ? nil : value)
                let example = try workspace.issues.list(IssueFilter(limit: 1)).first?.issue.key
                Console.notice(value.isEmpty ? "issue keys have no prefix: #42"
                    : "issue keys now read \(value.uppercased())-42\(example.map { " (e.g. \($0))" } ?? "")")
            }
        }
    }
}

private struct CheckJSON: Encodable {
    let checks: [StoreCheck]
    let auditChain: AuditVerification?
    let healthy: Bool
}

private struct MigrateJSON: Encodable {
    let applied: [String]
    let unknown: [String]
}
