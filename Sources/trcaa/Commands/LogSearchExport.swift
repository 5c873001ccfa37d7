import ArgumentParser
import Foundation
import TRCAACore

extension LogCommand {
    struct Export: StoreCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a log's text (or its redacted view) to a file; prints the file's path.",
            discussion: "The file is created with mode 0600 and never replaces an existing one unless --force.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The log: 42/L1 (issue 42's first) or an id prefix.") var log: String
        @Flag(help: "Write the redacted view.") var redacted = false
        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file")) var output: String
        @Flag(help: "Replace the file if it exists.") var force = false

        func run(in workspace: Workspace) throws {
            print(try workspace.logs.export(try workspace.logs.resolve(log), redacted: redacted, to: output, replacing: force))
        }
    }

    struct Grep: StoreCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search the stored logs line by line; prints ISSUE:LOG:LINE: TEXT.",
            discussion: """
                PATTERN is a POSIX extended regular expression (as grep -E), or a plain string with -F. \
                Exit status: 0 when a line matched, 1 when none did (as grep).
                """)

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "What to look for.") var pattern: String
        @Option(help: "Only this issue's logs (id or unique prefix).") var issue: String?
        @Flag(name: .shortAndLong, help: "Ignore ASCII case.") var ignoreCase = false
        @Flag(name: [.customShort("F"), .customLong("fixed-strings")], help: "PATTERN is a plain string.") var fixed = false
        @Flag(help: "Search and print the redacted view.") var redacted = false
        @Option(name: [.customShort("m"), .customLong("max-count")], help: "Stop after this many matching lines.")
        var maxCount: Int?
        @Flag(name: .shortAndLong, help: "Print only the number of matching lines.") var count = false

        func run(in workspace: Workspace) throws {
            let matcher = try LogPattern(pattern, fixed: fixed, ignoringCase: ignoreCase)
            let terminal = global.output
            let output = LogText.Output()
            var prefixes: [String: [UInt8]] = [:]
            var shown = 0
            let matched = try workspace.logs.grep(matcher, issueId: try issue.map(workspace.issues.resolve),
                                                  redacted: redacted) { log, line, text in
                if !count {
                    if prefixes[log.id] == nil {
                        // `#42/L1`: the issue and the log in one name any log command takes.
                        prefixes[log.id] = Array(terminal.styled(try workspace.logs.shortId(log.id), "35").utf8)
                    }
                    output.write(prefixes[log.id]!)  // Safe: set just above.
                    output.write(Array(":\(terminal.styled(String(line), "32")): ".utf8))
                    output.write(terminal.color ? Self.highlighted(text, matcher) : Array(text))
                    output.write([10])
                }
                shown += 1
                return maxCount.map { shown < $0 } ?? true
            }
            if count { output.write(Array("\(matched)\n".utf8)) }
            output.flush()
            if matched == 0 { throw ExitCode(1) }
        }

        /// Matches in bold red.
        static func highlighted(_ text: UnsafeRawBufferPointer, _ pattern: LogPattern) -> [UInt8] {
            var out: [UInt8] = []
            var cursor = 0
            for range in pattern.ranges(in: text) {
                out += text[cursor..<range.lowerBound]
                out += Array("\u{1B}[1;31m".utf8) + text[range] + Array("\u{1B}[0m".utf8)
                cursor = range.upperBound
            }
            return out + text[cursor...]
        }
    }
}
