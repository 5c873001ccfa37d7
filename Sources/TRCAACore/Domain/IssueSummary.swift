/// An issue as lists show it: its row plus the counts the list needs.
public struct IssueSummary: Sendable, Equatable {
    public var issue: Issue
    public var logCount: Int
    public var stepCount: Int
}

extension IssueSummary: Encodable {
    enum ExtraKeys: String, CodingKey { case logCount, stepCount }

    /// The issue's columns, flattened, plus `log_count` and `step_count`.
    public func encode(to encoder: any Encoder) throws {
        try issue.encode(to: encoder)
        var container = encoder.container(keyedBy: ExtraKeys.self)
        try container.encode(logCount, forKey: .logCount)
        try container.encode(stepCount, forKey: .stepCount)
    }
}

/// How to sort an issue list.
public enum IssueSort: String, CaseIterable, Sendable {
    /// Most recently updated first (the default).
    case updated
    /// Newest first.
    case created
    /// P1 first, then most recently updated.
    case severity
}

/// Which issues to list.
public struct IssueFilter: Sendable, Equatable {
    public var statuses: [IssueStatus] = []
    public var severities: [Severity] = []
    public var categories: [IssueCategory] = []
    public var assignee: String?
    public var tag: String?
    public var sort: IssueSort = .updated
    public var reversed = false
    public var limit = 50
    public var offset = 0

    public init(statuses: [IssueStatus] = [], severities: [Severity] = [], categories: [IssueCategory] = [],
                assignee: String? = nil, tag: String? = nil, sort: IssueSort = .updated, reversed: Bool = false,
                limit: Int = 50, offset: Int = 0) {
        self.statuses = statuses
        self.severities = severities
        self.categories = categories
        self.assignee = assignee
        self.tag = tag
        self.sort = sort
        self.reversed = reversed
        self.limit = limit
        self.offset = offset
    }
}
