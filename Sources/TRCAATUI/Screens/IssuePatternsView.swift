import TRCAACore

/// The patterns of an issue's logs: a summary line, column headings, one row per kind of
/// message (count in all logs, level, a strip with a column per log, template), and the
/// selected pattern's lines per log on the last line.
enum IssuePatternsView {
    /// Logs the strip shows a column for; more are counted on the last line only.
    static let stripLogs = 12

    /// Rows of patterns that fit (the summary, the headings and the last line take three).
    static func visibleRows(_ size: Size) -> Int { max(1, ScreenLayout.body(size).height - 3) }

    static func draw(_ pane: IssuePatternsState, in area: Rect, into buffer: inout CellBuffer) {
        guard !pane.isLoading else {
            buffer.put("mining the patterns of \(counted(pane.logs.count, "log"))…", x: area.x + 1, y: area.y, role: .muted)
            return
        }
        var summary = "\(counted(pane.patterns.count, "pattern")) in \(counted(pane.logs.count, "log")) · by \(pane.sort.rawValue)"
        if pane.redacted { summary += " · redacted" }
        buffer.put(summary, x: area.x + 1, y: area.y, maxWidth: area.width - 2, role: .muted)
        let strip = min(pane.logs.count, stripLogs)
        let columns = PatternColumns(ownTitle: "LOGS", ownWidth: strip)
        columns.drawHeader(in: area, y: area.y + 1, into: &buffer)
        let rows = pane.rows
        let list = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 3)
        pane.cursor.drawVisibleRows(count: rows.count, in: list, into: &buffer) { index, y, selected, buffer in
            let pattern = rows[index]
            let template = pattern.occurrences[0].pattern.isOther ? LogPatternSummary.otherTemplate : pattern.template
            columns.drawRow(count: pattern.count, level: pattern.level, own: self.strip(pattern, pane, width: strip),
                            template: template, muted: false, in: area, y: y, selected: selected, into: &buffer)
        }
        if let pattern = pane.selected {
            let perLog = pattern.occurrences.map { "\(pane.logName($0.logId)): \($0.pattern.count)" }.joined(separator: " · ")
            buffer.put("in " + perLog, x: area.x + 1, y: area.maxY - 1, maxWidth: area.width - 2, role: .muted)
        }
    }

    /// One column per log: `·` where the log lacks the pattern, else a bar as tall as the
    /// pattern's share of the log's lines on a log scale (10% and more is the full bar).
    static func strip(_ pattern: IssuePattern, _ pane: IssuePatternsState, width: Int) -> String {
        String(pane.logs.prefix(width).map { log in
            guard let count = pattern.occurrences.first(where: { $0.logId == log.id })?.pattern.count else { return "·" }
            let share = Double(count) / Double(max(1, pane.lineCounts[log.id] ?? count))
            return bars[shareSteps.filter { share >= $0 }.count]
        })
    }

    private static let bars = Array("▁▂▃▄▅▆▇█")
    /// The shares each bar above the lowest starts at.
    private static let shareSteps = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1]
}
