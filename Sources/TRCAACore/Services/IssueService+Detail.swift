import TRCAAStore

extension IssueService {
    /// The issue with its steps, root cause, timelines, action items, attachments and documents.
    public func detail(_ id: String) throws -> IssueDetail {
        let whys = WhyService(context: context)
        return try context.database.read { db in IssueDetail(
            issue: try get(id),
            steps: try whys.list(issueId: id),
            rootCause: try whys.rootCause(issueId: id),
            timeline: try context.timeline.list(issueId: id),
            incidentEvents: try IncidentService(context: context).list(issueId: id),
            actionItems: try ActionItemService(context: context).list(issueId: id),
            logFiles: try db.rows("""
                SELECT id, issue_id, file_name, file_size, content_hash, uploaded_at, redacted
                FROM log_files WHERE issue_id = ? ORDER BY uploaded_at, id
                """, [.text(id)]).map(LogFileSummary.init(row:)),
            images: try db.rows("""
                SELECT id, issue_id, file_name, file_size, mime_type, upload_hash, uploaded_at
                FROM image_attachments WHERE issue_id = ? ORDER BY uploaded_at, id
                """, [.text(id)]).map(ImageSummary.init(row:)),
            documents: try DocumentStore(context: context).summaries(issueId: id)) }
    }
}
