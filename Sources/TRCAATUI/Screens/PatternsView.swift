import TRCAACore

/// The patterns pane: a summary line, column headings, then one row per pattern: count,
/// level, a sparkline of where in the log its lines are, and the template with its
/// variables highlighted. Hidden patterns are dimmed; the diff lists new, gone and changed.
enum PatternsView {
    /// Columns of the sparkline (stretches of the log, first line to last).
    static let sparkBuckets = 12
    private static let countWidth = 7
    private static let levelX = 1 + countWidth + 2
    private static let sparkX = levelX + 4
    private static let templateX = sparkX + sparkBuckets + 2

    /// Rows of patterns that fit (the summary and the headings take two).
    static func visibleRows(_ size: Size) -> Int { max(1, ScreenLayout.body(size).height - 2) }

    static func draw(_ pane: PatternsState, in area: Rect, into buffer: inout CellBuffer) {
        if let diff = pane.diff { return drawDiff(diff, cursor: pane.cursor, in: area, into: &buffer) }
        guard !pane.isLoading else {
            buffer.put("mining the patterns of \(pane.fileName)…", x: area.x + 1, y: area.y, role: .muted)
            return
        }
        let lines = pane.patterns.reduce(0) { $0 + $1.count }
        var summary = "\(counted(pane.patterns.count, "pattern")) in \(counted(lines, "line")) of \(pane.fileName) · by \(pane.sort.rawValue)"
        if !pane.hidden.isEmpty { summary += " · \(pane.hidden.count) hidden in the viewer" }
        if pane.redacted { summary += " · redacted" }
        buffer.put(summary, x: area.x + 1, y: area.y, maxWidth: area.width - 2, role: .muted)
        let templateX = area.x + templateX
        buffer.put(String(repeating: " ", count: countWidth - 5) + "COUNT", x: area.x + 1, y: area.y + 1, role: .header)
        buffer.put("LV", x: area.x + levelX, y: area.y + 1, role: .header)
        buffer.put("OVER THE LOG", x: area.x + sparkX, y: area.y + 1, role: .header)
        buffer.put("TEMPLATE", x: templateX, y: area.y + 1, role: .header)
        let rows = pane.rows
        for (row, index) in pane.cursor.visibleRange(count: rows.count, visible: area.height - 2).enumerated() {
            let pattern = rows[index]
            let y = area.y + 2 + row
            let selected = index == pane.cursor.selected
            let hidden = pane.hidden.contains(pattern.id)
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), highlighted: selected)
            let count = String(pattern.count)
            buffer.put(String(repeating: " ", count: max(0, countWidth - count.count)) + count, x: area.x + 1, y: y,
                       role: hidden ? .muted : .normal, highlighted: selected)
            let level: (String, Role) = switch pattern.level {
            case .error: ("E", .error)
            case .warning: ("W", .warning)
            case .none: ("·", .muted)
            }
            buffer.put(level.0, x: area.x + levelX, y: y, role: hidden ? .muted : level.1, highlighted: selected)
            buffer.put(sparkline(pane.histogram[pattern.id] ?? []), x: area.x + sparkX, y: y,
                       role: hidden ? .muted : .info, highlighted: selected)
            let template = pattern.isOther ? LogPatternSummary.otherTemplate : pattern.template
            drawTemplate(hidden ? "(hidden) " + template : template, muted: hidden, x: templateX, y: y,
                         maxWidth: area.maxX - templateX - 1, selected: selected, into: &buffer)
        }
    }

    private static func drawDiff(_ diff: PatternDiffView, cursor: ListCursor, in area: Rect, into buffer: inout CellBuffer) {
        buffer.put("compared with \(diff.otherName) · d compares with the next log · q goes back", x: area.x + 1, y: area.y,
                   maxWidth: area.width - 2, role: .muted)
        for (row, index) in cursor.visibleRange(count: diff.rows.count, visible: area.height - 2).enumerated() {
            let y = area.y + 2 + row
            let selected = index == cursor.selected
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), highlighted: selected)
            switch diff.rows[index] {
            case .heading(let text):
                buffer.put(text, x: area.x + 1, y: y, maxWidth: area.width - 2, role: .header, highlighted: selected)
            case .pattern(let mark, let count, let template):
                let role: Role = mark == "+" ? .warning : mark == "-" ? .success : .info
                buffer.put(mark, x: area.x + 2, y: y, role: role, highlighted: selected)
                buffer.put(count, x: area.x + 4, y: y, maxWidth: 14, role: .normal, highlighted: selected)
                drawTemplate(template, muted: false, x: area.x + 19, y: y, maxWidth: area.maxX - area.x - 20, selected: selected,
                             into: &buffer)
            }
        }
    }

    /// The template with its variables (`<num>`, `<*>`, …) in the match colour.
    static func drawTemplate(_ template: String, muted: Bool, x: Int, y: Int, maxWidth: Int, selected: Bool,
                                     into buffer: inout CellBuffer) {
        var column = 0
        for (text, isVariable) in pieces(template) where column < maxWidth {
            let role: Role = muted ? .muted : isVariable ? .match : .normal
            column += buffer.put(text, x: x + column, y: y, maxWidth: maxWidth - column, role: role, highlighted: selected)
        }
    }

    /// The template cut into literal text and `<…>` variables.
    static func pieces(_ template: String) -> [(String, Bool)] {
        var pieces: [(String, Bool)] = []
        var literal = ""
        var index = template.startIndex
        while index < template.endIndex {
            if template[index] == "<", let placeholder = placeholders.first(where: { template[index...].hasPrefix($0) }) {
                if !literal.isEmpty { pieces.append((literal, false)) }
                literal = ""
                pieces.append((placeholder, true))
                index = template.index(index, offsetBy: placeholder.count)
            } else {
                literal.append(template[index])
                index = template.index(after: index)
            }
        }
        if !literal.isEmpty { pieces.append((literal, false)) }
        return pieces
    }

    private static let placeholders = VariableKind.allCases.map(\.placeholder)

    /// `▁▃█…`: each stretch's lines against the busiest one.
    static func sparkline(_ counts: [Int]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let top = max(1, counts.max() ?? 0)
        return String(counts.map { $0 == 0 ? " " : bars[min(bars.count - 1, ($0 * bars.count - 1) / top)] })
    }
}
