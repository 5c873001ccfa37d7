/// A row of `issues`. Severity, status and category are kept as stored: rows written by the
/// original app may hold values outside trcaa's vocabulary, and they are shown as they are.
public struct Issue: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var description: String
    public var severity: String
    public var status: String
    public var category: String
    public var source: String
    @ISOTimestamp public var createdAt: String
    @ISOTimestamp public var updatedAt: String
    @ISOTimestamp public var resolvedAt: String?
    public var assignedTo: String
    public var tags: [String]
    /// The issue's number in its store (`issue_numbers`, migration 107): `#42`.
    public var number: Int = 0
    /// What people read and type: `#42`, or `OPS-42` in a store with a key prefix.
    public var key: String = ""

    /// The key as a shell takes it: `42` (a `#` at the start of a word begins a comment) or
    /// `OPS-42`. Commands that create an issue print it.
    public var reference: String { key.hasPrefix("#") ? String(key.dropFirst()) : key }

    /// The table's columns, in table order (for INSERT).
    static let columns = "id, title, description, severity, status, category, source, created_at, updated_at, "
        + "resolved_at, assigned_to, tags"

    /// What SELECTs that decode an `Issue` from `issues` name: the columns, the number and
    /// the key's prefix.
    static let selectColumns = columns + ", " + IssueKey.numberColumn + ", " + IssueKey.prefixColumn
}

/// What a new issue starts with.
public struct IssueDraft: Sendable, Equatable {
    public var title: String
    public var description: String
    public var severity: Severity
    public var category: IssueCategory
    public var assignee: String
    public var tags: [String]

    public init(title: String, description: String = "", severity: Severity = .p3, category: IssueCategory = .general,
                assignee: String = "", tags: [String] = []) {
        self.title = title
        self.description = description
        self.severity = severity
        self.category = category
        self.assignee = assignee
        self.tags = tags
    }
}

/// Fields to change; `nil` leaves a field as it is.
public struct IssueChanges: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var severity: Severity?
    public var status: IssueStatus?
    public var category: IssueCategory?
    public var assignee: String?
    public var tags: [String]?

    public init(title: String? = nil, description: String? = nil, severity: Severity? = nil, status: IssueStatus? = nil,
                category: IssueCategory? = nil, assignee: String? = nil, tags: [String]? = nil) {
        self.title = title
        self.description = description
        self.severity = severity
        self.status = status
        self.category = category
        self.assignee = assignee
        self.tags = tags
    }

    public var isEmpty: Bool {
        title == nil && description == nil && severity == nil && status == nil && category == nil && assignee == nil
            && tags == nil
    }
}
