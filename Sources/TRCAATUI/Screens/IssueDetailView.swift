import TRCAACore

/// Draws one issue: heading, tab bar, and the selected tab.
enum IssueDetailView {
    static func draw(_ detail: IssueDetailState, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        guard let loaded = detail.detail else {
            buffer.put("loading…", x: area.x + 2, y: area.y + 1, role: .muted)
            return
        }
        let issue = loaded.issue
        var x = area.x + 1
        x += buffer.put(issue.key, x: x, y: area.y, role: .muted) + 1
        x += buffer.put(issue.severity, x: x, y: area.y, role: IssueListView.severityRole(issue.severity)) + 1
        x += buffer.put(issue.title, x: x, y: area.y, maxWidth: area.width - x - 18, role: .title) + 2
        buffer.put("[\(issue.status)]", x: x, y: area.y, role: IssueListView.statusRole(issue.status))
        drawTabs(detail, loaded, y: area.y + 1, width: area.width, into: &buffer)
        buffer.put(String(repeating: "─", count: area.width), x: area.x, y: area.y + 2, role: .border)
        let content = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3)
        switch detail.tab {
        case .overview: OverviewTab.draw(loaded, cursor: detail.cursor(.overview), state: state, in: content, into: &buffer)
        case .whys: WhysTab.draw(loaded, cursor: detail.cursor(.whys), in: content, into: &buffer)
        case .timeline:
            TimelineTab.draw(detail.timelineRows, view: detail.timelineView, cursor: detail.cursor(.timeline),
                             absolute: detail.showsAbsoluteTimes, state: state, in: content, into: &buffer)
        case .actions:
            ActionsTab.draw(loaded.actionItems, cursor: detail.cursor(.actions), state: state, in: content, into: &buffer)
        case .logs, .images, .documents:
            AttachmentTabs.draw(detail.tab, loaded, cursor: detail.cursor(detail.tab), state: state, in: content,
                                into: &buffer)
        }
    }

    /// Every tab, the active one in full: when the bar is crowded the others shorten (short
    /// names, then numbers only), so the active tab always shows.
    private static func drawTabs(_ detail: IssueDetailState, _ loaded: IssueDetail, y: Int, width: Int,
                                 into buffer: inout CellBuffer) {
        func label(_ tab: DetailTab, detail level: Int) -> String {
            let count: Int? = switch tab {
            case .overview: nil
            case .whys: loaded.steps.count
            case .timeline: loaded.incidentEvents.count + loaded.timeline.count
            case .logs: loaded.logFiles.count
            case .images: loaded.images.count
            case .documents: loaded.documents.count
            case .actions: loaded.actionItems.count
            }
            let counted = count.map { $0 > 0 ? " (\($0))" : "" } ?? ""
            switch tab == detail.tab ? 0 : level {
            case 0: return " \(tab.rawValue + 1) \(tab.title)\(counted) "
            case 1: return " \(tab.rawValue + 1) \(tab.shortTitle)\(counted) "
            case 2: return " \(tab.rawValue + 1) \(tab.shortTitle) "
            default: return " \(tab.rawValue + 1) "
            }
        }
        let labels = (0...3).lazy.map { level in DetailTab.allCases.map { label($0, detail: level) } }
            .first { DisplayWidth.columns(of: $0.joined()) < width - 1 } ?? DetailTab.allCases.map { label($0, detail: 3) }
        var x = 1
        for (tab, text) in zip(DetailTab.allCases, labels) {
            x += buffer.put(text, x: x, y: y, maxWidth: max(0, width - x), role: tab == detail.tab ? .tabActive : .muted)
        }
    }
}

