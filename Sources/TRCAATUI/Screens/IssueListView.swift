import TRCAACore

/// Draws the issue list: the filter or search line, column headings, the rows, and a snippet
/// of the selected search result.
enum IssueListView {
    /// The columns; the id column is as wide as the longest short id shown.
    static func columns(idWidth: Int) -> [TableColumn] { [
        TableColumn("ID", width: idWidth, priority: 10),
        TableColumn("SEV", width: 3, priority: 10),
        TableColumn("STATUS", width: 13, priority: 10),
        TableColumn("TITLE", width: 0, isFlexible: true),
        TableColumn("CATEGORY", width: 14, priority: 3),
        TableColumn("ASSIGNEE", width: 10, priority: 4),
        TableColumn("UPDATED", width: 10, alignRight: true, priority: 6),
        TableColumn("LOG", width: 3, alignRight: true, priority: 5),
        TableColumn("WHY", width: 3, alignRight: true, priority: 5),
    ] }

    static func draw(_ list: IssueListState, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        drawTopLine(list, state: state, in: area, into: &buffer)
        let visible = ScreenLayout.issueListRows(state.size)
        let range = list.cursor.visibleRange(count: list.rowCount, visible: visible)
        // As wide as the longest key on screen (`#7`, `OPS-1042`), at least the header's "ID".
        let idWidth = range.compactMap { list.row(at: $0)?.issue.key.count }.max() ?? 2
        let layout = TableLayout(columns(idWidth: min(max(2, idWidth), 14)), width: area.width - 2, minimumFlexible: 32)
        layout.drawHeader(into: &buffer, x: area.x + 1, y: area.y + 1)
        let rows = Rect(x: area.x, y: area.y + 2, width: area.width, height: visible)
        list.cursor.drawVisibleRows(count: list.rowCount, in: rows, into: &buffer) { index, y, selected, buffer in
            guard let row = list.row(at: index) else {
                buffer.put("  loading…", x: area.x + 1, y: y, role: .muted, highlighted: selected)
                return
            }
            layout.drawRow(cells(row, now: state), into: &buffer, x: area.x + 1, y: y, highlighted: selected)
        }
        if list.rowCount == 0 && !list.isLoading {
            let message = list.search.map { $0.query.isEmpty ? "type to search" : "no issue matches “\($0.query)”" }
                ?? "no issue matches the filter — F clears it"
            buffer.put(message, x: area.x + 2, y: area.y + 3, role: .muted)
        }
        if let search = list.search, !search.query.isEmpty, search.results.indices.contains(list.cursor.selected) {
            drawSnippet(search.results[list.cursor.selected], y: area.maxY - 1, width: area.width, into: &buffer)
        }
    }

    private static func cells(_ row: IssueSummary, now state: AppState) -> [String: (String, Role)] {
        let issue = row.issue
        return [
            "ID": (row.issue.key, .muted),
            "SEV": (issue.severity, severityRole(issue.severity)),
            "STATUS": (issue.status, statusRole(issue.status)),
            "TITLE": (issue.title, .normal),
            "CATEGORY": (issue.category, .muted),
            "ASSIGNEE": (issue.assignedTo.isEmpty ? "–" : issue.assignedTo, .normal),
            "UPDATED": (TimeText.relative(issue.updatedAt, now: state.now), .muted),
            "LOG": (row.logCount == 0 ? "·" : "\(row.logCount)", .normal),
            "WHY": (row.stepCount == 0 ? "·" : "\(row.stepCount)", .normal),
        ]
    }

    /// Search prompt, or the filter and sort with the count shown.
    private static func drawTopLine(_ list: IssueListState, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        let y = area.y
        if let search = list.search {
            var x = area.x + 1
            x += buffer.put("Search: ", x: x, y: y, role: .key)
            x += TextField.draw(search.editor, showsCursor: search.isEditing, x: x, y: y, width: area.width / 2, into: &buffer)
            let status: (String, Role) = if let error = search.error {
                (error, .error)
            } else if search.query.isEmpty {
                ("full text, ranked · Enter keeps the results · Esc clears", .muted)
            } else {
                (counted(search.results.count, "result"), .muted)
            }
            buffer.put(status.0, x: x + 2, y: y, maxWidth: area.maxX - x - 3, role: status.1)
            return
        }
        let sort = "sort: \(list.filter.sort.rawValue)\(list.filter.reversed ? " ↑" : "")"
        let count = list.filter.isUnfiltered
            ? counted(list.matching, "issue")
            : "\(list.matching) of \(state.status.totalIssues) shown"
        var x = area.x + 1
        if let filter = list.filterSummary {
            x += buffer.put("Filter: ", x: x, y: y, role: .warning)
            x += buffer.put(filter, x: x, y: y, maxWidth: area.width / 2, role: .normal) + 2
        }
        buffer.put("\(count) · \(sort)", x: x, y: y, maxWidth: area.maxX - x - 1, role: .muted)
    }

    private static func drawSnippet(_ result: SearchResult, y: Int, width: Int, into buffer: inout CellBuffer) {
        var x = 1
        x += buffer.put("\(result.source): ", x: x, y: y, role: .muted)
        for (index, part) in result.snippet.split(separator: SearchResult.highlightStart, omittingEmptySubsequences: false)
            .enumerated() {
            let pieces = part.split(separator: SearchResult.highlightEnd, maxSplits: 1, omittingEmptySubsequences: false)
            if index > 0, let hit = pieces.first {
                x += buffer.put(hit, x: x, y: y, maxWidth: width - x - 1, role: .match)
                if pieces.count > 1 { x += buffer.put(pieces[1], x: x, y: y, maxWidth: width - x - 1) }
            } else {
                x += buffer.put(part, x: x, y: y, maxWidth: width - x - 1)
            }
            if x >= width - 1 { break }
        }
    }

    static func severityRole(_ severity: String) -> Role {
        switch severity {
        case "P1": .severityP1
        case "P2": .severityP2
        case "P3": .severityP3
        default: .severityP4
        }
    }

    static func statusRole(_ status: String) -> Role {
        switch status {
        case "open": .warning
        case "resolved", "closed": .success
        default: .normal
        }
    }
}
