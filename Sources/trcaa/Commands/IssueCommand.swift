import ArgumentParser
import Foundation
import TRCAACore

/// `trcaa issue …`.
struct IssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Create, list, show, edit and delete issues.",
        subcommands: [New.self, List.self, Show.self, Edit.self, Status.self, Delete.self]
    )
}

extension IssueCommand {
    struct New: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Create an issue and print its number (42, or OPS-42 with a key prefix); --json prints it whole.",
            aliases: ["create"])

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "One-line title.") var title: String
        @Option(help: "Longer description (Markdown); '-' reads it from stdin.") var description: String?
        @Option(help: "P1–P4 or critical, high, medium, low.") var severity: Severity = .p3
        @Option(help: ArgumentHelp("The domain.", valueName: "category")) var category: IssueCategory = .general
        @Option(help: "Who works on it.") var assignee: String = ""
        @Option(name: .customLong("tag"), help: "A tag (repeat for several).") var tags: [String] = []
        @Flag(help: "Print the new issue as JSON (with its id and number).") var json = false

        func run(in workspace: Workspace) throws {
            let issue = try workspace.issues.create(IssueDraft(
                title: title, description: try StandardInput.resolve(description) ?? "", severity: severity,
                category: category, assignee: assignee, tags: tags))
            if json { return try Console.printJSON(issue) }
            print(issue.reference)
        }
    }

    struct Edit: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change an issue's fields.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Option(help: "New title.") var title: String?
        @Option(help: "New description (Markdown); '-' reads it from stdin.") var description: String?
        @Option(help: "P1–P4 or critical, high, medium, low.") var severity: Severity?
        @Option var status: IssueStatus?
        @Option var category: IssueCategory?
        @Option(help: "Who works on it ('' for nobody).") var assignee: String?
        @Option(name: .customLong("tag"), help: "Add a tag (repeat for several).") var addTags: [String] = []
        @Option(name: .customLong("untag"), help: "Remove a tag (repeat for several).") var removeTags: [String] = []

        func run(in workspace: Workspace) throws {
            let id = try workspace.issues.resolve(issue)
            var changes = IssueChanges(title: title, description: try StandardInput.resolve(description),
                                       severity: severity, status: status, category: category, assignee: assignee)
            if !addTags.isEmpty || !removeTags.isEmpty {
                var tags = try workspace.issues.get(id).tags
                tags += addTags.filter { !tags.contains($0) }
                tags.removeAll { removeTags.contains($0) }
                changes.tags = tags
            }
            guard !changes.isEmpty else {
                throw ValidationError("nothing to change; give at least one of --title, --description, --severity, "
                    + "--status, --category, --assignee, --tag, --untag")
            }
            let before = try workspace.issues.get(id)
            let after = try workspace.issues.update(id, changes)
            Console.notice(after == before ? "nothing changed" : "updated \(try workspace.issues.key(id))")
        }
    }

    struct Status: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Move an issue to another status (resolved stamps resolved_at; reopening clears it).")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Argument var status: IssueStatus

        func run(in workspace: Workspace) throws {
            let id = try workspace.issues.resolve(issue)
            let before = try workspace.issues.get(id).status
            _ = try workspace.issues.update(id, IssueChanges(status: status))
            Console.notice("\(try workspace.issues.key(id)): \(before) → \(status.rawValue)")
        }
    }

    struct Delete: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete an issue with its whys, timeline, logs, images and documents.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Flag(help: "Do not ask for confirmation.") var yes = false

        func validate() throws {
            if !yes, isatty(STDIN_FILENO) == 0 {
                throw ValidationError("refusing to delete without confirmation; pass --yes")
            }
        }

        func run(in workspace: Workspace) throws {
            let id = try workspace.issues.resolve(issue)
            let summary = try workspace.issues.summary(id)
            if !yes {
                let question = "Delete \(summary.issue.key) “\(summary.issue.title)” with \(summary.stepCount) whys and "
                    + "\(summary.logCount) logs? [y/N] "
                FileHandle.standardError.write(Data(question.utf8))
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    return Console.notice("nothing deleted")
                }
            }
            try workspace.issues.delete(id)
            Console.notice("deleted \(summary.issue.key) “\(summary.issue.title)”")
        }
    }
}

/// `-` as an option value means "read it from stdin".
enum StandardInput {
    static func resolve(_ value: String?) throws -> String? {
        guard value == "-" else { return value }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(report: ErrorReport(message: "stdin is not valid UTF-8", hint: nil,
                                                     code: ExitStatus.dataError))
        }
        guard !data.contains(0) else {
            throw CommandFailure(report: ErrorReport(message: "stdin holds a NUL byte, so it is not text; nothing was saved",
                                                     hint: nil, code: ExitStatus.dataError))
        }
        return text
    }
}