/// Fields, description and root cause.
enum OverviewTab {
    static func draw(_ loaded: IssueDetail, cursor: ListCursor, state: AppState, in area: Rect,
                     into buffer: inout CellBuffer) {
        let issue = loaded.issue
        for field in OverviewField.allCases {
            let y = area.y + field.rawValue
            let selected = cursor.selected == field.rawValue
            let value: (String, Role) = switch field {
            case .title: (issue.title, .normal)
            case .severity: ("\(issue.severity) \(Severity(input: issue.severity)?.name ?? "")", IssueListView.severityRole(issue.severity))
            case .status: (issue.status, IssueListView.statusRole(issue.status))
            case .category: (issue.category, .normal)
            case .assignee: (issue.assignedTo.isEmpty ? "–" : issue.assignedTo, .normal)
            case .tags: (issue.tags.isEmpty ? "–" : issue.tags.joined(separator: ", "), .normal)
            // The text itself is drawn in full below the fields.
            case .description: (issue.description.isEmpty ? "– (e edits)"
                : "\(counted(issue.description.split(separator: "\n").count, "line")), below (e edits)", .muted)
            }
            if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), highlighted: true) }
            buffer.put(field.label, x: area.x + 2, y: y, exactWidth: 12, role: .muted, highlighted: selected)
            buffer.put(value.0, x: area.x + 14, y: y, maxWidth: area.width - 16, role: value.1, highlighted: selected)
        }
        var y = area.y + OverviewField.allCases.count + 1
        // A detail: ISO 8601 in UTC, as `issue show` writes it; "updated" is how recent.
        let iso = { (stored: String) in Timestamp.parse(stored).map(Timestamp.iso8601) ?? stored }
        let dates = "created \(iso(issue.createdAt)) · updated \(TimeText.relative(issue.updatedAt, now: state.now))"
            + (issue.resolvedAt.map { " · resolved \(iso($0))" } ?? "")
        buffer.put(dates, x: area.x + 2, y: y, maxWidth: area.width - 4, role: .muted)
        y += 2
        y = drawIncident(IncidentFigures(loaded.incidentEvents), x: area.x, y: y, width: area.width, into: &buffer)
        buffer.put("Root cause", x: area.x + 2, y: y, role: .header)
        let root = loaded.rootCause.map { "#\($0.stepOrder) \($0.text)\($0.isExplicit ? "" : " (last answered why)")" }
            ?? "not identified yet — mark a why with c on the 5-Whys tab"
        for line in TextWrap.lines(root.replacingOccurrences(of: "\n", with: " "), width: area.width - 16).prefix(2) {
            buffer.put(line, x: area.x + 14, y: y, role: loaded.rootCause == nil ? .muted : .success)
            y += 1
        }
        y += 1
        guard !issue.description.isEmpty, y < area.maxY else { return }
        buffer.put("Description", x: area.x + 2, y: y, role: .header)
        for line in TextWrap.lines(issue.description, width: area.width - 16) where y < area.maxY {
            buffer.put(line, x: area.x + 14, y: y)
            y += 1
        }
    }
}

extension OverviewTab {
    /// The incident's figures in two lines (or how to get them); returns the next free row.
    static func drawIncident(_ figures: IncidentFigures, x: Int, y: Int, width: Int, into buffer: inout CellBuffer) -> Int {
        buffer.put("Incident", x: x + 2, y: y, role: .header)
        guard !figures.isEmpty else {
            buffer.put("no events in incident time yet — T on a log line, or a on the Timeline tab", x: x + 14, y: y,
                       maxWidth: width - 16, role: .muted)
            return y + 2
        }
        // Each moment after the start as the time since it (time to detect, to mitigate…).
        func moment(_ label: String, _ value: String?) -> String {
            guard let date = value?.date else { return "\(label) –" }
            guard let start = figures.start?.date, label != "impact" else {
                return "\(label) " + Timestamp.format(date).dropFirst(5).prefix(11)
            }
            let seconds = Int(date.timeIntervalSince(start))
            return "\(label) " + (seconds >= 0 ? "+" : "") + IncidentDuration.describe(seconds: seconds)
        }
        let moments = [moment("impact", figures.start), moment("detected", figures.detected),
                       moment("mitigated", figures.mitigated), moment("resolved", figures.resolved)]
        var row = y
        for line in TextWrap.lines(moments.joined(separator: " → "), width: width - 16) {
            buffer.put(line, x: x + 14, y: row)
            row += 1
        }
        buffer.put("duration " + figures.durationText, x: x + 14, y: row, maxWidth: width - 16,
                   role: figures.duration == nil ? .muted : .success)
        return row + 2
    }
}

/// The 5-Whys chain as cards: why → answer → evidence, the root cause starred.
enum WhysTab {
    static func draw(_ loaded: IssueDetail, cursor: ListCursor, in area: Rect, into buffer: inout CellBuffer) {
        guard !loaded.steps.isEmpty else {
            buffer.put("No whys yet — press a to ask the first one.", x: area.x + 2, y: area.y + 1, role: .muted)
            return
        }
        let visible = max(1, area.height / ScreenLayout.whyCardLines)
        for (slot, index) in cursor.visibleRange(count: loaded.steps.count, visible: visible).enumerated() {
            let step = loaded.steps[index]
            let y = area.y + slot * ScreenLayout.whyCardLines
            let selected = index == cursor.selected
            let isRoot = loaded.rootCause?.stepId == step.id && loaded.rootCause?.isExplicit == true
            if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 3), highlighted: true) }
            var x = area.x + 1
            x += buffer.put("#\(step.stepOrder) ", x: x, y: y, role: .key, highlighted: selected)
            x += buffer.put(firstLine(step.whyQuestion), x: x, y: y, maxWidth: area.width - x - 16, role: .title,
                            highlighted: selected)
            if isRoot { buffer.putRight("★ root cause ", maxX: area.maxX, y: y, role: .success) }
            let answer = step.answer.isEmpty ? "(no answer yet — Enter edits)" : firstLine(step.answer)
            buffer.put("→ " + answer, x: area.x + 4, y: y + 1, maxWidth: area.width - 6,
                       role: step.answer.isEmpty ? .muted : .normal, highlighted: selected)
            let evidence = step.evidence.isEmpty ? "no evidence" : "evidence: " + firstLine(step.evidence)
            buffer.put("  " + evidence, x: area.x + 4, y: y + 2, maxWidth: area.width - 6, role: .muted, highlighted: selected)
        }
    }
}

