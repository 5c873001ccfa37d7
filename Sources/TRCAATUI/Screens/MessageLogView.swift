import Foundation
import TRCAACore

/// The message log: newest first, each message whole (wrapped) after its local time.
enum MessageLogView {
    static func draw(_ log: MessageLogState, messages: MessageHistory, now: Date, in area: Rect, into buffer: inout CellBuffer) {
        buffer.put("\(counted(messages.entries.count, "message")) this session, newest first", x: area.x + 1, y: area.y,
                   maxWidth: area.width - 2, role: .muted)
        guard !messages.entries.isEmpty else {
            buffer.put("nothing yet: what the status bar says is kept here", x: area.x + 2, y: area.y + 2, role: .muted)
            return
        }
        for (row, line) in lines(messages, width: area.width).dropFirst(log.scroll).prefix(area.height - 1).enumerated() {
            buffer.put(line.text, x: area.x + 1, y: area.y + 1 + row, maxWidth: area.width - 2, role: line.role)
        }
    }

    /// The rendered lines at `width`: a time column, then the message wrapped beside it.
    static func lines(_ messages: MessageHistory, width: Int) -> [(text: String, role: Role)] {
        let indent = String(repeating: " ", count: timeWidth)
        return messages.entries.reversed().flatMap { entry in
            TextWrap.lines(entry.text, width: max(10, width - 2 - timeWidth)).enumerated().map { index, text in
                ((index == 0 ? clock(entry.time) + "  " : indent) + text, entry.isError ? Role.error : .normal)
            }
        }
    }

    private static let timeWidth = 10

    /// "14:03:27", local time.
    private static func clock(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
