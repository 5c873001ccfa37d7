import TRCAAStore

extension IssueService {
    /// Issues matching `filter`, sorted and paged, with their log and step counts.
    public func list(_ filter: IssueFilter = IssueFilter()) throws -> [IssueSummary] {
        let (whereClause, arguments) = Self.conditions(filter, dialect: context.database.dialect)
        // Each order is one index of migration 105, read forwards or (reversed) backwards.
        let terms = switch filter.sort {
        case .updated: [("updated_at", false), ("id", false)]
        case .created: [("created_at", false), ("id", false)]
        case .severity: [("severity", true), ("updated_at", false), ("id", false)]
        }
        let order = terms.map { column, ascending in
            "\(column) \(ascending != filter.reversed ? "ASC" : "DESC")"
        }.joined(separator: ", ")
        return try context.database.read { db in
            try db.rows("""
                SELECT \(Self.summaryColumns) FROM issues \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?
                """, arguments + [.integer(Int64(filter.limit)), .integer(Int64(filter.offset))]).map(summary(row:))
        }
    }

    /// A page of the list and how many issues match the filter (counted unless `matching` is
    /// given). A page past the middle is read in the reversed order from the other end and
    /// turned around, so the last page of 100 000 issues costs what the first does.
    public func page(_ filter: IssueFilter, matching known: Int? = nil) throws -> (rows: [IssueSummary], matching: Int) {
        try context.database.read { _ in
            let matching = try known ?? count(filter)
            guard filter.offset > matching / 2 else { return (try list(filter), matching) }
            var fromEnd = filter
            fromEnd.reversed.toggle()
            fromEnd.offset = max(0, matching - filter.offset - filter.limit)
            fromEnd.limit = max(0, min(filter.limit, matching - filter.offset))
            return (try list(fromEnd).reversed(), matching)
        }
    }

    /// One issue as lists show it.
    public func summary(_ id: String) throws -> IssueSummary {
        guard let row = try context.database.cachedStatement("SELECT \(Self.summaryColumns) FROM issues WHERE id = ?")
            .firstRow([.text(id)]) else { throw TriageError.unknownID(kind: "issue", prefix: id) }
        return try summary(row: row)
    }

    /// Several issues as lists show them, by id (one query).
    func summaries(_ ids: [String]) throws -> [String: IssueSummary] {
        guard !ids.isEmpty else { return [:] }
        let db = context.database
        let rows = try db.cachedStatement(
            "SELECT \(Self.summaryColumns) FROM issues WHERE id IN (\(db.dialect.jsonTextArrayElements("?")))")
            .rows([.text(JSONText.array(ids.map(JSONText.string)).rendered)])
        return Dictionary(uniqueKeysWithValues: try rows.map { row in
            let summary = try summary(row: row)
            return (summary.issue.id, summary)
        })
    }

    /// The issue's columns and the counts a list shows.
    private static let summaryColumns = """
        \(Issue.selectColumns),
            (SELECT count(*) FROM log_files l WHERE l.issue_id = issues.id) AS log_count,
            (SELECT count(*) FROM resolution_steps s WHERE s.issue_id = issues.id) AS step_count
        """

    private func summary(row: Row) throws -> IssueSummary {
        let issue = try Issue(row: row)
        return IssueSummary(issue: issue, logCount: try row.decode("log_count"),
                            stepCount: try row.decode("step_count"))
    }

    /// How many issues match `filter` (ignoring its limit and offset).
    public func count(_ filter: IssueFilter = IssueFilter()) throws -> Int {
        let (whereClause, arguments) = Self.conditions(filter, dialect: context.database.dialect)
        return try context.database.scalar("SELECT count(*) FROM issues \(whereClause)", arguments, as: Int.self) ?? 0
    }

    private static func conditions(_ filter: IssueFilter, dialect: any SQLDialect) -> (String, [SQLValue]) {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        func oneOf(_ column: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            conditions.append("\(column) IN (\(Array(repeating: "?", count: values.count).joined(separator: ", ")))")
            arguments += values.map(SQLValue.text)
        }
        oneOf("status", filter.statuses.map(\.rawValue))
        oneOf("severity", filter.severities.map(\.rawValue))
        oneOf("category", filter.categories.map(\.rawValue))
        if let assignee = filter.assignee {
            conditions.append("assigned_to = ?")
            arguments.append(.text(assignee))
        }
        if let tag = filter.tag {
            conditions.append(dialect.jsonArrayContains("issues.tags", value: "?"))
            arguments.append(.text(tag))
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }
}
