import ArgumentParser
import Foundation
import TRCAACore

extension LogPatternSort: ExpressibleByArgument {}

extension LogCommand {
    struct Patterns: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "patterns",
            abstract: "List the kinds of message a log holds: COUNT, ID, LEVEL, FIRST line, TEMPLATE.",
            discussion: """
                Patterns are mined at import: each line's header (time, host, pid, level, component) is \
                set aside and its values (<num>, <ip>, <hex>, <time>, <path>, <*>) masked. A log imported \
                before patterns existed is mined on first use and stored. Pattern 0 ("other") holds the \
                lines left ungrouped when a log has too many kinds of message. With --diff OTHER, lists \
                the patterns in LOG and not in OTHER (new), in OTHER and not in LOG (gone), and those \
                whose share of the lines changed most. With --json, a pattern's first and last times \
                are ISO 8601 read as incident events read a log line's time: in UTC, and when the log \
                does not write the year, the year of its import (year_from_import). With --redacted, \
                PII in a template's literal text (a value every line of the pattern wrote) is replaced \
                by its type's token, as in the redacted view. With --issue ISSUE instead of LOG, lists \
                the patterns of all the issue's logs together, one row per template, with each log's \
                lines (L1:30 L2:10).
                """)

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The log: 42/L1 (issue 42's first) or an id prefix.") var log: String?
        @Option(help: ArgumentHelp("All the logs of this issue together (42, #42 or an id prefix), instead of LOG.",
                                   valueName: "issue"))
        var issue: String?
        @Option(help: "count (default), rare, first or level.") var sort: LogPatternSort = .count
        @Option(name: .customLong("diff"), help: ArgumentHelp("Compare with this log (the good run).", valueName: "other"))
        var other: String?
        @Flag(help: "Templates as the redacted view shows them: PII in their text replaced by its type ([Email]).")
        var redacted = false
        @Flag(help: "Print the result as JSON.") var json = false

        func validate() throws {
            guard (log == nil) != (issue == nil) else { throw ValidationError("name a log, or an issue with --issue, not both") }
            if issue != nil, other != nil { throw ValidationError("--diff compares two logs; it does not apply to --issue") }
        }

        func run(in workspace: Workspace) throws {
            guard let log else { return try listIssuePatterns(in: workspace) }
            let id = try workspace.logs.resolve(log)
            let patterns = try mined(id, in: workspace)
            guard let other else {
                let patterns = redacted ? LogPatternSummary.redactingTemplates(patterns) : patterns
                if json {
                    let imported = try importTime(id, in: workspace)
                    return try Console.printJSON(sort.sorted(patterns).map { PatternJSON($0, imported: imported) })
                }
                return print(table(sort.sorted(patterns)))
            }
            let otherId = try workspace.logs.resolve(other)
            let stored = LogPatternDiff(before: try mined(otherId, in: workspace), linesBefore: try workspace.logs.detail(otherId).lineCount ?? 0,
                                        after: patterns, linesAfter: try workspace.logs.detail(id).lineCount ?? 0)
            let diff = redacted ? stored.redactingTemplates() : stored
            if json {
                return try Console.printJSON(DiffJSON(diff, imported: try importTime(id, in: workspace),
                                                      otherImported: try importTime(otherId, in: workspace)))
            }
            let shortOther = try workspace.logs.shortId(otherId)
            print("New (not in \(shortOther)): \(diff.added.count)")
            if !diff.added.isEmpty { print(table(diff.added)) }
            print("\nGone (only in \(shortOther)): \(diff.removed.count)")
            if !diff.removed.isEmpty { print(table(diff.removed)) }
            let changes = diff.changed.prefix(20)
            print("\nRate changed most (lines per million, \(shortOther) → this log):")
            print(TextTable(header: ["BEFORE", "AFTER", "TEMPLATE"], rows: changes.map {
                [String(Int($0.rateBefore.rounded())), String(Int($0.rateAfter.rounded())), $0.template]
            }).render(width: global.output.width))
        }

        /// The patterns of all the issue's logs, one row per template.
        private func listIssuePatterns(in workspace: Workspace) throws {
            let issueId = try workspace.issues.resolve(issue ?? "")
            let logs = try workspace.issues.detail(issueId).logFiles
            let progress = ProgressLine(label: "mining patterns", quiet: json)
            defer { progress.finish() }
            let patterns = sort.sorted(try workspace.logs.patterns(ofLogs: logs, redacted: redacted,
                                                                    progress: progress.update))
            let names = try Dictionary(uniqueKeysWithValues: logs.map { ($0.id, try workspace.logs.shortId($0.id)) })
            if json { return try Console.printJSON(patterns.map { IssuePatternJSON($0, logNames: names) }) }
            let perLog = { (pattern: IssuePattern) in
                pattern.occurrences.map { "\(names[$0.logId]?.split(separator: "/").last ?? "?"):\($0.pattern.count)" }
                    .joined(separator: " ")
            }
            print(TextTable(header: ["COUNT", "ID", "LEVEL", "LOGS", "TEMPLATE"], rows: patterns.map {
                [String($0.count), String($0.id), Self.levelName($0.level), perLog($0), $0.template]
            }).render(width: global.output.width))
        }

        /// When the log was imported: the year of times its lines do not write one for.
        private func importTime(_ id: String, in workspace: Workspace) throws -> Date {
            try workspace.logs.detail(id).summary.uploadedAt.date ?? Date()
        }

        private func mined(_ id: String, in workspace: Workspace) throws -> [LogPatternSummary] {
            let progress = ProgressLine(label: "mining patterns", quiet: json)
            defer { progress.finish() }
            return try workspace.logs.patterns(id, progress: progress.update)
        }

        private func table(_ patterns: [LogPatternSummary]) -> String {
            let terminal = global.output
            return TextTable(header: ["COUNT", "ID", "LEVEL", "FIRST", "TEMPLATE"], rows: patterns.map {
                [String($0.count), String($0.id), Self.levelName($0.level), String($0.firstLine + 1), $0.template]
            }, decorate: { column, cell in
                column == 2 && cell.hasPrefix("error") ? terminal.styled(cell, "31")
                    : column == 2 && cell.hasPrefix("warn") ? terminal.styled(cell, "33") : cell
            }).render(width: terminal.width)
        }

        /// The level as `--json` writes it: `none` rather than the table's `-`.
        static func jsonLevelName(_ level: LogLevel) -> String { level == .none ? "none" : levelName(level) }

        static func levelName(_ level: LogLevel) -> String {
            switch level {
            case .error: "error"
            case .warning: "warning"
            case .none: "-"
            }
        }
    }
}

