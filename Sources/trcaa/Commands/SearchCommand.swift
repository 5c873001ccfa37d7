import ArgumentParser
import Foundation
import TRCAACore

/// `trcaa search WORDS…`.
struct SearchCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find issues by their text, 5-Whys, timeline and attachment names, best first.",
        discussion: """
            Plain words match as prefixes in any order ("data conn" finds "database connection"). \
            Quotes, *, parentheses, ^ or AND/OR/NOT/NEAR make the query SQLite FTS5 syntax. With --json, \
            each issue is as issue list --json shows it, with "match": {"source", "snippet", "rank"} \
            (source: issue, why, timeline, incident, action, log or image). Exit status (as grep and log grep): 0 when an \
            issue matched, 1 when none did, 64 for malformed query syntax, and the codes of trcaa --help \
            for other errors.
            """)

    @OptionGroup(title: "Global Options") var global: GlobalOptions
    @Argument(help: "What to look for.") var words: [String]
    @Option(help: "At most this many issues.") var limit = 20
    @Flag(help: "Print the result as JSON.") var json = false

    func run(in workspace: Workspace) throws {
        let results = try workspace.search.search(words.joined(separator: " "), limit: limit)
        if json { try Console.printJSON(results) } else { printText(results) }
        if results.isEmpty { throw ExitCode(ExitStatus.noMatch) }
    }

    private func printText(_ results: [SearchResult]) {
        guard !results.isEmpty else { return Console.notice("no issue matches '\(words.joined(separator: " "))'") }
        let output = global.output
        for result in results {
            let issue = result.summary.issue
            print("\(result.summary.issue.key)  \(output.severity(issue.severity))  \(issue.status.padding(to: 13))\(output.styled(issue.title, "1"))")
            let snippet = result.snippet.replacingOccurrences(of: "\n", with: " ")
            let highlighted = output.color
                ? snippet.replacingOccurrences(of: "\u{2}", with: "\u{1B}[7m").replacingOccurrences(of: "\u{3}", with: "\u{1B}[0m")
                : result.bracketedSnippet.replacingOccurrences(of: "\n", with: " ")
            print("    \(result.source): \(highlighted)")
        }
    }
}
