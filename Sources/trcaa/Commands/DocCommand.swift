import ArgumentParser
import Foundation
import TRCAACore

/// `trcaa doc …`: RCA and post-mortem documents.
struct DocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "Generate, edit, show and export the RCA and the post-mortem.",
        subcommands: [RCA.self, Postmortem.self, List.self, Show.self, Edit.self, Export.self]
    )
}

extension DocCommand {
    struct RCA: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "rca", abstract: "Generate (or regenerate) the issue's RCA and print its id.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Flag(help: "Replace the document even if it was edited since it was generated.") var force = false

        func run(in workspace: Workspace) throws {
            try Generate.run(.rca, issue: issue, force: force, in: workspace)
        }
    }

    struct Postmortem: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "postmortem", abstract: "Generate (or regenerate) the issue's post-mortem and print its id.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Flag(help: "Replace the document even if it was edited since it was generated.") var force = false

        func run(in workspace: Workspace) throws {
            try Generate.run(.postmortem, issue: issue, force: force, in: workspace)
        }
    }

    enum Generate {
        /// Generates; when the stored document was edited, asks on a terminal (default No)
        /// and otherwise leaves the refusal to the error report.
        static func run(_ kind: DocumentKind, issue: String, force: Bool, in workspace: Workspace) throws {
            let issueId = try workspace.issues.resolve(issue)
            let generated: DocumentService.Generated
            do {
                generated = try workspace.documents.generate(kind, issueId: issueId, force: force)
            } catch TriageError.documentEdited where isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 {
                let question = "The \(kind.displayName) was edited since it was generated. Replace it and lose the edits? [y/N] "
                FileHandle.standardError.write(Data(question.utf8))
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    return Console.notice("kept the edited \(kind.displayName)")
                }
                generated = try workspace.documents.generate(kind, issueId: issueId, force: true)
            }
            print(generated.document.id)
            if generated.replaced { Console.notice("regenerated the \(kind.displayName)") }
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List an issue's documents.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let documents = try workspace.documents.list(issueId: try workspace.issues.resolve(issue))
            if json { return try Console.printJSON(documents) }
            print(TextTable(header: ["ID", "TYPE", "UPDATED", "EDITED", "TITLE"], rows: try documents.map {
                [try workspace.documents.shortId($0.id), $0.docType, TimeText.relative($0.updatedAt), $0.edited ? "yes" : "no",
                 $0.title]
            }).render(width: global.output.width))
        }
    }

    struct Show: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a document's Markdown.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The document: 42/D1 (issue 42's first) or an id prefix.") var document: String
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let stored = try workspace.documents.get(try workspace.documents.resolve(document))
            if json { return try Console.printJSON(stored) }
            print(stored.contentMd, terminator: stored.contentMd.hasSuffix("\n") ? "" : "\n")
        }
    }

    struct Edit: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Edit a document in $VISUAL or $EDITOR (a private temporary copy, removed afterwards).")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The document: 42/D1 (issue 42's first) or an id prefix.") var document: String

        func run(in workspace: Workspace) throws {
            let environment = ProcessInfo.processInfo.environment
            guard let editor = ExternalEditor.fromEnvironment(environment) ?? ExternalEditor.fallback(path: environment["PATH"])
            else {
                throw CommandFailure(report: ErrorReport(message: "no editor found", hint: "set VISUAL or EDITOR",
                                                         code: ExitStatus.unavailable))
            }
            let id = try workspace.documents.resolve(document)
            let stored = try workspace.documents.get(id)
            let fileName = "\(stored.docType)-\(id.prefix(8)).md"
            guard let edited = try editor.edit(stored.contentMd, fileName: fileName, environment: environment) else {
                return Console.notice("no changes; nothing saved")
            }
            try workspace.documents.save(id, content: edited)
            Console.notice("saved \(stored.title)")
        }
    }

    struct Export: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export a document as Markdown, HTML, PDF or Word and print the path written.",
            discussion: "With --redacted, every PII span is replaced by its token and the file name ends in _redacted.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The document: 42/D1 (issue 42's first) or an id prefix.") var document: String
        @Option(help: "md, html, pdf or docx.") var format: ExportFormat
        @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Directory to write to.", valueName: "dir"))
        var directory = "."
        @Flag(help: "Replace an existing file.") var force = false
        @OptionGroup var redaction: RedactionOptions

        func run(in workspace: Workspace) throws {
            print(try workspace.documents.export(try workspace.documents.resolve(document), format: format,
                                                 redacted: redaction.redacted, tokens: redaction.chosenTokens,
                                                 to: directory, force: force))
        }
    }
}
