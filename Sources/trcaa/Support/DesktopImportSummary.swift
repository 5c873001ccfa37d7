import TRCAACore

/// The human summary of `trcaa db import-trcaa`.
enum DesktopImportSummary {
    /// The tables a person thinks of, by their names here.
    private static let labels: [(table: String, label: String)] = [
        ("issues", "Issues"), ("resolution_steps", "Whys"), ("timeline_events", "Timeline"), ("log_files", "Logs"),
        ("image_attachments", "Images"), ("documents", "Documents"), ("settings", "Settings"), ("audit_log", "Audit rows"),
    ]

    /// What came over (or would), table by table, then the source chain, skips and conflicts.
    static func text(_ report: DesktopImportReport) -> String {
        var lines = [
            "Source        \(report.source)", "Key           \(report.keySource)", "SHA-256       \(report.sourceSha256)",
            "Migrations    \(report.sourceMigrations) applied by the desktop app",
            "Audit chain   \(report.sourceChain.summary)",
        ]
        let verb = report.dryRun ? "would be new" : "new"
        for (table, label) in labels {
            let result = report.table(table)
            var line = pad(label) + "\(result.new) \(verb), \(result.alreadyHere) already here"
            if table == "log_files", result.new > 0 {
                line += " (\(ByteSize.describe(report.logBytes)) of text" + (report.dryRun ? ")" : ", \(counted(report.piiSpans, "PII span")))")
            }
            lines.append(line)
        }
        let others = report.tables.filter { result in !labels.contains { $0.table == result.table } && result.new + result.alreadyHere > 0 }
        if !others.isEmpty {
            lines.append(pad("Kept as is") + others.map { "\($0.table) \($0.new) \(verb)" }.joined(separator: ", "))
        }
        if report.desktopPIIRows > 0 {
            lines.append(pad("PII rows") + "\(report.desktopPIIRows) of the desktop's (\(report.duplicateDesktopPIIRows) duplicates) "
                + "replaced by this store's detection")
        }
        if !report.skippedTables.isEmpty {
            lines.append(pad("Skipped") + report.skippedTables.map { "\($0.name) (\(counted($0.rows, "row")))" }.joined(separator: ", "))
        }
        if !report.droppedColumns.isEmpty { lines.append(pad("Not kept") + report.droppedColumns.joined(separator: ", ")) }
        for result in report.tables where !result.conflicts.isEmpty {
            lines.append(pad("Conflicts") + "\(result.table): \(result.conflicts.joined(separator: ", ")) (kept as they are here)")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The last line on stderr.
    static func outcome(_ report: DesktopImportReport) -> String {
        let conflicts = report.conflicts > 0 ? "; \(counted(report.conflicts, "conflict")) kept as they are here" : ""
        if report.dryRun { return "dry run: \(counted(report.newRows, "row")) would be new\(conflicts); nothing was written" }
        if report.newRows == 0 { return "already imported: 0 new\(conflicts)" }
        return "imported \(counted(report.newRows, "new row"))\(conflicts); the desktop's audit chain is \(report.sourceChain.state.rawValue.replacingOccurrences(of: "_", with: " "))"
    }

    private static func pad(_ label: String) -> String { label + String(repeating: " ", count: max(1, 14 - label.count)) }
}
