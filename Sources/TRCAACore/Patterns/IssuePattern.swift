/// A pattern of one log, with the log's id and file name.
public struct PatternOccurrence: Sendable, Equatable {
    public var logId: String
    public var fileName: String
    public var pattern: LogPatternSummary

    public init(logId: String, fileName: String, pattern: LogPatternSummary) {
        (self.logId, self.fileName, self.pattern) = (logId, fileName, pattern)
    }
}

/// A kind of message across an issue's logs: the patterns of its logs that have the same
/// template, so "which logs hold this message, and how often" reads as one row.
public struct IssuePattern: Sendable, Equatable, SortablePattern {
    /// 1, 2, … in order of first appearance: the logs in their order, then first lines.
    public var id: Int
    public var template: String
    /// The logs that hold it, in the order the logs were given.
    public var occurrences: [PatternOccurrence]

    /// Lines in all its logs.
    public var count: Int { occurrences.reduce(0) { $0 + $1.pattern.count } }
    /// Ids go in order of first appearance.
    public var firstSeen: Int { id }
    /// The most severe of its logs' levels.
    public var level: LogLevel { occurrences.map(\.pattern.level).max() ?? .none }

    /// The patterns of `logs` (each log's, in the logs' order) grouped by template; each log's
    /// "other" bucket stays apart, as it holds no one kind of message.
    public static func merge(_ logs: [(log: LogFileSummary, patterns: [LogPatternSummary])]) -> [IssuePattern] {
        var merged: [IssuePattern] = []
        var indexOfTemplate: [String: Int] = [:]
        for (log, patterns) in logs {
            for pattern in patterns.sorted(by: { ($0.firstLine, $0.id) < ($1.firstLine, $1.id) }) {
                let occurrence = PatternOccurrence(logId: log.id, fileName: log.fileName, pattern: pattern)
                if !pattern.isOther, let index = indexOfTemplate[pattern.template] {
                    merged[index].occurrences.append(occurrence)
                    continue
                }
                if !pattern.isOther { indexOfTemplate[pattern.template] = merged.count }
                merged.append(IssuePattern(id: merged.count + 1, template: pattern.template, occurrences: [occurrence]))
            }
        }
        return merged
    }

    /// The patterns with their templates as the redacted view shows them.
    public static func redactingTemplates(_ patterns: [IssuePattern]) -> [IssuePattern] {
        let redacted = LogPatternSummary.redactingTemplates(patterns.map { $0.occurrences[0].pattern })
        return zip(patterns, redacted).map { pattern, first in
            var pattern = pattern
            pattern.template = first.template
            for index in pattern.occurrences.indices { pattern.occurrences[index].pattern.template = first.template }
            return pattern
        }
    }
}
