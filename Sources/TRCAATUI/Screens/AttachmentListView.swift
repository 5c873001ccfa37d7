import TRCAACore

/// Every log and image of every issue: a searchable table.
enum AttachmentListView {
    static func draw(_ screen: AttachmentsState, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
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
}
