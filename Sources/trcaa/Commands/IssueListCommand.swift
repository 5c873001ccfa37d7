import ArgumentParser
import Foundation
import TRCAACore

extension IssueCommand {
    struct List: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List issues, most recently updated first.",
            discussion: "Filters of the same kind combine with OR, different kinds with AND.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Option(help: "Only this status (repeat for several).") var status: [IssueStatus] = []
        @Option(help: "Only this severity (repeat for several).") var severity: [Severity] = []
        @Option(help: "Only this category (repeat for several).") var category: [IssueCategory] = []
        @Option(help: "Only issues assigned to this person.") var assignee: String?
        @Option(help: "Only issues with this tag.") var tag: String?
        @Option(help: "Sort key.") var sort: IssueSort = .updated
        @Flag(help: "Reverse the order.") var reverse = false
        @Option(help: "At most this many issues.") var limit = 50
        @Option(help: "Skip this many issues first.") var offset = 0
        @Flag(help: "Print the result as JSON.") var json = false

        func validate() throws {
            guard limit > 0, offset >= 0 else { throw ValidationError("--limit must be positive and --offset not negative") }
        }

        func run(in workspace: Workspace) throws {
            let filter = IssueFilter(statuses: status, severities: severity, categories: category, assignee: assignee,
                                     tag: tag, sort: sort, reversed: reverse, limit: limit, offset: offset)
            let issues = try workspace.issues.list(filter)
            if json { return try Console.printJSON(issues) }
            guard !issues.isEmpty else {
                return Console.notice(offset > 0 ? "no more issues" : "no issues match; create one with: trcaa issue new TITLE")
            }
            let output = global.output
            let table = TextTable(
                header: ["ID", "SEV", "STATUS", "CATEGORY", "UPDATED", "LOGS", "WHYS", "TITLE"],
                rows: issues.map { summary in
                    [summary.issue.key, summary.issue.severity, summary.issue.status, summary.issue.category,
                     TimeText.relative(summary.issue.updatedAt), "\(summary.logCount)", "\(summary.stepCount)",
                     summary.issue.title]
                },
                decorate: { column, text in column == 1 ? output.severity(text) : text })
            print(table.render(width: output.width))
            let total = try workspace.issues.count(filter)
            if total > offset + issues.count {
                Console.notice("showing \(offset + 1)–\(offset + issues.count) of \(total); more with --offset \(offset + issues.count)")
            }
        }
    }

    struct Show: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an issue: fields, description, 5-Whys, root cause, timeline, attachments, documents.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let detail = try workspace.issues.detail(try workspace.issues.resolve(issue))
            if json { return try Console.printJSON(detail) }
            print(IssueDetailText(detail: detail, references: try IssueDetailText.references(of: detail, in: workspace),
                                  output: global.output).render())
        }
    }
}
