import Foundation
import TRCAAStore

/// Issues (SPEC §4): each call that changes something is one transaction with its audit row
/// (and, for a new issue, its `triage_started` event).
public struct IssueService {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Creates an issue with status `open` and returns it.
    ///
    /// - throws: `TriageError.emptyTitle`.
    @discardableResult
    public func create(_ draft: IssueDraft) throws -> Issue {
        try createMany([draft])[0]
    }

    /// Creates several issues in one transaction (imports, demo data, benchmarks).
    public func createMany(_ drafts: [IssueDraft]) throws -> [Issue] {
        for draft in drafts where draft.title.allSatisfy(\.isWhitespace) { throw TriageError.emptyTitle }
        return try context.database.write { db in try drafts.map { try insert($0, in: db) } }
    }

    private func insert(_ draft: IssueDraft, in db: Database) throws -> Issue {
        let now = Timestamp.format(context.clock.now())
        let issue = Issue(
            id: UUIDv7.next(at: context.clock.now()), title: draft.title.trimmingCharacters(in: .whitespacesAndNewlines),
            description: draft.description, severity: draft.severity.rawValue, status: IssueStatus.open.rawValue,
            category: draft.category.rawValue, source: "manual", createdAt: now, updatedAt: now, resolvedAt: nil,
            assignedTo: draft.assignee, tags: draft.tags)
        try db.cachedStatement("INSERT INTO issues (\(Issue.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run([
            .text(issue.id), .text(issue.title), .text(issue.description), .text(issue.severity), .text(issue.status),
            .text(issue.category), .text(issue.source), .text(issue.createdAt), .text(issue.updatedAt), .null,
            .text(issue.assignedTo), .text(Self.tagsJSON(issue.tags)),
        ])
        try context.audit.append(
            action: "create_issue", entityType: "issue", entityId: issue.id,
            details: .object([("title", .string(issue.title)), ("severity", .string(issue.severity)),
                              ("category", .string(issue.category))]), in: db)
        try context.timeline.record(
            .triageStarted, issueId: issue.id, description: "Triage started",
            metadata: .object([("severity", .string(issue.severity)), ("category", .string(issue.category))]), in: db)
        return try get(issue.id)  // with the number the insert trigger gave it
    }

    /// The issue id for what a person typed: `42`, `#42`, `OPS-42`, a unique UUID prefix or
    /// the whole UUID (`IssueKey`).
    ///
    /// - throws: `TriageError.idTooShort`, `.unknownID`, `.ambiguousID`.
    public func resolve(_ reference: String) throws -> String {
        try IssueKey.resolve(reference, in: context.database)
    }

    /// The issue with this exact id.
    public func get(_ id: String) throws -> Issue {
        guard let row = try context.database.cachedStatement("SELECT \(Issue.selectColumns) FROM issues WHERE id = ?")
            .firstRow([.text(id)]) else { throw TriageError.unknownID(kind: "issue", prefix: id) }
        return try Issue(row: row)
    }

    /// The key people read and type for an issue: `#42`, or `OPS-42` with a key prefix.
    public func key(_ id: String) throws -> String {
        try get(id).key
    }

    /// The store's issue key prefix (`OPS`), if one is set.
    public func keyPrefix() throws -> String? {
        try IssueKey.prefix(in: context.database)
    }

    /// Sets the store's issue key prefix (1–10 letters, kept in capitals), or clears it with
    /// `nil`; audited. Numbers do not change: `#42` becomes `OPS-42`.
    ///
    /// - throws: `TriageError.invalidKeyPrefix`.
    public func setKeyPrefix(_ prefix: String?) throws {
        let value = prefix?.uppercased() ?? ""
        guard value.count <= 10, value.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw TriageError.invalidKeyPrefix(prefix ?? "")
        }
        try context.database.write { db in
            try Settings.set(IssueKey.prefixSetting, to: value, at: context.clock.now(), in: db)
            try context.audit.append(action: "set_issue_key_prefix", entityType: "settings", entityId: IssueKey.prefixSetting,
                                     details: .object([("prefix", .string(value))]), in: db)
        }
    }

    /// Changes fields; returns the issue as stored. Setting `resolved` stamps `resolved_at`,
    /// setting an active status clears it. Writes one `update_issue` audit row naming what
    /// changed (long text by length only); a change to nothing writes nothing. `seen`: the
    /// issue as the editor showed it; a field the change sets that was changed since is not
    /// overwritten (`EditConflict`).
    ///
    /// - throws: `TriageError.emptyTitle`, `.unknownID`, `.editConflict`.
    public func update(_ id: String, _ changes: IssueChanges, seen: Issue? = nil) throws -> Issue {
        if let title = changes.title, title.allSatisfy(\.isWhitespace) { throw TriageError.emptyTitle }
        let changes = seen.map { Self.touched(changes, seen: $0) } ?? changes
        return try context.database.write { db in
            let before = try get(id)
            if let seen { try EditConflict.check(Self.fields(changes, seen: seen, stored: before), entityType: "issue", entityId: id, in: db) }
            var after = before
            let now = Timestamp.format(context.clock.now())
            if let title = changes.title { after.title = title.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let description = changes.description { after.description = description }
            if let severity = changes.severity { after.severity = severity.rawValue }
            if let category = changes.category { after.category = category.rawValue }
            if let assignee = changes.assignee { after.assignedTo = assignee }
            if let tags = changes.tags { after.tags = tags }
            if let status = changes.status, status.rawValue != before.status {
                after.status = status.rawValue
                if status == .resolved { after.resolvedAt = now } else if status.isActive { after.resolvedAt = nil }
            }
            let changed = Self.changeDetails(before, after)
            guard !changed.isEmpty else { return before }
            after.updatedAt = now
            try db.execute("""
                UPDATE issues SET title = ?, description = ?, severity = ?, status = ?, category = ?, assigned_to = ?,
                    tags = ?, resolved_at = ?, updated_at = ? WHERE id = ?
                """, [.text(after.title), .text(after.description), .text(after.severity), .text(after.status),
                      .text(after.category), .text(after.assignedTo), .text(Self.tagsJSON(after.tags)),
                      after.resolvedAt.map(SQLValue.text) ?? .null, .text(now), .text(id)])
            try context.audit.append(action: "update_issue", entityType: "issue", entityId: id,
                                     details: .object(changed), in: db)
            return after
        }
    }

    /// Deletes the issue and, by cascade, its steps, events, logs, spans, images and
    /// documents. The audit row keeps the title.
    public func delete(_ id: String) throws {
        try context.database.write { db in
            let issue = try get(id)
            try db.execute("DELETE FROM issues WHERE id = ?", [.text(id)])
            try context.audit.append(action: "delete_issue", entityType: "issue", entityId: id,
                                     details: .object([("title", .string(issue.title))]), in: db)
        }
    }

    /// `changes` without the fields it leaves as `seen` shows them.
    private static func touched(_ changes: IssueChanges, seen: Issue) -> IssueChanges {
        var touched = changes
        touched.title = EditConflict.changed(changes.title?.trimmingCharacters(in: .whitespacesAndNewlines), seen: seen.title)
        touched.description = EditConflict.changed(changes.description, seen: seen.description)
        touched.severity = EditConflict.changed(changes.severity?.rawValue, seen: seen.severity).flatMap(Severity.init(rawValue:))
        touched.status = EditConflict.changed(changes.status?.rawValue, seen: seen.status).flatMap(IssueStatus.init(rawValue:))
        touched.category = EditConflict.changed(changes.category?.rawValue, seen: seen.category).flatMap(IssueCategory.init(rawValue:))
        touched.assignee = EditConflict.changed(changes.assignee, seen: seen.assignedTo)
        touched.tags = EditConflict.changed(changes.tags, seen: seen.tags)
        return touched
    }

    /// The fields `changes` sets, as the editor saw them and as they are stored.
    private static func fields(_ changes: IssueChanges, seen: Issue, stored: Issue) -> [EditConflict.Field] {
        [EditConflict.Field(name: "the title", seen: seen.title, stored: stored.title, new: changes.title),
         EditConflict.Field(name: "the description", seen: seen.description, stored: stored.description, new: changes.description),
         EditConflict.Field(name: "the severity", seen: seen.severity, stored: stored.severity, new: changes.severity?.rawValue),
         EditConflict.Field(name: "the status", seen: seen.status, stored: stored.status, new: changes.status?.rawValue),
         EditConflict.Field(name: "the category", seen: seen.category, stored: stored.category, new: changes.category?.rawValue),
         EditConflict.Field(name: "the assignee", seen: seen.assignedTo, stored: stored.assignedTo, new: changes.assignee),
         EditConflict.Field(name: "the tags", seen: tagsJSON(seen.tags), stored: tagsJSON(stored.tags), new: changes.tags.map(tagsJSON))]
    }

    static func tagsJSON(_ tags: [String]) -> String { JSONText.array(tags.map(JSONText.string)).rendered }

    /// `{field: {from, to}}` for each changed field; descriptions by length.
    private static func changeDetails(_ before: Issue, _ after: Issue) -> [(String, JSONText)] {
        var changed: [(String, JSONText)] = []
        func note(_ field: String, _ old: String?, _ new: String?) {
            guard old != new else { return }
            changed.append((field, .object([("from", old.map(JSONText.string) ?? .null),
                                            ("to", new.map(JSONText.string) ?? .null)])))
        }
        note("title", before.title, after.title)
        if before.description != after.description {
            changed.append(("description", .object([("from_length", .int(Int64(before.description.utf8.count))),
                                                    ("to_length", .int(Int64(after.description.utf8.count)))])))
        }
        note("severity", before.severity, after.severity)
        note("status", before.status, after.status)
        note("category", before.category, after.category)
        note("assigned_to", before.assignedTo, after.assignedTo)
        note("tags", tagsJSON(before.tags), tagsJSON(after.tags))
        note("resolved_at", before.resolvedAt, after.resolvedAt)
        return changed
    }
}
