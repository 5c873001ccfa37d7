/// A box with a title, for dialogs and pop-ups: clears its area, draws the border, and
/// returns the inner area.
public enum Frame {
    @discardableResult
    public static func draw(_ area: Rect, title: String, into buffer: inout CellBuffer) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        buffer.fill(area)
        let horizontal = String(repeating: "─", count: area.width - 2)
        buffer.put("┌" + horizontal + "┐", x: area.x, y: area.y, role: .border)
        for y in (area.y + 1)..<(area.maxY - 1) {
            buffer.put("│", x: area.x, y: y, role: .border)
            buffer.put("│", x: area.maxX - 1, y: y, role: .border)
        }
        buffer.put("└" + horizontal + "┘", x: area.x, y: area.maxY - 1, role: .border)
        if !title.isEmpty {
            buffer.put(" \(title) ", x: area.x + 2, y: area.y, maxWidth: area.width - 4, role: .title)
        }
        return area.inset(by: 1)
    }
}