/// A pattern as `--json` prints it. Times as `IncidentTime` reads a log line's: in UTC, with
/// the year of the log's import when the log does not write one.
private struct PatternJSON: Encodable {
    var id: Int
    var template: String
    var count: Int
    var level: String
    var firstLine: Int
    var lastLine: Int
    var firstTime: String?
    var lastTime: String?
    /// Whether the times' year is the import's (the log does not write one); absent without times.
    var yearFromImport: Bool?

    init(_ pattern: LogPatternSummary, imported: Date) {
        (id, template, count) = (pattern.id, pattern.template, pattern.count)
        level = LogCommand.Patterns.jsonLevelName(pattern.level)
        (firstLine, lastLine) = (pattern.firstLine + 1, pattern.lastLine + 1)
        let time = { (seconds: Int?) in
            seconds.flatMap { IncidentTime.date(LogTimestamp.fields(seconds: $0), reference: imported) }.map(Timestamp.iso8601)
        }
        (firstTime, lastTime) = (time(pattern.firstTime), time(pattern.lastTime))
        yearFromImport = pattern.firstTime.map { LogTimestamp.fields(seconds: $0).year == nil }
    }
}

/// A pattern of `--issue --json`: its template, lines and level across the logs, and each
/// log's pattern id, lines and first line there.
private struct IssuePatternJSON: Encodable {
    struct Occurrence: Encodable {
        var log: String
        var patternId: Int
        var count: Int
        var firstLine: Int
    }

    var id: Int
    var template: String
    var count: Int
    var level: String
    var logs: [Occurrence]

    init(_ pattern: IssuePattern, logNames: [String: String]) {
        (id, template, count) = (pattern.id, pattern.template, pattern.count)
        level = LogCommand.Patterns.jsonLevelName(pattern.level)
        logs = pattern.occurrences.map {
            Occurrence(log: logNames[$0.logId] ?? $0.logId, patternId: $0.pattern.id, count: $0.pattern.count,
                       firstLine: $0.pattern.firstLine + 1)
        }
    }
}

/// `--diff --json`.
private struct DiffJSON: Encodable {
    struct Change: Encodable {
        var template: String
        var countBefore: Int
        var countAfter: Int
        var perMillionBefore: Double
        var perMillionAfter: Double
    }

    var added: [PatternJSON]
    var removed: [PatternJSON]
    var changed: [Change]

    /// `imported`, `otherImported`: when the log and the one it is compared with were imported.
    init(_ diff: LogPatternDiff, imported: Date, otherImported: Date) {
        added = diff.added.map { PatternJSON($0, imported: imported) }
        removed = diff.removed.map { PatternJSON($0, imported: otherImported) }
        changed = diff.changed.map {
            Change(template: $0.template, countBefore: $0.before.count, countAfter: $0.after.count,
                   perMillionBefore: $0.rateBefore, perMillionAfter: $0.rateAfter)
        }
    }
}
