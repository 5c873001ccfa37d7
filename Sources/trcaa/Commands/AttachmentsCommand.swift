import ArgumentParser
import TRCAACore

/// `trcaa attachments list`: every log and image across issues.
struct AttachmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachments",
        abstract: "List the logs and images of all issues.",
        subcommands: [List.self]
    )
}

extension AttachmentsCommand {
    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List attachments across issues, newest first.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Option(help: "Only attachments whose file name or issue title contains this text.") var search: String?
        @Option(help: "Only this issue's attachments (id or unique prefix).") var issue: String?
        @Option(help: "At most this many.") var limit = 1000
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let attachments = try workspace.attachments.list(search: search, issueId: try issue.map(workspace.issues.resolve),
                                                             limit: limit)
            if json { return try Console.printJSON(attachments) }
            guard !attachments.isEmpty else { return Console.notice("no attachments match") }
            let rows = try attachments.map { attachment in
                [attachment.kind.rawValue,
                 try attachment.kind == .log ? workspace.logs.shortId(attachment.id) : workspace.images.shortId(attachment.id),
                 try workspace.issues.key(attachment.issueId), ByteSize.describe(attachment.fileSize),
                 TimeText.relative(attachment.uploadedAt), attachment.fileName, attachment.issueTitle]
            }
            print(TextTable(header: ["KIND", "ID", "ISSUE", "SIZE", "UPLOADED", "NAME", "ISSUE TITLE"], rows: rows)
                .render(width: global.output.width))
        }
    }
}
