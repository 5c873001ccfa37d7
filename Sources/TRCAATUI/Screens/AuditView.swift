import TRCAACore

/// The audit log, newest first, under the result of the last verification.
enum AuditView {
    static func draw(_ screen: AuditState, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
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
             "ENTITY": (entry.entityType, .normal), "ID": (screen.names[entry.entityId] ?? String(entry.entityId.prefix(8)), .muted),
             "USER": (entry.userId, .muted), "DETAILS": (entry.details, .muted)]
        }
        TableLayout.draw(columns, rows: rows, cursor: screen.cursor, in: area.inset(top: 1), into: &buffer)
    }
}
