import ArgumentParser
import Foundation
import TRCAACore

/// `trcaa action …`: follow-ups with owner, due date, priority and status.
struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Action items: the follow-ups of an issue, with owner, due date and status.",
        subcommands: [List.self, Add.self, Edit.self, Done.self, Delete.self]
    )
}

extension ActionPriority: ExpressibleByArgument {
    public init?(argument: String) { self.init(input: argument) }
}

extension ActionStatus: ExpressibleByArgument {}

/// An action item on one line of text.
enum ActionText {
    static func line(_ item: ActionItem) -> String {
        "  \(item.priority.rawValue)  \(item.status.rawValue.padding(to: 8))\(item.description)"
            + (item.owner.isEmpty ? "  (no owner)" : "  @\(item.owner)") + (item.dueDate.isEmpty ? "" : "  due \(item.dueDate)")
    }
}

extension ActionCommand {
    struct List: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List action items: of one issue, or across issues by due date.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "An issue (42, #42, OPS-42 or an id prefix); every issue's when absent.") var issue: String?
        @Flag(help: "Only the open ones.") var open = false
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let listings = try issue.map { try workspace.actions.listAll(openOnly: open, issueId: try workspace.issues.resolve($0)) }
                ?? workspace.actions.listAll(openOnly: open)
            if json { return try Console.printJSON(listings) }
            let today = String(Timestamp.format(Date()).prefix(10))
            let output = global.output
            let shortIDs = try workspace.actions.shortIDs(listings.map(\.item.id))
            let rows = zip(listings, shortIDs).map { listing, shortID -> [String] in
                let item = listing.item
                let overdue = item.status == .open && !item.dueDate.isEmpty && item.dueDate < today
                return [shortID, listing.issueKey, item.priority.rawValue, item.status.rawValue,
                        item.owner.isEmpty ? "—" : item.owner,
                        item.dueDate.isEmpty ? "—" : (overdue ? output.styled(item.dueDate + " overdue", "31") : item.dueDate),
                        item.description]
            }
            print(TextTable(header: ["ID", "ISSUE", "PRI", "STATUS", "OWNER", "DUE", "ACTION"], rows: rows)
                .render(width: output.width))
            if listings.isEmpty { Console.notice("no action items\(open ? " open" : ""); add one with: trcaa action add ISSUE TEXT") }
        }
    }

    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an action item to an issue and print its id.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Argument(help: "What will be done.") var text: String
        @Option(help: "Who will do it.") var owner = ""
        @Option(help: "By when: YYYY-MM-DD, or +7d from today.") var due = ""
        @Option(help: "P0 (now) to P3.") var priority: ActionPriority = .p2

        func run(in workspace: Workspace) throws {
            let item = try workspace.actions.add(issueId: try workspace.issues.resolve(issue), description: text,
                                                 owner: owner, dueDate: due, priority: priority)
            print(item.id)
        }
    }

    struct Edit: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change an action item.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The item's id or a prefix (action list shows them).") var item: String
        @Option var text: String?
        @Option var owner: String?
        @Option(help: "YYYY-MM-DD, +7d, or '' for none.") var due: String?
        @Option var priority: ActionPriority?
        @Option(help: "open, done or dropped.") var status: ActionStatus?

        func validate() throws {
            if text == nil, owner == nil, due == nil, priority == nil, status == nil {
                throw ValidationError("nothing to change; give --text, --owner, --due, --priority or --status")
            }
        }

        func run(in workspace: Workspace) throws {
            _ = try workspace.actions.edit(item, .init(description: text, owner: owner, dueDate: due, priority: priority,
                                                       status: status))
        }
    }

    struct Done: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark an action item done.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The item's id or a prefix.") var item: String

        func run(in workspace: Workspace) throws { _ = try workspace.actions.edit(item, .init(status: .done)) }
    }

    struct Delete: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete an action item (audited).")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The item's id or a prefix.") var item: String

        func run(in workspace: Workspace) throws { try workspace.actions.delete(item) }
    }
}
