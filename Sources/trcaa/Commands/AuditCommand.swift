import ArgumentParser
import Foundation
import TRCAACore

/// `trcaa audit …`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and verify the tamper-evident audit log.",
        subcommands: [List.self, Verify.self, Head.self]
    )
}

extension AuditCommand {
    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List audit entries, newest first.")

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
            let names = try workspace.audit.entityNames(entries)
            print(TextTable(header: [TimeText.localHeader, "USER", "ACTION", "ENTITY", "DETAILS"], rows: entries.map {
                [TimeText.local($0.timestamp), $0.userId, $0.action, "\($0.entityType) \(names[$0.entityId] ?? $0.entityId)",
                 $0.details]
            }).render(width: global.output.width))
        }
    }

    struct Verify: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Walk the hash chain; exit 1 naming the first entry that was edited, deleted, inserted, moved or cut off.",
            discussion: """
                The chain proves that no entry was changed, removed or slipped in by anyone without the \
                database key. Someone with the key can rewrite the whole chain consistently; to catch that, \
                keep the line `trcaa audit head` prints somewhere else and later run \
                `trcaa audit verify --since-head HASH`: a rewritten or cut chain no longer contains it.
                """)

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Option(name: .customLong("since-head"),
                help: ArgumentHelp("Also prove the chain still contains this head (a hash from `audit head`, at least 8 hex digits).",
                                   valueName: "hash"))
        var anchor: String?
        @Flag(help: "Print the result as JSON.") var json = false

        func validate() throws {
            guard let anchor else { return }
            guard anchor.count >= 8, anchor.count <= 64, anchor.allSatisfy(\.isHexDigit) else {
                throw ValidationError("--since-head takes a hash printed by `trcaa audit head` (8 to 64 hex digits)")
            }
        }

        func run(in workspace: Workspace) throws {
            let result = try workspace.audit.verify(anchor: anchor)
            if json {
                try Console.printJSON(result)
            } else if let problem = result.problem {
                let hint = switch problem.kind {
                case .edited, .brokenLink: "\(problem.position - 1) entries before it are intact"
                case .anchorMissing: "check that the hash is the one `trcaa audit head` printed for this store"
                case .truncated, .unrecordedTail, .badHead:
                    "the \(result.verifiedEntries) entries present link up; compare with a head kept elsewhere (`trcaa audit head`)"
                }
                Console.error(ErrorReport(message: "the audit chain is broken: \(problem.message)", hint: hint,
                                          code: ExitStatus.checkFailed))
            } else {
                let legacy = result.unhashedEntries > 0 ? " (\(result.unhashedEntries) older entries carry no hash)" : ""
                print("audit chain intact: \(counted(result.verifiedEntries, "entry", plural: "entries"))\(legacy)")
                if let position = result.anchorPosition {
                    print("it holds the given head as entry \(position), and \(result.verifiedEntries - position) entries after it")
                }
            }
            if !result.isIntact { throw ExitCode(ExitStatus.checkFailed) }
        }
    }

    struct Head: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "head",
            abstract: "Print the chain's newest entry and hash, to keep outside the store (a ticket, a chat message).",
            discussion: "Later, `trcaa audit verify --since-head HASH` proves the chain still contains it.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let result = try workspace.audit.verify()
            if let problem = result.problem {
                Console.error(ErrorReport(message: "the audit chain is broken: \(problem.message)",
                                          hint: "a broken chain has no head worth keeping; see `trcaa audit verify`",
                                          code: ExitStatus.checkFailed))
                throw ExitCode(ExitStatus.checkFailed)
            }
            guard let head = result.head else {
                if json { return try Console.printJSON(EmptyHead()) }
                return print("the audit chain has no entries yet")
            }
            if json { return try Console.printJSON(head) }
            print("entry \(head.count)  \(TimeText.detail(head.timestamp))  \(head.action)  \(head.entryId)")
            print("hash  \(head.entryHash)")
            Console.notice("keep this elsewhere; later prove it is still there with: trcaa audit verify --since-head \(head.entryHash)")
        }
    }
}

private struct EmptyHead: Encodable {
    let count = 0
}
