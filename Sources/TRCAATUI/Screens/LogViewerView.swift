import TRCAACore

/// The log viewer: a header (file, size, PII legend, modes, search prompt) over the lines,
/// each with a mark column and its number coloured by level; PII in its kind's colour,
/// search hits underlined.
enum LogViewerView {
    static func draw(_ viewer: LogViewerState, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        drawHeader(viewer, in: area, into: &buffer)
        guard viewer.isOpen else {
            if let error = viewer.openError {
                buffer.put(error, x: area.x + 2, y: area.y + 2, maxWidth: area.width - 4, role: .error)
                buffer.put("q goes back", x: area.x + 2, y: area.y + 3, role: .muted)
            } else {
                buffer.put("opening \(viewer.fileName)…", x: area.x + 2, y: area.y + 2, role: .muted)
            }
            return
        }
        guard viewer.rowCount > 0 else {
            let message = viewer.lineCount == 0 ? "this log is empty"
                : viewer.filtered == nil ? "filtering…" : "no line passes the filter — F shows every line"
            buffer.put(message, x: area.x + 2, y: area.y + 2, role: .muted)
            return
        }
        let numberWidth = max(4, String(viewer.lineCount).count)
        let textX = area.x + numberWidth + 2
        let textWidth = area.maxX - textX
        var y = area.y + 1
        var position = viewer.wraps ? firstWrappedLine(viewer, width: textWidth, rows: area.height - 1) : viewer.cursor.offset
        let highlight = viewer.highlight
        while y < area.maxY, position < viewer.rowCount {
            let selected = position == viewer.cursor.selected
            guard let line = viewer.window.row(at: position) else {
                buffer.put("…", x: textX, y: y, role: .muted)
                y += 1
                position += 1
                continue
            }
            let rows = StyledLine(runs: runs(line, highlight: highlight))
                .rows(width: textWidth, skip: viewer.wraps ? 0 : viewer.column, maxRows: viewer.wraps ? area.maxY - y : 1)
            for (index, row) in (rows.isEmpty ? [[]] : rows).enumerated() {
                if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), highlighted: true) }
                if index == 0 {
                    if viewer.marks[line.number] != nil { buffer.put("▸", x: area.x, y: y, role: .key, highlighted: selected) }
                    let number = String(line.number + 1)
                    buffer.put(number, x: area.x + 1 + numberWidth - number.count, y: y, role: levelRole(line.level),
                               highlighted: selected)
                }
                StyledLine.draw(row, x: textX, y: y, highlighted: selected, into: &buffer)
                y += 1
            }
            position += 1
        }
    }

    /// When wrapping, lines take several rows: the first line to draw so that the selected one
    /// still fits (the cursor's scroll counts one row per line).
    private static func firstWrappedLine(_ viewer: LogViewerState, width: Int, rows: Int) -> Int {
        func height(_ position: Int) -> Int {
            guard let line = viewer.window.row(at: position) else { return 1 }
            return max(1, StyledLine(runs: runs(line, highlight: nil)).rows(width: width, skip: 0, maxRows: rows).count)
        }
        var first = viewer.cursor.offset
        var used = (first...max(first, viewer.cursor.selected)).reduce(0) { $0 + height($1) }
        while used > rows, first < viewer.cursor.selected {
            used -= height(first)
            first += 1
        }
        return first
    }

    /// The search or filter prompt, in the status line: its text, then what it does or why
    /// it cannot.
    static func drawPrompt(_ prompt: LogPrompt, in line: Rect, into buffer: inout CellBuffer) {
        buffer.fill(line, role: .input)
        let kind = prompt.isRegex ? "regex" : "text"
        let (label, help) = switch prompt.kind {
        case .search(let forward): ((forward ? "/" : "?") + " search \(kind): ",
                                    "smart case · Enter finds · Ctrl-r regex/text · Esc cancels")
        case .filter: ("filter \(kind): ", "lines with it · !text: lines without it · Ctrl-r regex/text · Esc cancels")
        }
        var x = line.x + 1
        x += buffer.put(label, x: x, y: line.y, role: .key)
        let width = max(10, min(line.width / 2, DisplayWidth.columns(of: prompt.editor.text) + 2))
        x += TextField.draw(prompt.editor, showsCursor: true, x: x, y: line.y, width: width, into: &buffer)
        buffer.put(prompt.error ?? help, x: x + 2, y: line.y, maxWidth: line.maxX - x - 3, role: prompt.error == nil ? .muted : .error)
    }

    /// File, lines, filters, PII legend and modes.
    private static func drawHeader(_ viewer: LogViewerState, in area: Rect, into buffer: inout CellBuffer) {
        let y = area.y
        var modes: [String] = []
        if let finding = viewer.finding { modes.append("looking for \(finding)…") } else if let hits = hitCount(viewer) { modes.append(hits) }
        if viewer.view.isRedacted { modes.append(viewer.view.tokens == .numbered ? "REDACTED #" : "REDACTED") }
        if viewer.wraps { modes.append("wrap") }
        if !viewer.wraps && viewer.column > 0 { modes.append("→\(viewer.column)") }
        if !viewer.marks.isEmpty { modes.append(counted(viewer.marks.count, "mark")) }
        // The modes take the right end; the name and the position what is left, never drawn over.
        let modeText = modes.isEmpty ? "" : "  " + modes.joined(separator: " · ") + " "
        let right = area.maxX - buffer.putRight(modeText, maxX: area.maxX, y: y, role: .warning)
        var x = area.x + 1
        x += buffer.put(viewer.fileName, x: x, y: y, maxWidth: area.width / 3, role: .title)
        x += buffer.put("  " + position(viewer), x: x, y: y, maxWidth: max(0, right - x), role: viewer.isFiltering ? .warning : .muted)
        for count in viewer.piiCounts.sorted(by: { $0.count > $1.count }) {
            let text = "\(count.type) \(count.count)"
            guard x + 2 + DisplayWidth.columns(of: text) <= right else { break }
            x += buffer.put("  ", x: x, y: y)
            x += buffer.put(text, x: x, y: y, role: piiRole(count.type))
        }
    }

    /// "hit 3 of 520" on a hit of the last search, else "520 hits"; "counting hits…" until known.
    private static func hitCount(_ viewer: LogViewerState) -> String? {
        guard let search = viewer.lastSearch else { return nil }
        guard let hits = viewer.hits else { return "counting hits…" }
        let line = viewer.line(atPosition: viewer.cursor.selected)
        if let hit = viewer.hit(from: line, forward: true), hit.line == line {
            return "hit \(hit.index + 1) of \(hits.count) “\(shortened(search.text))”"
        }
        return counted(hits.count, "hit") + " “\(shortened(search.text))”"
    }

    /// A search text as the header quotes it: at most 16 characters.
    private static func shortened(_ text: String) -> String { text.count > 16 ? text.prefix(15) + "…" : text }

    /// Where the cursor is: "line 12 of 300 lines", or under filters "3 of 5 lines with “gc”",
    /// "3 of 5 lines · 3 filters" (Tab lists them).
    private static func position(_ viewer: LogViewerState) -> String {
        let enabled = viewer.filters.filter(\.isEnabled)
        guard !enabled.isEmpty else {
            let at = viewer.isOpen && viewer.lineCount > 0 ? "line \(viewer.cursor.selected + 1) of " : ""
            let off = viewer.filters.isEmpty ? "" : " · \(counted(viewer.filters.count, "filter")) off"
            return at + counted(viewer.lineCount, "line") + off
        }
        let which = enabled.count == 1 ? "\(enabled[0].excludes ? "without" : "with") “\(enabled[0].text)”"
            : "· \(counted(enabled.count, "filter")) (Tab lists them)"
        guard let filtered = viewer.filtered else { return "filtering: lines \(which)…" }
        let at = filtered.isEmpty ? "" : "\(viewer.cursor.selected + 1) of "
        return at + counted(filtered.count, "line") + " " + which
    }

    /// The line's text in runs: PII in its kind's role, what `highlight` finds as matches.
    static func runs(_ line: ViewerLine, highlight: LogPattern?) -> [(text: String, role: Role)] {
        var roles = [Role](repeating: .normal, count: line.bytes.count)
        if let highlight {
            for range in line.bytes.withUnsafeBytes({ highlight.ranges(in: $0) }) {
                for index in range { roles[index] = .match }
            }
        }
        for mark in line.pii {
            let role = piiRole(mark.type)
            for index in mark.range where roles.indices.contains(index) { roles[index] = role }
        }
        var runs: [(text: String, role: Role)] = []
        var start = 0
        while start < roles.count {
            var end = start + 1
            while end < roles.count, roles[end] == roles[start] { end += 1 }
            runs.append((String(decoding: line.bytes[start..<end], as: UTF8.self), roles[start]))
            start = end
        }
        if line.cutBytes > 0 { runs.append(("  …\(ByteSize.describe(Int64(line.cutBytes))) more", .muted)) }
        return runs
    }

    static func piiRole(_ type: String) -> Role {
        switch PIIType(rawValue: type)?.kind {
        case .credential: .piiCredential
        case .personal: .piiPersonal
        case .network, nil: .piiNetwork
        }
    }

    private static func levelRole(_ level: LogLevel) -> Role {
        switch level {
        case .error: .error
        case .warning: .warning
        case .none: .muted
        }
    }
}
