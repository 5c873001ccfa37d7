import TRCAACore

/// The patterns of all of an issue's logs together (`P` on the Logs tab): one row per kind of
/// message with its lines in all the logs and a strip telling which logs hold it and how
/// densely. Enter shows its lines in a log's viewer, `o` sorts, `r` redacts the templates,
/// `A` attaches it to a why.
public struct IssuePatternsState: ScreenModel {
    public let issueId: String
    /// The issue's logs, in the Logs tab's order: the strip's columns.
    public let logs: [LogFileSummary]
    public var patterns: [IssuePattern] = []
    /// Lines of each log, by id: the strip's scale.
    public var lineCounts: [String: Int] = [:]
    public var isLoading = true
    public var sort: LogPatternSort = .count
    public var cursor = ListCursor()
    public var redacted: Bool

    public init(issueId: String, logs: [LogFileSummary], redacted: Bool = false) {
        self.issueId = issueId
        self.logs = logs
        self.redacted = redacted
    }

    public var rows: [IssuePattern] { sort.sorted(patterns) }
    public var selected: IssuePattern? { rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil }

    /// The log of `id` as the strip and the picker name it: `L2 bad.log`.
    func logName(_ id: String) -> String {
        guard let index = logs.firstIndex(where: { $0.id == id }) else { return id }
        return "L\(index + 1) \(logs[index].fileName)"
    }

    public var crumbs: [String] { ["Patterns of \(counted(logs.count, "log"))"] }
    public var contexts: [KeyContext] { [.issuePatterns] }

    public mutating func reload(select: String?) -> [Effect] { [loading] }

    /// The load of these patterns.
    var loading: Effect { .loadIssuePatterns(issueId: issueId, logs: logs, redacted: redacted) }

    public mutating func rescroll(in size: Size) {
        cursor.scrollIntoView(count: patterns.count, visible: IssuePatternsView.visibleRows(size))
    }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? {
        App.performOnIssuePatterns(action, in: &state)
    }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        IssuePatternsView.draw(self, in: area, into: &buffer)
    }
}
