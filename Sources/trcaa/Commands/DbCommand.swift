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
            abstract: "Verify the database: integrity, page HMACs, foreign keys, the audit chain and the write-ahead log (exit 1 on any problem).")
        static let migratesOnOpen = false
        static let createsDatabase = false

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let report = try workspace.database.checkIntegrity()
            let chain: Result<AuditVerification, any Error> = Result { try workspace.audit.verify() }
            let chainProblem: String? = switch chain {
            case .success(let verification): verification.problem?.message
            case .failure(let error): "could not run: \(ErrorReport(error).message)"
            }
            let cutOff = StoreHolders.of(workspace.location.databasePath).filter(\.usesDeletedLog)
            let healthy = report.isHealthy && chainProblem == nil && cutOff.isEmpty
            if json {
                try Console.printJSON(CheckJSON(report: report, auditChain: try? chain.get(), auditChainProblem: chainProblem,
                                                cutOffProcesses: cutOff, healthy: healthy))
            } else {
                print(line("integrity_check", report.integrity == ["ok"] ? ["ok"] : report.integrity))
                print(line("cipher_integrity_check", report.cipherIntegrity.isEmpty ? ["ok"] : report.cipherIntegrity))
                print(line("foreign_key_check",
                           report.foreignKeyViolations.isEmpty ? ["ok"] : report.foreignKeyViolations))
                print(line("audit_chain", [chainProblem ?? "ok"]))
                print(line("write_ahead_log", cutOff.isEmpty ? ["ok"] : cutOff.map {
                    "\($0.description) writes to a deleted copy of the write-ahead log: what it saves is lost when it exits"
                }))
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

extension DbCommand {
    struct Set: StoreCommand {
        static let configuration = CommandConfiguration(
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
    let report: IntegrityReport
    let auditChain: AuditVerification?
    let auditChainProblem: String?
    let cutOffProcesses: [StoreHolder]
    let healthy: Bool

    enum CodingKeys: String, CodingKey {
        case integrity, cipherIntegrity, foreignKeyViolations, auditChain, auditChainProblem, cutOffProcesses, healthy
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.integrity, forKey: .integrity)
        try container.encode(report.cipherIntegrity, forKey: .cipherIntegrity)
        try container.encode(report.foreignKeyViolations, forKey: .foreignKeyViolations)
        try container.encode(auditChain, forKey: .auditChain)
        try container.encode(auditChainProblem, forKey: .auditChainProblem)
        try container.encode(cutOffProcesses, forKey: .cutOffProcesses)
        try container.encode(healthy, forKey: .healthy)
    }
}

private struct MigrateJSON: Encodable {
    let applied: [String]
    let unknown: [String]
}
