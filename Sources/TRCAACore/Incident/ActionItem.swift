/// Whether a follow-up is still to do.
public enum ActionStatus: String, CaseIterable, Sendable, Codable {
    case open
    case done
    /// Decided against, with the reason in the text.
    case dropped
}

/// How urgent a follow-up is: P0 (now) to P3 (when convenient), as post-mortem templates rank them.
public enum ActionPriority: String, CaseIterable, Sendable, Codable {
    case p0 = "P0", p1 = "P1", p2 = "P2", p3 = "P3"

    /// Accepts `P1`, `p1` and `1`.
    public init?(input: String) {
        let upper = input.uppercased()
        self.init(rawValue: upper.hasPrefix("P") ? upper : "P" + upper)
    }
}

/// A row of `action_items`: a follow-up of an issue with its owner and due date.
public struct ActionItem: Sendable, Equatable, Codable {
    public var id: String
    public var issueId: String
    public var description: String
    /// Who will do it; empty while nobody is named.
    public var owner: String
    /// `YYYY-MM-DD`, or empty.
    public var dueDate: String
    public var priority: ActionPriority
    public var status: ActionStatus
    @ISOTimestamp public var createdAt: String
    @ISOTimestamp public var updatedAt: String

    static let columns = "id, issue_id, description, owner, due_date, priority, status, created_at, updated_at"
}

/// An action item with the issue it belongs to, for lists across issues.
public struct ActionItemListing: Sendable, Equatable, Codable {
    public var item: ActionItem
    public var issueKey: String
    public var issueTitle: String
}
