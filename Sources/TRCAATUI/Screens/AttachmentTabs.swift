import TRCAACore

/// The Logs, Images and Documents tabs of an issue: what is attached, newest last.
enum AttachmentTabs {
    static func draw(_ tab: DetailTab, _ loaded: IssueDetail, cursor: ListCursor, state: AppState, in area: Rect,
                     into buffer: inout CellBuffer) {
        let rows: [[String: (String, Role)]]
        let columns: [TableColumn]
        switch tab {
        case .logs:
            columns = [TableColumn("FILE", width: 0, isFlexible: true), TableColumn("SIZE", width: 9, alignRight: true),
                       TableColumn("UPLOADED", width: 9, alignRight: true, priority: 5), TableColumn("REDACTED", width: 8)]
            rows = loaded.logFiles.map {
                ["FILE": ($0.fileName, .normal), "SIZE": (ByteSize.describe($0.fileSize), .muted),
                 "UPLOADED": (TimeText.relative($0.uploadedAt, now: state.now), .muted),
                 "REDACTED": ($0.redacted ? "yes" : "no", $0.redacted ? .success : .muted)]
            }
        case .images:
            columns = [TableColumn("FILE", width: 0, isFlexible: true), TableColumn("TYPE", width: 13),
                       TableColumn("SIZE", width: 9, alignRight: true), TableColumn("UPLOADED", width: 9, alignRight: true, priority: 5)]
            rows = loaded.images.map {
                ["FILE": ($0.fileName, .normal), "TYPE": ($0.mimeType, .muted), "SIZE": (ByteSize.describe($0.fileSize), .muted),
                 "UPLOADED": (TimeText.relative($0.uploadedAt, now: state.now), .muted)]
            }
        default:
            columns = [TableColumn("TITLE", width: 0, isFlexible: true), TableColumn("TYPE", width: 10),
                       TableColumn("EDITED", width: 6)]
            rows = loaded.documents.map {
                ["TITLE": ($0.title, .normal), "TYPE": ($0.docType, .muted), "EDITED": ($0.edited ? "yes" : "no", .muted)]
            }
        }
        guard !rows.isEmpty else {
            let hint = switch tab {
            case .logs: "No logs yet — press a to import one"
            case .images: "No images yet — attach one with: trcaa image attach ISSUE PATH"
            default: "No documents yet — press g to generate the RCA or the post-mortem"
            }
            buffer.put(hint, x: area.x + 2, y: area.y + 1, maxWidth: area.width - 4, role: .muted)
            return
        }
        TableLayout.draw(columns, rows: rows, cursor: cursor, in: area, into: &buffer)
    }
}
