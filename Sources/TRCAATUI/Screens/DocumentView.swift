import Foundation
import TRCAACore

/// A document as rendered Markdown under a line saying what it is.
enum DocumentView {
    static func draw(_ view: DocumentViewState, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        guard let document = view.document else {
            buffer.put("loading…", x: area.x + 2, y: area.y + 1, role: .muted)
            return
        }
        let kind = DocumentKind(rawValue: document.docType)?.displayName ?? document.docType
        let updated = TimeText.relative(Timestamp.format(Date(timeIntervalSince1970: Double(document.updatedAt) / 1000)), now: state.now)
        var x = area.x + 1
        x += buffer.put(kind, x: x, y: area.y, role: .key)
        buffer.put("  updated \(updated) · e edits · x exports · g regenerates", x: x, y: area.y,
                   maxWidth: area.maxX - x - 1, role: .muted)
        let lines = MarkdownLines.lines(view.blocks, width: area.width - 4)
        for (row, line) in lines.dropFirst(view.scroll).prefix(area.height - 2).enumerated() {
            StyledLine.draw(line, x: area.x + 2, y: area.y + 2 + row, highlighted: false, into: &buffer)
        }
    }
}
