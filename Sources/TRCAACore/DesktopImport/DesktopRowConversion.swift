import TRCAAStore

/// Values of the desktop's rows in this store's formats (SPEC §3, §4): severities stored as
/// `P1`–`P4`, times as `YYYY-MM-DD HH:MM:SS` (the timeline's with ` UTC`); audit rows leave
/// the hashes of the desktop's chain behind (see `DesktopImporter`). Everything else, and
/// whatever does not parse, is kept as it is.
enum DesktopRowConversion {
    /// Text time columns of the tables this store gives meaning to.
    private static let timeColumns: [String: Set<String>] = [
        "issues": ["created_at", "updated_at", "resolved_at"],
        "resolution_steps": ["created_at"],
        "timeline_events": ["created_at"],
        "image_attachments": ["uploaded_at"],
        "log_files": ["uploaded_at"],
        "audit_log": ["timestamp"],
        "settings": ["updated_at"],
    ]

    static func convert(_ value: SQLValue, table: String, column: String) -> SQLValue {
        guard case .text(let text) = value else { return value }
        if table == "issues", column == "severity" { return .text(Severity(input: text)?.rawValue ?? text) }
        if table == "audit_log", column == "prev_hash" || column == "entry_hash" { return .text("") }
        guard timeColumns[table]?.contains(column) == true, let date = Timestamp.parse(text) else { return value }
        return .text(table == "timeline_events" ? Timestamp.formatTimeline(date) : Timestamp.format(date))
    }

    /// A whole row, column by column.
    static func convert(_ values: [SQLValue], table: String, columns: [String]) -> [SQLValue] {
        zip(values, columns).map { convert($0, table: table, column: $1) }
    }
}
