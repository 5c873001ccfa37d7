import Foundation
import TRCAAStore

/// Follow-ups of an issue (`action_items`): what will be done, by whom, by when. Every change
/// is audited and bumps the issue's `updated_at`, in one transaction.
public struct ActionItemService {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// The fields of an item; `nil` keeps a field when editing.
    public struct Changes: Sendable, Equatable {
        public var description: String?
        public var owner: String?
        /// `YYYY-MM-DD`, or empty for none.
        public var dueDate: String?
        public var priority: ActionPriority?
        public var status: ActionStatus?

        public init(description: String? = nil, owner: String? = nil, dueDate: String? = nil,
                    priority: ActionPriority? = nil, status: ActionStatus? = nil) {
            (self.description, self.owner, self.dueDate, self.priority, self.status) =
                (description, owner, dueDate, priority, status)
        }
    }

    /// The issue's items, open ones first, then by priority and creation.
    public func list(issueId: String) throws -> [ActionItem] {
        try listAll(openOnly: false, issueId: issueId).map(\.item)
    }

    /// Items across issues, or of issue `issueId` (only open ones with `openOnly`): across
    /// issues by due date (none last), then priority; of one issue open ones first, then by priority.
    public func listAll(openOnly: Bool, issueId: String? = nil) throws -> [ActionItemListing] {
        let filters = (openOnly ? ["a.status = 'open'"] : []) + (issueId == nil ? [] : ["a.issue_id = ?"])
        return try context.database.rows("""
            SELECT a.*, issues.title AS issue_title, \(IssueKey.numberColumn), \(IssueKey.prefixColumn)
            FROM action_items a JOIN issues ON issues.id = a.issue_id
            \(filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND "))
            ORDER BY \(issueId == nil ? "a.due_date = '', a.due_date, a.priority" : "a.status <> 'open', a.priority"), a.created_at, a.id
            """, issueId.map { [.text($0)] } ?? []).map { row in
            ActionItemListing(item: try ActionItem(row: row), issueKey: try IssueKey.key(in: row),
                              issueTitle: try row.decode("issue_title"))
        }
    }

    /// The shortest prefixes (at least 8 characters) that tell these items' ids apart, as lists show them.
    public func shortIDs(_ ids: [String]) throws -> [String] {
        try context.database.read { try IDResolver.shortIDs(ids, table: "action_items", in: $0) }
    }

    /// The item whose id starts with `prefix` (at least 4 characters).
    public func get(_ prefix: String) throws -> ActionItem {
        try context.database.read { db in try get(try resolve(prefix, in: db), in: db) }
    }

    /// Adds an item to an issue.
    ///
    /// - throws: `TriageError.emptyText`, `.invalidTime` for a due date that is not a date, `.unknownID`.
    public func add(issueId: String, description: String, owner: String = "", dueDate: String = "",
                    priority: ActionPriority = .p2) throws -> ActionItem {
        guard !description.allSatisfy(\.isWhitespace) else { throw TriageError.emptyText(field: "action item") }
        let due = try Self.checkedDueDate(dueDate, now: context.clock.now())
        return try context.database.write { db in
            try IDResolver.requireExists(issueId, table: "issues", kind: "issue", in: db)
            let now = Timestamp.format(context.clock.now())
            let item = ActionItem(id: UUIDv7.next(at: context.clock.now()), issueId: issueId, description: description,
                                  owner: owner, dueDate: due, priority: priority, status: .open, createdAt: now, updatedAt: now)
            try db.execute("INSERT INTO action_items (\(ActionItem.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                .text(item.id), .text(issueId), .text(description), .text(owner), .text(due), .text(priority.rawValue),
                .text(item.status.rawValue), .text(now), .text(now),
            ])
            try context.audit.append(action: "add_action_item", entityType: "action_item", entityId: item.id,
                                     details: details(item), in: db)
            try context.touchIssue(issueId, in: db)
            return item
        }
    }

    /// Applies `changes` to an item.
    public func edit(_ id: String, _ changes: Changes) throws -> ActionItem {
        if let description = changes.description, description.allSatisfy(\.isWhitespace) {
            throw TriageError.emptyText(field: "action item")
        }
        let due = try changes.dueDate.map { try Self.checkedDueDate($0, now: context.clock.now()) }
        return try context.database.write { db in
            var item = try get(try resolve(id, in: db), in: db)
            let before = item
            if let description = changes.description { item.description = description }
            if let owner = changes.owner { item.owner = owner }
            if let due { item.dueDate = due }
            if let priority = changes.priority { item.priority = priority }
            if let status = changes.status { item.status = status }
            guard item != before else { return item }
            item.updatedAt = Timestamp.format(context.clock.now())
            try db.execute("""
                UPDATE action_items SET description = ?, owner = ?, due_date = ?, priority = ?, status = ?, updated_at = ?
                WHERE id = ?
                """, [.text(item.description), .text(item.owner), .text(item.dueDate), .text(item.priority.rawValue),
                      .text(item.status.rawValue), .text(item.updatedAt), .text(item.id)])
            try context.audit.append(action: "update_action_item", entityType: "action_item", entityId: item.id,
                                     details: details(item), in: db)
            try context.touchIssue(item.issueId, in: db)
            return item
        }
    }

    /// Deletes an item; the audit row keeps what it said.
    public func delete(_ id: String) throws {
        try context.database.write { db in
            let item = try get(try resolve(id, in: db), in: db)
            try db.execute("DELETE FROM action_items WHERE id = ?", [.text(item.id)])
            try context.audit.append(action: "delete_action_item", entityType: "action_item", entityId: item.id,
                                     details: details(item), in: db)
            try context.touchIssue(item.issueId, in: db)
        }
    }

    /// A due date as stored: `YYYY-MM-DD` (a day the month has), `+7d` from `now`, or empty.
    static func checkedDueDate(_ text: String, now: Date) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return "" }
        let day = trimmed.wholeMatch(of: #/\d{4}-\d{2}-\d{2}/#) != nil ? trimmed + " 00:00" : trimmed
        guard let date = try? IncidentTime.parse(day, start: now, now: now) else {
            throw TriageError.invalidTime(input: text, reason: "a due date is YYYY-MM-DD (or +7d from today)")
        }
        return String(Timestamp.format(date).prefix(10))
    }

    private func details(_ item: ActionItem) -> JSONText {
        .object([("issue_id", .string(item.issueId)), ("description", .string(item.description)),
                 ("owner", .string(item.owner)), ("due_date", .string(item.dueDate)),
                 ("priority", .string(item.priority.rawValue)), ("status", .string(item.status.rawValue))])
    }

    private func resolve(_ prefix: String, in db: Database) throws -> String {
        try IDResolver.resolve(prefix, table: "action_items", kind: "action item", in: db)
    }

    private func get(_ id: String, in db: Database) throws -> ActionItem {
        guard let row = try db.cachedStatement("SELECT \(ActionItem.columns) FROM action_items WHERE id = ?")
            .firstRow([.text(id)]) else { throw TriageError.unknownID(kind: "action item", prefix: id) }
        return try ActionItem(row: row)
    }
}
