import TRCAAStore

/// Copies a whole store, or chosen issues with everything they hold, into another store:
/// a file to take an incident to an offline machine, a team server to share one (#19).
///
/// The source is read in one snapshot and never changed; the target is written in one
/// transaction, so a failure or a kill leaves it as it was. Rows keep their ids; issue
/// numbers are kept where the target has them free. A whole store goes into an empty target
/// with its audit chain as it is, so `audit verify` holds there. Chosen issues cannot splice
/// their audit rows into the target's own chain: each gets one `copy_issue` entry there that
/// carries the source's rows for it and the source's chain head.
public struct StoreCopy {
    let source: ServiceContext
    let target: ServiceContext
    /// The target as a person names it, for messages and the audit entry.
    let targetName: String
    let sourceName: String

    public init(from source: ServiceContext, named sourceName: String, into target: ServiceContext, named targetName: String) {
        self.source = source
        self.target = target
        self.sourceName = sourceName
        self.targetName = targetName
    }

    /// Copies every table of the store.
    ///
    /// - throws: `StoreCopyError.targetNotEmpty` when the target holds issues or audit entries.
    public func copyAll() throws -> StoreCopyReport {
        try source.database.read { from in
            try target.database.write { to in
                let issues = try to.scalar("SELECT count(*) FROM issues", as: Int.self) ?? 0
                let audited = try to.scalar("SELECT count(*) FROM audit_log", as: Int.self) ?? 0
                guard issues == 0, audited == 0 else { throw StoreCopyError.targetNotEmpty(path: targetName, issues: issues) }
                var report = StoreCopyReport(wholeStore: true)
                let numbers = try from.rows("SELECT issue_id, number FROM issue_numbers")
                try copyTables(from: from, to: to, chosen: nil, numbers: numbers, into: &report)
                return report
            }
        }
    }

    /// Copies `issueIds` with their whys, timelines, logs, images, documents, events and
    /// action items, and records one `copy_issue` audit entry for each in the target.
    ///
    /// - throws: `StoreCopyError.alreadyThere` when the target holds one of them.
    public func copy(issueIds: [String]) throws -> StoreCopyReport {
        let chosen = SQLValue.text(JSONText.array(issueIds.map { .string($0) }).rendered)
        return try source.database.read { from in
            try target.database.write { to in
                let present = try to.rows("SELECT id FROM issues WHERE id IN (\(to.dialect.jsonTextArrayElements("?1")))", [chosen])
                    .map { try $0.decode(at: 0, as: String.self) }
                guard present.isEmpty else {
                    let issues = IssueService(context: source)
                    throw StoreCopyError.alreadyThere(path: targetName, issues: try present.map { id in
                        let issue = try issues.get(id)
                        return "\(issue.key) “\(issue.title)”"
                    })
                }
                var report = StoreCopyReport(wholeStore: false)
                let numbers = try from.rows(
                    "SELECT issue_id, number FROM issue_numbers WHERE issue_id IN (\(from.dialect.jsonTextArrayElements("?1")))", [chosen])
                try copyTables(from: from, to: to, chosen: chosen, numbers: numbers, into: &report)
                let head = try from.scalar("SELECT value FROM settings WHERE key = ?", [.text(AuditChain.headKey)], as: String.self)
                for issue in report.issues {
                    try target.audit.append(action: "copy_issue", entityType: "issue", entityId: issue.id,
                                            details: try copyDetails(issue, sourceHead: head, from: from), in: to)
                }
                return report
            }
        }
    }

    /// Copies every table of the plan (those of chosen issues: their rows only), giving each
    /// issue its source number where the target has it free.
    private func copyTables(from: Database, to: Database, chosen: SQLValue?, numbers: [Row], into report: inout StoreCopyReport) throws {
        var sourceNumbers: [String: Int] = [:]
        for row in numbers { sourceNumbers[try row.decode(at: 0)] = try row.decode(at: 1) }
        for table in StoreCopyPlan.tables {
            let condition = StoreCopyPlan.condition(table.scope, dialect: from.dialect)
            if chosen != nil, condition == nil { continue }
            guard try from.schemaObjectExists(table.name, type: .table), try to.schemaObjectExists(table.name, type: .table) else {
                continue
            }
            let targetColumns = try to.columns(of: table.name)
            let columns = try from.columns(of: table.name).filter(targetColumns.contains)
            let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let conditions = [chosen != nil ? condition : nil, table.excluded.map { "NOT (\($0))" }].compactMap { $0 }
            let select = try from.prepare("SELECT \(list) FROM \"\(table.name)\""
                + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY \(table.order)")
            let insert = try to.prepare("INSERT INTO \"\(table.name)\" (\(list)) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
                + (table.name == "settings" ? " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at" : ""))
            if let chosen { try select.bind([chosen]) }
            var count = 0
            while try select.step() {
                let row = select.row()
                var values = row.values
                try SealedColumn.open(&values, columns: columns, table: table.name, in: from)
                SealedColumn.seal(&values, columns: columns, table: table.name, in: to)
                try insert.run(values)
                count += 1
                if table.name == "issues" {
                    let id: String = try row.decode("id")
                    report.issues.append(try number(issue: id, title: try row.decode("title"), source: sourceNumbers[id], in: to))
                }
            }
            if count > 0 { report.tables.append(.init(table: table.name, rows: count)) }
        }
        if let catchUp = to.dialect.identityCatchUp(table: "issue_numbers", column: "number") { _ = try to.rows(catchUp) }
    }

    /// Gives a copied issue its source number when the target has it free (the target's
    /// numbering trigger gave it the next one on insert).
    private func number(issue id: String, title: String, source: Int?, in db: Database) throws -> StoreCopyReport.CopiedIssue {
        let given = try db.scalar("SELECT number FROM issue_numbers WHERE issue_id = ?", [.text(id)], as: Int.self) ?? 0
        guard let source, source != given,
              try db.scalar("SELECT count(*) FROM issue_numbers WHERE number = ?", [.integer(Int64(source))], as: Int.self) == 0
        else { return .init(id: id, title: title, sourceNumber: source ?? given, targetNumber: given) }
        try db.execute("UPDATE issue_numbers SET number = ? WHERE issue_id = ?", [.integer(Int64(source)), .text(id)])
        return .init(id: id, title: title, sourceNumber: source, targetNumber: source)
    }

    /// The `copy_issue` entry's details: where it came from, the source's chain head, and the
    /// source's audit rows of the issue (by entity, and of its whys, logs and other parts).
    private func copyDetails(_ issue: StoreCopyReport.CopiedIssue, sourceHead: String?, from: Database) throws -> JSONText {
        let rows = try from.rows("""
            SELECT id, timestamp, action, entity_type, entity_id, user_id, details, entry_hash FROM audit_log
            WHERE entity_id = ?1 OR details LIKE '%' || ?1 || '%' ORDER BY timestamp, id
            """, [.text(issue.id)])
        let entries: [JSONText] = try rows.map { row in
            .object(try ["id", "timestamp", "action", "entity_type", "entity_id", "user_id", "details", "entry_hash"].map {
                ($0, .string(try row.decode($0)))
            })
        }
        return .object([
            ("from", .string(sourceName)), ("source_number", .int(Int64(issue.sourceNumber))),
            ("number", .int(Int64(issue.targetNumber))), ("source_chain_head", .string(sourceHead ?? "")),
            ("source_audit", .array(entries)),
        ])
    }
}
