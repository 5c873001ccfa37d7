import ArgumentParser
import Foundation
import TRCAACore

extension LogCommand {
    struct Export: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a log's text (or its redacted view) to a file; prints the file's path.",
            discussion: "The file is created with mode 0600 and never replaces an existing one unless --force.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The log: 42/L1 (issue 42's first) or an id prefix.") var log: String
        @OptionGroup var redaction: RedactionOptions
        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file")) var output: String
        @Flag(help: "Replace the file if it exists.") var force = false

        func run(in workspace: Workspace) throws {
            print(try workspace.logs.export(try workspace.logs.resolve(log), redacted: redaction.redacted,
                                            tokens: redaction.chosenTokens, to: output, replacing: force))
        }
    }

    struct Grep: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "grep",
            abstract: "Search the stored logs line by line; prints ISSUE:FILE:LINE: TEXT.",
            discussion: """
                PATTERN is a POSIX extended regular expression (as grep -E), or a plain string with -F. \
                Each line is named by its issue, its log's file name and its number (#42:app.log:120: …), \
                or with --ids by the log's place in its issue (#42/L1:120: …), which every log command \
                takes. --json prints one array of {issue, log, log_id, file_name, line, text}. \
                Exit status (as grep): 0 when a line matched, 1 when none did, 64 for a bad pattern or \
                option, and the codes of trcaa --help for other errors.
                """)

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "What to look for.") var pattern: String
        @Option(help: "Only this issue's logs (id or unique prefix).") var issue: String?
        @Flag(name: .shortAndLong, help: "Ignore ASCII case.") var ignoreCase = false
        @Flag(name: [.customShort("F"), .customLong("fixed-strings")], help: "PATTERN is a plain string.") var fixed = false
        @OptionGroup var redaction: RedactionOptions
        @Option(name: [.customShort("m"), .customLong("max-count")], help: "Stop after this many matching lines.")
        var maxCount: Int?
        @Flag(name: .shortAndLong, help: "Print only the number of matching lines.") var count = false
        @Flag(help: "Name each log by its place in its issue (#42/L1) instead of its file name.") var ids = false
        @Flag(help: "Print the matching lines as JSON.") var json = false

        func validate() throws {
            if json, count { throw ValidationError("--json and --count do not go together") }
        }

        func run(in workspace: Workspace) throws {
            let matcher: LogPattern
            do {
                matcher = try LogPattern(pattern, fixed: fixed, ignoringCase: ignoreCase)
            } catch TriageError.searchSyntax(_, let message) {
                throw CommandFailure(report: ErrorReport(
                    message: "'\(pattern)' is not a valid regular expression: \(message)",
                    hint: "to look for the text as it is, pass -F (fixed strings)", code: ExitStatus.usage))
            }
            let printer = GrepPrinter(workspace: workspace, terminal: global.output, pattern: matcher,
                                      style: json ? .json : count ? .count : ids ? .reference : .fileName)
            var shown = 0
            let matched = try workspace.logs.grep(matcher, issueId: try issue.map(workspace.issues.resolve),
                                                  redacted: redaction.redacted, tokens: redaction.chosenTokens) { log, line, text in
                try printer.print(log, line: line, text: text)
                shown += 1
                return maxCount.map { shown < $0 } ?? true
            }
            printer.finish(matched: matched)
            if matched == 0 { throw ExitCode(ExitStatus.noMatch) }
        }
    }
}
