import Foundation

extension Migration {
    /// PostgreSQL's functions that pick a search's candidates (115); FTS5 reads an index's most
    /// recent matches directly, so SQLite has nothing to add.
    static let searchCandidates = Migration("115_search_candidates") { _ in }

    /// Search reaches incident events (what happened, its evidence) and action items (what will
    /// be done, by whom) as it reaches whys and the triage record: `evidence_fts` (102) gets
    /// two more sources. Row ids become `source rowid * 8 + kind` to make room; the index is
    /// filled again from the tables, and every source's triggers are made anew.
    static let evidenceSearchOfIncidents = Migration("111_evidence_search_of_incidents", sql: """
        \(EvidenceSource.all.map(\.dropTriggers).joined(separator: "\n"))
        DELETE FROM evidence_fts;
        \(EvidenceSource.all.map(\.triggers).joined(separator: "\n"))
        \(EvidenceSource.all.map(\.fill).joined(separator: "\n"))
        """)
}

/// A table whose text `evidence_fts` indexes, and how.
private struct EvidenceSource {
    let table: String
    /// Its slot in the row id: `rowid * 8 + kind`.
    let kind: Int
    /// What search results call it.
    let source: String
    /// The columns whose change re-indexes a row.
    let columns: String
    /// The indexed text, an SQL expression over the row (columns prefixed by `row.`).
    let text: String

    static let all = [
        EvidenceSource(table: "resolution_steps", kind: 0, source: "why", columns: "why_question, answer, evidence",
                       text: "row.why_question || char(10) || row.answer || char(10) || row.evidence"),
        EvidenceSource(table: "timeline_events", kind: 1, source: "timeline", columns: "description", text: "row.description"),
        EvidenceSource(table: "log_files", kind: 2, source: "log", columns: "file_name", text: "row.file_name"),
        EvidenceSource(table: "image_attachments", kind: 3, source: "image", columns: "file_name", text: "row.file_name"),
        EvidenceSource(table: "incident_events", kind: 4, source: "incident", columns: "description, evidence",
                       text: "row.description || char(10) || row.evidence"),
        EvidenceSource(table: "action_items", kind: 5, source: "action", columns: "description, owner",
                       text: "row.description || char(10) || row.owner"),
    ]

    private func rowid(_ row: String) -> String { "\(row).rowid * 8 + \(kind)" }
    private func text(of row: String) -> String { text.replacingOccurrences(of: "row.", with: "\(row).") }

    var dropTriggers: String {
        ["insert", "delete", "update"].map { "DROP TRIGGER IF EXISTS evidence_fts_\(table)_\($0);" }.joined(separator: "\n")
    }

    var triggers: String {
        """
        CREATE TRIGGER evidence_fts_\(table)_insert AFTER INSERT ON \(table) BEGIN
            INSERT INTO evidence_fts(rowid, issue_id, source, text) VALUES (\(rowid("new")), new.issue_id, '\(source)', \(text(of: "new")));
        END;
        CREATE TRIGGER evidence_fts_\(table)_delete AFTER DELETE ON \(table) BEGIN
            DELETE FROM evidence_fts WHERE rowid = \(rowid("old"));
        END;
        CREATE TRIGGER evidence_fts_\(table)_update AFTER UPDATE OF issue_id, \(columns) ON \(table) BEGIN
            DELETE FROM evidence_fts WHERE rowid = \(rowid("old"));
            INSERT INTO evidence_fts(rowid, issue_id, source, text) VALUES (\(rowid("new")), new.issue_id, '\(source)', \(text(of: "new")));
        END;
        """
    }

    var fill: String {
        "INSERT INTO evidence_fts(rowid, issue_id, source, text) SELECT \(rowid(table)), issue_id, '\(source)', \(text(of: table)) FROM \(table);"
    }
}
