import TRCAAStore

/// Logs and images across issues, through the original's two views (migration 022).
public struct AttachmentService {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Newest first. `search` matches file names and issue titles (case-insensitively, as
    /// plain text); `issueId` keeps one issue's attachments.
    public func list(search: String? = nil, issueId: String? = nil, limit: Int = 1000) throws -> [AttachmentSummary] {
        let pattern: SQLValue = search.map { .text(SQLLike.containing($0)) } ?? .null
        let issue: SQLValue = issueId.map { .text($0) } ?? .null
        let dialect = context.database.dialect
        let filter = "(CAST(?1 AS TEXT) IS NULL OR \(dialect.caseInsensitiveLike("file_name", pattern: "?1"))"
            + " OR \(dialect.caseInsensitiveLike("issue_title", pattern: "?1")))"
            + " AND (CAST(?2 AS TEXT) IS NULL OR issue_id = ?2)"
        return try context.database.rows("""
            SELECT 'log' AS kind, id, issue_id, issue_title, file_name, file_size, mime_type, uploaded_at, redacted,
                (SELECT pii_counts FROM log_stats WHERE log_stats.log_file_id = v_log_files_with_issue.id) AS pii_counts
            FROM v_log_files_with_issue WHERE \(filter)
            UNION ALL
            SELECT 'image', id, issue_id, issue_title, file_name, file_size, mime_type, uploaded_at, 0, NULL
            FROM v_image_attachments_with_issue WHERE \(filter)
            ORDER BY uploaded_at DESC, id DESC LIMIT ?3
            """, [pattern, issue, .integer(Int64(limit))]).map { row in
            AttachmentSummary(kind: try row.decode("kind", as: String.self) == "image" ? .image : .log, id: try row.decode("id"),
                              issueId: try row.decode("issue_id"), issueTitle: try row.decode("issue_title"),
                              fileName: try row.decode("file_name"), fileSize: try row.decode("file_size"),
                              mimeType: try row.decode("mime_type"), uploadedAt: try row.decode("uploaded_at"),
                              redacted: try row.decode("redacted"),
                              piiCount: PIICounts.total(try row.decode("pii_counts", as: String?.self) ?? "{}"))
        }
    }
}
