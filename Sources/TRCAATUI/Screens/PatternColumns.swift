import TRCAACore

/// The columns the patterns panes share: COUNT, LV, a column of the pane's own (the
/// sparkline over a log, the strip of an issue's logs) and TEMPLATE with its variables
/// highlighted.
struct PatternColumns {
    private static let countWidth = 7
    private static let levelX = 1 + countWidth + 2
    private static let ownX = levelX + 4

    /// The heading of the pane's own column and its width.
    let ownTitle: String
    let ownWidth: Int

    private var templateX: Int { Self.ownX + max(ownWidth, ownTitle.count) + 2 }

    /// The headings, on line `y` of `area`.
    func drawHeader(in area: Rect, y: Int, into buffer: inout CellBuffer) {
        buffer.put(String(repeating: " ", count: Self.countWidth - 5) + "COUNT", x: area.x + 1, y: y, role: .header)
        buffer.put("LV", x: area.x + Self.levelX, y: y, role: .header)
        buffer.put(ownTitle, x: area.x + Self.ownX, y: y, role: .header)
        buffer.put("TEMPLATE", x: area.x + templateX, y: y, role: .header)
    }

    /// One pattern on line `y` of `area`; `muted` greys it all (a hidden pattern).
    func drawRow(count: Int, level: LogLevel, own: String, template: String, muted: Bool, in area: Rect, y: Int,
                 selected: Bool, into buffer: inout CellBuffer) {
        let count = String(count)
        buffer.put(String(repeating: " ", count: max(0, Self.countWidth - count.count)) + count, x: area.x + 1, y: y,
                   role: muted ? .muted : .normal, highlighted: selected)
        let (letter, role): (String, Role) = switch level {
        case .error: ("E", .error)
        case .warning: ("W", .warning)
        case .none: ("·", .muted)
        }
        buffer.put(letter, x: area.x + Self.levelX, y: y, role: muted ? .muted : role, highlighted: selected)
        buffer.put(own, x: area.x + Self.ownX, y: y, role: muted ? .muted : .info, highlighted: selected)
        PatternsView.drawTemplate(template, muted: muted, x: area.x + templateX, y: y,
                                  maxWidth: area.maxX - area.x - templateX - 1, selected: selected, into: &buffer)
    }
}
