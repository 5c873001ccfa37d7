import TRCAACore

/// The patterns pane: a summary line, column headings, then one row per pattern: count,
/// level, a sparkline of where in the log its lines are, and the template with its
/// variables highlighted. Hidden patterns are dimmed; the diff lists new, gone and changed.
enum PatternsView {
    /// Columns of the sparkline (stretches of the log, first line to last).
    static let sparkBuckets = 12

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
        let columns = PatternColumns(ownTitle: "OVER THE LOG", ownWidth: sparkBuckets)
        columns.drawHeader(in: area, y: area.y + 1, into: &buffer)
        let rows = pane.rows
        let list = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        pane.cursor.drawVisibleRows(count: rows.count, in: list, into: &buffer) { index, y, selected, buffer in
            let pattern = rows[index]
            let hidden = pane.hidden.contains(pattern.id)
            let template = pattern.isOther ? LogPatternSummary.otherTemplate : pattern.template
            columns.drawRow(count: pattern.count, level: pattern.level, own: sparkline(pane.histogram[pattern.id] ?? []),
                            template: hidden ? "(hidden) " + template : template, muted: hidden, in: area, y: y,
                            selected: selected, into: &buffer)
        }
    }

    private static func drawDiff(_ diff: PatternDiffView, cursor: ListCursor, in area: Rect, into buffer: inout CellBuffer) {
        buffer.put("compared with \(diff.otherName) · d compares with the next log · q goes back", x: area.x + 1, y: area.y,
                   maxWidth: area.width - 2, role: .muted)
        let list = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        cursor.drawVisibleRows(count: diff.rows.count, in: list, into: &buffer) { index, y, selected, buffer in
            switch diff.rows[index] {
            case .heading(let text):
                buffer.put(text, x: area.x + 1, y: y, maxWidth: area.width - 2, role: .header, highlighted: selected)
            case .pattern(let mark, let count, let pattern, _):
                let role: Role = mark == "+" ? .warning : mark == "-" ? .success : .info
                buffer.put(mark, x: area.x + 2, y: y, role: role, highlighted: selected)
                buffer.put(count, x: area.x + 4, y: y, maxWidth: 14, role: .normal, highlighted: selected)
                drawTemplate(pattern.template, muted: false, x: area.x + 19, y: y, maxWidth: area.maxX - area.x - 20, selected: selected,
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