extension WhysTab {
    /// The first line of a multi-line text, saying how many more there are (e edits them all).
    static func firstLine(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.count > 1 else { return lines.first.map(String.init) ?? "" }
        return "\(lines[0])  (+\(counted(lines.count - 1, "line")))"
    }
}

/// Incident events and the triage record in time order, with times and the time since the previous row.
enum TimelineTab {
    static func draw(_ rows: [TimelineRow], view: TimelineView, cursor: ListCursor, absolute: Bool, state: AppState,
                     in area: Rect, into buffer: inout CellBuffer) {
        guard !rows.isEmpty else {
            let hint = view == .triage ? "No triage events." : "No events yet — a adds one by hand, T in a log viewer makes one of a line."
            buffer.put(hint, x: area.x + 2, y: area.y + 1, maxWidth: area.width - 4, role: .muted)
            return
        }
        let layout = TableLayout([
            TableColumn("WHEN", width: absolute ? 19 : 14),
            TableColumn("SINCE", width: 8, alignRight: true, priority: 5),
            TableColumn("EVENT", width: 23),
            TableColumn("DESCRIPTION", width: 0, isFlexible: true),
        ], width: area.width - 2, minimumFlexible: 20)
        cursor.drawVisibleRows(count: rows.count, in: area, into: &buffer) { index, y, selected, buffer in
            let row = rows[index]
            let since = index == 0 ? "" : TimeText.duration(from: rows[index - 1].time, to: row.time) ?? ""
            let stamp = Timestamp.parse(row.time).map(Timestamp.format) ?? row.time
            let (when, event, description, role): (String, String, String, Role) = switch row {
            case .incident(let event):
                (absolute ? stamp : String(stamp.dropFirst(5)), "◆ " + event.kind.displayName,
                 event.description.replacingOccurrences(of: "\n", with: " "), .key)
            case .triage(let event):
                (absolute ? stamp : TimeText.relative(event.createdAt, now: state.now),
                 icon(event.eventType) + " " + TimelineEventType.displayName(of: event.eventType), event.description, .muted)
            }
            layout.drawRow([
                "WHEN": (when, .muted), "SINCE": (since, .muted), "EVENT": (event, role), "DESCRIPTION": (description, .normal),
            ], into: &buffer, x: area.x + 1, y: y, highlighted: selected)
        }
    }

    static func icon(_ type: String) -> String {
        switch TimelineEventType(rawValue: type) {
        case .triageStarted: "▶"
        case .logUploaded: "▤"
        case .whyLevelAdvanced: "?"
        case .rootCauseIdentified: "★"
        case .rcaGenerated, .postmortemGenerated: "✎"
        case .documentExported: "⇪"
        case nil: "·"
        }
    }
}

/// The issue's follow-ups: priority, status, owner, due date.
enum ActionsTab {
    static func draw(_ items: [ActionItem], cursor: ListCursor, state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        guard !items.isEmpty else {
            buffer.put("No action items yet — a adds one: what will be done, by whom, by when.", x: area.x + 2, y: area.y + 1,
                       maxWidth: area.width - 4, role: .muted)
            return
        }
        let today = String(Timestamp.format(state.now).prefix(10))
        let layout = TableLayout([
            TableColumn("PRI", width: 3),
            TableColumn("STATUS", width: 7),
            TableColumn("OWNER", width: 12, priority: 3),
            TableColumn("DUE", width: 10, priority: 4),
            TableColumn("ACTION", width: 0, isFlexible: true),
        ], width: area.width - 2, minimumFlexible: 20)
        cursor.drawVisibleRows(count: items.count, in: area, into: &buffer) { index, y, selected, buffer in
            let item = items[index]
            let overdue = item.status == .open && !item.dueDate.isEmpty && item.dueDate < today
            let open = item.status == .open
            layout.drawRow([
                "PRI": (item.priority.rawValue, item.priority == .p0 ? .error : .key),
                "STATUS": ((open ? "☐ " : "☑ ") + item.status.rawValue, open ? .normal : .success),
                "OWNER": (item.owner.isEmpty ? "–" : item.owner, item.owner.isEmpty ? .muted : .normal),
                "DUE": (item.dueDate.isEmpty ? "–" : item.dueDate, overdue ? .error : .muted),
                "ACTION": (item.description, open ? .normal : .muted),
            ], into: &buffer, x: area.x + 1, y: y, highlighted: selected)
        }
    }
}
