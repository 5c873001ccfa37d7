import TRCAACore

/// The attachments of every issue, and the audit log.
enum RecordScreensView {
    static func drawAttachments(_ screen: AttachmentsState, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        var x = area.x + 1
        if let search = screen.search {
            x += buffer.put("Search: ", x: x, y: area.y, role: .key)
            x += TextField.draw(search, showsCursor: screen.isEditingSearch, x: x, y: area.y, width: area.width / 3,
                                into: &buffer) + 2
        }
        buffer.put(screen.isLoading ? "loading…" : "\(counted(screen.rows.count, "attachment")) · file name or issue title",
                   x: x, y: area.y, maxWidth: area.maxX - x - 1, role: .muted)
        let columns = [
            TableColumn("FILE", width: 0, isFlexible: true), TableColumn("ISSUE", width: 28, priority: 8),
            TableColumn("KIND", width: 5), TableColumn("SIZE", width: 9, alignRight: true),
            TableColumn("PII", width: 6, alignRight: true, priority: 7), TableColumn("REDACTED", width: 8, priority: 4),
            TableColumn("TYPE", width: 12, priority: 5), TableColumn("UPLOADED", width: 9, alignRight: true, priority: 6),
        ]
        let rows = screen.rows.map { row -> [String: (String, Role)] in
            ["FILE": (row.fileName, .normal), "ISSUE": (row.issueTitle, .muted), "KIND": (row.kind.rawValue, .key),
             "SIZE": (ByteSize.describe(row.fileSize), .muted), "TYPE": (row.mimeType, .muted),
             "PII": (row.kind == .log ? "\(row.piiCount)" : "·", row.piiCount > 0 ? .warning : .muted),
             "REDACTED": (row.kind == .log ? (row.redacted ? "yes" : "no") : "·", row.redacted ? .success : .muted),
             "UPLOADED": (TimeText.relative(row.uploadedAt, now: state.now), .muted)]
        }
        TableLayout.draw(columns, rows: rows, cursor: screen.cursor, in: area.inset(top: 1), into: &buffer)
    }

    static func drawAudit(_ screen: AuditState, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        let summary: (String, Role) = switch screen.verification {
        case .none: ("v verifies the hash chain · Enter shows an entry", .muted)
        case .some(let result) where result.isIntact:
            ("chain intact: \(counted(result.verifiedEntries, "entry", plural: "entries")) verified", .success)
        case .some(let result): ("chain BROKEN: \(result.problem?.message ?? "")", .error)
        }
        let shown = screen.isLoading ? "loading…" : "newest \(counted(screen.entries.count, "entry", plural: "entries"))"
        let x = area.x + 1 + buffer.put(shown + " · ", x: area.x + 1, y: area.y, role: .muted)
        buffer.put(summary.0, x: x, y: area.y, maxWidth: area.maxX - x - 1, role: summary.1)
        let columns = [
            TableColumn("TIME", width: 19), TableColumn("ACTION", width: 22), TableColumn("ENTITY", width: 12, priority: 7),
            TableColumn("ID", width: 8, priority: 5), TableColumn("USER", width: 10, priority: 6),
            TableColumn("DETAILS", width: 0, isFlexible: true),
        ]
        let broken = screen.verification?.problem?.entryId
        let rows = screen.entries.map { entry -> [String: (String, Role)] in
            ["TIME": (entry.timestamp, .muted), "ACTION": (entry.action, entry.id == broken ? .error : .key),
             "ENTITY": (entry.entityType, .normal), "ID": (String(entry.entityId.prefix(8)), .muted),
             "USER": (entry.userId, .muted), "DETAILS": (entry.details, .muted)]
        }
        TableLayout.draw(columns, rows: rows, cursor: screen.cursor, in: area.inset(top: 1), into: &buffer)
    }
}
