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
            TimelineTab.draw(loaded.timeline, cursor: detail.cursor(.timeline), absolute: detail.showsAbsoluteTimes,
                             state: state, in: content, into: &buffer)
        case .logs, .images, .documents:
            AttachmentTabs.draw(detail.tab, loaded, cursor: detail.cursor(detail.tab), state: state, in: content,
                                into: &buffer)
        }
    }

    private static func drawTabs(_ detail: IssueDetailState, _ loaded: IssueDetail, y: Int, width: Int,
                                 into buffer: inout CellBuffer) {
        var x = 1
        for tab in DetailTab.allCases {
            let count: Int? = switch tab {
            case .overview: nil
            case .whys: loaded.steps.count
            case .timeline: loaded.timeline.count
            case .logs: loaded.logFiles.count
            case .images: loaded.images.count
            case .documents: loaded.documents.count
            }
            let label = " \(tab.rawValue + 1) \(tab.title)\(count.map { $0 > 0 ? " (\($0))" : "" } ?? "") "
            guard x + DisplayWidth.columns(of: label) < width else { break }
            x += buffer.put(label, x: x, y: y, role: tab == detail.tab ? .tabActive : .muted)
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
        let dates = "created \(issue.createdAt) · updated \(TimeText.relative(issue.updatedAt, now: state.now))"
            + (issue.resolvedAt.map { " · resolved \($0)" } ?? "")
        buffer.put(dates, x: area.x + 2, y: y, maxWidth: area.width - 4, role: .muted)
        y += 2
        buffer.put("Root cause", x: area.x + 2, y: y, role: .header)
        let root = loaded.rootCause.map { "#\($0.stepOrder) \($0.text)\($0.isExplicit ? "" : " (last answered why)")" }
            ?? "not identified yet — mark a why with c on the 5-Whys tab"
        for line in TextWrap.lines(root, width: area.width - 16).prefix(2) {
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
            x += buffer.put(step.whyQuestion, x: x, y: y, maxWidth: area.width - x - 16, role: .title, highlighted: selected)
            if isRoot { buffer.putRight("★ root cause ", maxX: area.maxX, y: y, role: .success) }
            let answer = step.answer.isEmpty ? "(no answer yet — Enter edits)" : step.answer
            buffer.put("→ " + answer, x: area.x + 4, y: y + 1, maxWidth: area.width - 6,
                       role: step.answer.isEmpty ? .muted : .normal, highlighted: selected)
            let evidence = step.evidence.isEmpty ? "no evidence" : "evidence: " + step.evidence
            buffer.put("  " + evidence, x: area.x + 4, y: y + 2, maxWidth: area.width - 6, role: .muted, highlighted: selected)
        }
    }
}

/// Events in order, with times and the time since the previous event.
enum TimelineTab {
    static func draw(_ events: [TimelineEvent], cursor: ListCursor, absolute: Bool, state: AppState, in area: Rect,
                     into buffer: inout CellBuffer) {
        guard !events.isEmpty else {
            buffer.put("No events yet.", x: area.x + 2, y: area.y + 1, role: .muted)
            return
        }
        let layout = TableLayout([
            TableColumn("WHEN", width: absolute ? 19 : 9),
            TableColumn("SINCE", width: 7, alignRight: true, priority: 5),
            TableColumn("EVENT", width: 23),
            TableColumn("DESCRIPTION", width: 0, isFlexible: true),
        ], width: area.width - 2, minimumFlexible: 20)
        for (line, index) in cursor.visibleRange(count: events.count, visible: area.height).enumerated() {
            let event = events[index]
            let selected = index == cursor.selected
            let y = area.y + line
            if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), highlighted: true) }
            let since = index == 0 ? "" : TimeText.duration(from: events[index - 1].createdAt, to: event.createdAt) ?? ""
            layout.drawRow([
                "WHEN": (absolute ? event.createdAt : TimeText.relative(event.createdAt, now: state.now), .muted),
                "SINCE": (since, .muted),
                "EVENT": (icon(event.eventType) + " " + TimelineEventType.displayName(of: event.eventType), .key),
                "DESCRIPTION": (event.description, .normal),
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
