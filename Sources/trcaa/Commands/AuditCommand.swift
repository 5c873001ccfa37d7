import ArgumentParser
import Foundation
import TRCAACore

/// `trcaa audit …`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and verify the tamper-evident audit log.",
        subcommands: [List.self, Verify.self]
    )
}

extension AuditCommand {
    struct List: StoreCommand {
        static let configuration = CommandConfiguration(abstract: "List audit entries, newest first.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Option(help: "Only this action (e.g. update_issue).") var action: String?
        @Option(help: "Only this entity type (issue, document…) or entity id prefix.") var entity: String?
        @Option(help: ArgumentHelp("From this date or time (YYYY-MM-DD[ HH:MM:SS], UTC).", valueName: "date"))
        var since: String?
        @Option(help: ArgumentHelp("Up to this date or time, inclusive.", valueName: "date")) var until: String?
        @Option(help: "At most this many entries.") var limit = 100
        @Flag(help: "Print the result as JSON.") var json = false

        func validate() throws {
            for (name, value) in [("--since", since), ("--until", until)] {
                guard let value else { continue }
                guard Timestamp.parse(value.count == 10 ? value + " 00:00:00" : value) != nil else {
                    throw ValidationError("\(name) takes YYYY-MM-DD or 'YYYY-MM-DD HH:MM:SS', not '\(value)'")
                }
            }
        }

        func run(in workspace: Workspace) throws {
            let filter = AuditFilter(action: action, entity: entity, since: since,
                                     until: until.map { $0.count == 10 ? $0 + " 23:59:59" : $0 }, limit: limit)
            let entries = try workspace.audit.list(filter)
            if json { return try Console.printJSON(entries) }
            print(TextTable(header: ["TIME", "USER", "ACTION", "ENTITY", "DETAILS"], rows: entries.map {
                [$0.timestamp, $0.userId, $0.action, "\($0.entityType) \($0.entityId.prefix(8))", $0.details]
            }).render(width: global.output.width))
        }
    }

    struct Verify: StoreCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the hash chain; exit 1 naming the first entry that was edited, deleted, inserted, moved or cut off.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let result = try workspace.audit.verify()
            if json {
                try Console.printJSON(result)
            } else if let problem = result.problem {
                Console.error(ErrorReport(message: "the audit chain is broken: \(problem.message)",
                                          hint: "\(result.verifiedEntries) entries before it are intact",
                                          code: ExitStatus.checkFailed))
            } else {
                let legacy = result.unhashedEntries > 0 ? " (\(result.unhashedEntries) older entries carry no hash)" : ""
                print("audit chain intact: \(result.verifiedEntries) entries\(legacy)")
            }
            if !result.isIntact { throw ExitCode(ExitStatus.checkFailed) }
        }
    }
}
