import TRCAAStore

// Decoding of the domain rows; each SELECT names the type's `columns` in order.

extension Issue {
    init(row: Row) throws {
        self.init(
            id: try row.decode("id"), title: try row.decode("title"), description: try row.decode("description"),
            severity: try row.decode("severity"), status: try row.decode("status"), category: try row.decode("category"),
            source: try row.decode("source"), createdAt: try row.decode("created_at"),
            updatedAt: try row.decode("updated_at"), resolvedAt: try row.decode("resolved_at"),
            assignedTo: try row.decode("assigned_to"),
            tags: JSONText.stringArray(try row.decode("tags")) ?? [])
        number = try row.decode("number", as: Int?.self) ?? 0
        key = try IssueKey.key(in: row)
    }
}

extension WhyStep {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), issueId: try row.decode("issue_id"), stepOrder: try row.decode("step_order"),
                  whyQuestion: try row.decode("why_question"), answer: try row.decode("answer"),
                  evidence: try row.decode("evidence"), createdAt: try row.decode("created_at"))
    }
}

extension TimelineEvent {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), issueId: try row.decode("issue_id"), eventType: try row.decode("event_type"),
                  description: try row.decode("description"), metadata: try row.decode("metadata"),
                  createdAt: try row.decode("created_at"))
    }
}

extension AuditEntry {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), timestamp: try row.decode("timestamp"), action: try row.decode("action"),
                  entityType: try row.decode("entity_type"), entityId: try row.decode("entity_id"),
                  userId: try row.decode("user_id"), details: try row.decode("details"),
                  prevHash: try row.decode("prev_hash"), entryHash: try row.decode("entry_hash"))
    }
}

extension Document {
    /// A `documents` row read from `db`, its sealed text opened.
    init(row: Row, in db: Database) throws {
        self.init(id: try row.decode("id"), issueId: try row.decode("issue_id"), docType: try row.decode("doc_type"),
                  title: try row.decode("title"), contentMd: try Self.content(of: row, in: db),
                  createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"))
    }

    /// The text (`content_md`) of a `documents` row read from `db`, opened.
    static func content(of row: Row, in db: Database) throws -> String {
        try db.decodeSealed("content_md", of: row, cell: SealedColumn.documentBody.cell(row["id"]))
    }
}

extension LogFileSummary {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), issueId: try row.decode("issue_id"), fileName: try row.decode("file_name"),
                  fileSize: try row.decode("file_size"), contentHash: try row.decode("content_hash"),
                  uploadedAt: try row.decode("uploaded_at"), redacted: try row.decode("redacted"))
    }
}

extension ImageSummary {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), issueId: try row.decode("issue_id"), fileName: try row.decode("file_name"),
                  fileSize: try row.decode("file_size"), mimeType: try row.decode("mime_type"),
                  uploadHash: try row.decode("upload_hash"), uploadedAt: try row.decode("uploaded_at"))
    }
}

extension StoredSpan {
    /// A detected span of log `logId` as a packed run holds it (`PackedSpans`): no row of its
    /// own, so its id is its place and its value the text `excerpt` read at its offsets.
    init(_ span: PackedSpan, logId: String, excerpt: LogReader.Excerpt) {
        self.init(id: LogService.spanId(logId: logId, start: span.start), logFileId: logId, type: span.typeName,
                  start: span.start, end: span.end, value: String(decoding: excerpt.bytes, as: UTF8.self),
                  replacement: span.token, line: excerpt.line + 1)
    }
}

extension IncidentEvent {
    init(row: Row) throws {
        let kind: String = try row.decode("kind")
        self.init(id: try row.decode("id"), issueId: try row.decode("issue_id"), occurredAt: try row.decode("occurred_at"),
                  kind: IncidentEventKind(rawValue: kind) ?? .note, description: try row.decode("description"),
                  evidence: try row.decode("evidence"), logFileId: try row.decode("log_file_id"),
                  lineNumber: try row.decode("line_number"), createdAt: try row.decode("created_at"),
                  createdBy: try row.decode("created_by"))
    }
}

extension ActionItem {
    init(row: Row) throws {
        let (priority, status): (String, String) = (try row.decode("priority"), try row.decode("status"))
        self.init(id: try row.decode("id"), issueId: try row.decode("issue_id"), description: try row.decode("description"),
                  owner: try row.decode("owner"), dueDate: try row.decode("due_date"),
                  priority: ActionPriority(rawValue: priority) ?? .p2, status: ActionStatus(rawValue: status) ?? .open,
                  createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"))
    }
}
