import Foundation
import TRCAACore

extension App {
    static func performOnDetail(_ action: Action, in state: inout AppState) -> [Effect]? {
        guard var detail = state.top(IssueDetailState.self) else { return nil }
        let tabs = DetailTab.allCases
        switch action {
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            var cursor = detail.cursor(detail.tab)
            cursor.move(action, count: detail.rowCount(detail.tab), visible: ScreenLayout.detailItems(detail.tab, state.size))
            detail.cursors[detail.tab] = cursor
        case .nextTab:
            detail.tab = tabs[(detail.tab.rawValue + 1) % tabs.count]
        case .previousTab:
            detail.tab = tabs[(detail.tab.rawValue + tabs.count - 1) % tabs.count]
        case .showTab(let index) where tabs.indices.contains(index):
            detail.tab = tabs[index]
        case .toggleAbsoluteTime:
            detail.showsAbsoluteTimes.toggle()
        case .cycleTimelineView where detail.tab == .timeline:
            let views = TimelineView.allCases
            detail.timelineView = views[(views.firstIndex(of: detail.timelineView)! + 1) % views.count]
            detail.cursors[.timeline] = ListCursor()
            inform("showing \(detail.timelineView.label)", in: &state)
        default:
            guard let issue = detail.detail?.issue else { return nil }
            return performOnLoadedDetail(action, issue: issue, detail: detail, in: &state)
        }
        state.replaceTop(detail)
        return []
    }

    /// Actions that need the issue loaded.
    private static func performOnLoadedDetail(_ action: Action, issue: Issue, detail: IssueDetailState,
                                              in state: inout AppState) -> [Effect]? {
        switch (action, detail.tab) {
        case (.changeStatus, _):
            openStatusPicker(issue, in: &state)
        case (.changeSeverity, .overview):
            openPicker(.severity(issue), title: "Severity",
                       options: Severity.allCases.map { PickerOption("\($0.rawValue) \($0.name)", .severity($0),
                                                                     isTicked: $0.rawValue == issue.severity) }, in: &state)
        case (.changeCategory, .overview):
            openPicker(.category(issue), title: "Category",
                       options: IssueCategory.allCases.map { PickerOption($0.rawValue, .category($0), isTicked: $0.rawValue == issue.category) },
                       in: &state)
        case (.editField, .overview):
            return editField(detail.selectedField, of: issue, in: &state)
        case (.editDescription, .overview):
            return editLongText(.description(issue), text: issue.description,
                                title: "Description of “\(issue.title)”", in: &state)
        case (.addWhy, .whys):
            let number = (detail.detail?.steps.count ?? 0) + 1
            state.overlay = .form(FormState(
                title: "Why #\(number)",
                fields: [FormField(.question, "Why?", number == 1 ? "Why did “\(issue.title)” happen?" : ""),
                         FormField(.answer, "Answer"), FormField(.evidence, "Evidence")],
                purpose: .addWhy(issueId: issue.id)))
        case (.editWhy, .whys):
            guard let step = detail.selectedStep else { return [] }
            // Several lines do not fit one-line fields: they go to the editor whole.
            if step.answer.contains("\n") || step.evidence.contains("\n") {
                return performOnLoadedDetail(.editWhyText, issue: issue, detail: detail, in: &state)
            }
            state.overlay = .form(FormState(
                title: "Why #\(step.stepOrder)",
                fields: [FormField(.question, "Why?", step.whyQuestion), FormField(.answer, "Answer", step.answer),
                         FormField(.evidence, "Evidence", step.evidence)],
                purpose: .editWhy(step)))
        case (.editWhyText, .whys):
            guard let step = detail.selectedStep else { return [] }
            return editLongText(.whyText(step),
                                text: "\(step.answer)\n\(WhyText.evidenceMarker)\n\(step.evidence)",
                                title: "Why #\(step.stepOrder): answer and evidence", in: &state)
        case (.showDetails, .whys):
            guard let step = detail.selectedStep else { return [] }
            state.overlay = .message(title: "Why #\(step.stepOrder)", text: WhyText.details(of: step))
        case (.moveWhyUp, .whys), (.moveWhyDown, .whys):
            guard let step = detail.selectedStep else { return [] }
            let target = step.stepOrder + (action == .moveWhyUp ? -1 : 1)
            guard target >= 1, target <= (detail.detail?.steps.count ?? 0) else { return [] }
            return [.moveWhy(stepId: step.id, to: target)]
        case (.markRootCause, .whys):
            guard let step = detail.selectedStep else { return [] }
            state.overlay = .picker(PickerState(
                title: "How sure are you that #\(step.stepOrder) is the root cause?",
                options: [(1.0, "Certain: the evidence shows it"), (0.9, "Very likely"), (0.75, "Likely"),
                          (0.5, "Plausible: more evidence needed"), (0.25, "A hunch")].map {
                    PickerOption("\(Int($0.0 * 100))%  \($0.1)", .confidence($0.0))
                },
                purpose: .rootCauseConfidence(stepId: step.id)))
        case (.deleteWhy, .whys):
            guard let step = detail.selectedStep else { return [] }
            state.overlay = .confirm(ConfirmState(
                title: "Delete why #\(step.stepOrder)?",
                message: "“\(step.whyQuestion)” will be deleted; the steps after it move up.",
                onYes: [.deleteWhy(stepId: step.id)]))
        case (_, .documents):
            return performOnDocumentsTab(action, issue: issue, detail: detail, in: &state)
        case (.importLog, .logs):
            state.overlay = .form(FormState(
                title: "Import a log into “\(issue.title)”",
                fields: [FormField(.path, "Path", note: "Tab completes · ~ is your home · .gz is read as gzip", kind: .path)],
                purpose: .importLog(issueId: issue.id)))
        case (.open, .images):
            return detail.selectedImage.map { [.loadImageDetail(id: $0.id)] } ?? []
        case (.openInPager, .images):
            return detail.selectedImage.map { [.openImage(id: $0.id)] } ?? []
        case (.openInPager, .logs):
            return detail.selectedLog.map { [.preparePager(logId: $0.id, view: .stored)] } ?? []
        case (.showPatterns, .logs):
            guard let log = detail.selectedLog else { return [] }
            return openPatterns(logId: log.id, issueId: log.issueId, fileName: log.fileName, in: &state)
        case (.showIssuePatterns, .logs):
            return openIssuePatterns(issueId: issue.id, logs: detail.detail?.logFiles ?? [], in: &state)
        case (.open, .logs):
            guard let log = detail.selectedLog else { return [] }
            return openLogViewer(logId: log.id, issueId: log.issueId, fileName: log.fileName, in: &state)
        case (.open, .timeline):
            switch detail.selectedTimelineRow {
            case .incident(let event):
                openIncidentEventForm(editing: event, issueId: issue.id, start: incidentStart(detail), in: &state)
            case .triage(let event):
                state.overlay = .message(title: TimelineEventType.displayName(of: event.eventType),
                                         text: TimelineText.details(of: event))
            case nil:
                break
            }
        case (.addIncidentEvent, .timeline):
            openIncidentEventForm(editing: nil, issueId: issue.id, start: incidentStart(detail), in: &state)
        case (.deleteIncidentEvent, .timeline):
            guard case .incident(let event) = detail.selectedTimelineRow else {
                inform("only incident events can be deleted: the triage record is trcaa's own", in: &state)
                return []
            }
            state.overlay = .confirm(ConfirmState(
                title: "Delete this incident event?",
                message: "“\(event.description)” (\(event.kind.displayName), \(event.occurredAt) UTC) will be deleted; "
                    + "the audit log keeps what it said.",
                onYes: [.deleteIncidentEvent(id: event.id)]))
        case (.addActionItem, .actions):
            openActionItemForm(editing: nil, issueId: issue.id, in: &state)
        case (.open, .actions):
            guard let item = detail.selectedActionItem else { return [] }
            openActionItemForm(editing: item, issueId: issue.id, in: &state)
        case (.toggleActionDone, .actions):
            guard let item = detail.selectedActionItem else { return [] }
            return [.editActionItem(id: item.id, .init(status: item.status == .open ? .done : .open))]
        case (.deleteActionItem, .actions):
            guard let item = detail.selectedActionItem else { return [] }
            state.overlay = .confirm(ConfirmState(
                title: "Delete this action item?", message: "“\(item.description)” will be deleted; the audit log keeps it.",
                onYes: [.deleteActionItem(id: item.id)]))
        default:
            return nil
        }
        return []
    }

    /// Where typed relative times (`+15m`) count from.
    private static func incidentStart(_ detail: IssueDetailState) -> Date? {
        IncidentFigures.anchor(of: detail.detail?.incidentEvents ?? [])
    }

    /// The form of an incident event: a new one, or `event` to edit.
    private static func openIncidentEventForm(editing event: IncidentEvent?, issueId: String, start: Date?,
                                              in state: inout AppState) {
        state.overlay = .form(FormState(
            title: event == nil ? "Add an incident event" : "Edit the incident event",
            fields: [FormField(.time, "When (UTC)", event?.occurredAt ?? "",
                               note: "2025-12-10 06:55 · Dec 10 06:55:48 · 07:30 · +15m from the start · now-5m"),
                     .choice(.kind, "Kind", event?.kind.rawValue ?? IncidentEventKind.note.rawValue,
                             IncidentEventKind.allCases.map(\.rawValue)),
                     FormField(.description, "What", event?.description ?? ""),
                     FormField(.evidence, "Evidence", event?.evidence ?? "",
                               note: (event?.evidence.contains("\n") ?? false) ? "several lines: kept as they are unless edited" : nil)],
            purpose: event.map { .editIncidentEvent(eventId: $0.id, start: start) } ?? .addIncidentEvent(issueId: issueId, start: start)))
    }

    /// The form of an action item: a new one, or `item` to edit.
    private static func openActionItemForm(editing item: ActionItem?, issueId: String, in state: inout AppState) {
        state.overlay = .form(FormState(
            title: item == nil ? "Add an action item" : "Edit the action item",
            fields: [FormField(.description, "What", item?.description ?? ""),
                     FormField(.owner, "Owner", item?.owner ?? ""),
                     FormField(.due, "Due", item?.dueDate ?? "", note: "YYYY-MM-DD, or +7d from today"),
                     .choice(.priority, "Priority", item?.priority.rawValue ?? ActionPriority.p2.rawValue,
                             ActionPriority.allCases.map(\.rawValue))],
            purpose: item.map { .editActionItem(itemId: $0.id) } ?? .addActionItem(issueId: issueId)))
    }

    static func openPicker(_ purpose: PickerPurpose, title: String, options: [PickerOption], in state: inout AppState) {
        var picker = PickerState(title: title, options: options, purpose: purpose)
        picker.cursor.selected = options.firstIndex { $0.isTicked } ?? 0
        state.overlay = .picker(picker)
    }

    /// Inline editing of one Overview field: a one-line form, a picker, or the editor.
    static func editField(_ field: OverviewField, of issue: Issue, in state: inout AppState) -> [Effect] {
        switch field {
        case .title, .assignee, .tags:
            let value = switch field {
            case .title: issue.title
            case .assignee: issue.assignedTo
            default: issue.tags.joined(separator: ", ")
            }
            state.overlay = .form(FormState(title: "Edit \(field.label.lowercased())",
                                            fields: [FormField(field == .title ? .title : field == .assignee ? .assignee : .tags,
                                                               field.label, value, note: field == .tags ? "comma-separated" : nil)],
                                            purpose: .editField(issue, field)))
            return []
        case .severity: return performOnScreen(.changeSeverity, in: &state) ?? []
        case .status: return performOnScreen(.changeStatus, in: &state) ?? []
        case .category: return performOnScreen(.changeCategory, in: &state) ?? []
        case .description: return performOnScreen(.editDescription, in: &state) ?? []
        }
    }

    /// Long text goes to `$VISUAL`/`$EDITOR` when one is set, else to the built-in editor.
    static func editLongText(_ purpose: EditPurpose, text: String, title: String, in state: inout AppState) -> [Effect] {
        if state.hasExternalEditor {
            return [.runEditor(purpose, text: text, fileName: purpose.fileName)]
        }
        state.overlay = .textEditor(TextEditorState(title: title, text: text, purpose: purpose))
        return []
    }

    /// Puts the loaded detail in every screen showing that issue.
    static func detailLoaded(_ loaded: IssueDetail, in state: inout AppState) {
        let size = state.size
        state.updateScreens(IssueDetailState.self, where: { $0.issueId == loaded.issue.id }) { detail in
            detail.detail = loaded
            if let pending = detail.pendingStepSelection,
               let position = loaded.steps.firstIndex(where: { $0.id == pending }) {
                detail.cursors[.whys] = ListCursor(selected: position)
            }
            detail.pendingStepSelection = nil
            detail.rescroll(in: size)
        }
    }

    /// The text came back from the editor (external or built-in).
    static func edited(_ purpose: EditPurpose, text: String?, in state: inout AppState) -> [Effect] {
        guard let text else {
            inform("no changes", in: &state)
            return []
        }
        switch purpose {
        case .description(let issue):
            return [.updateIssue(id: issue.id, IssueChanges(description: text), seen: issue)]
        case .whyText(let step):
            let (answer, evidence) = WhyText.split(text)
            return [.editWhy(stepId: step.id, question: step.whyQuestion, answer: answer, evidence: evidence, seen: step)]
        case .document(let id, let seen):
            return [.saveDocument(id: id, text: text, seen: seen)]
        }
    }
}

extension EditPurpose {
    /// The temporary file's name, so the editor picks a sensible mode.
    var fileName: String {
        switch self {
        case .description: "description.md"
        case .whyText: "why.md"
        case .document: "document.md"
        }
    }
}

/// A why's answer and evidence edited as one text, separated by a marker line.
enum WhyText {
    static let evidenceMarker = "--- evidence (below this line) ---"

    /// A step in full: question, answer and evidence, every line kept and indented.
    static func details(of step: WhyStep) -> String {
        func block(_ text: String, empty: String) -> String {
            (text.isEmpty ? empty : text).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
                .joined(separator: "\n")
        }
        return "\(step.whyQuestion)\n\nAnswer\n\(block(step.answer, empty: "(none yet)"))\n\nEvidence\n"
            + block(step.evidence, empty: "(none yet: A in a log viewer attaches marked lines)")
    }

    static func split(_ text: String) -> (answer: String, evidence: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let marker = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == evidenceMarker }) else {
            return (text.trimmingCharacters(in: .whitespacesAndNewlines), "")
        }
        let answer = lines[..<marker].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let evidence = lines[(marker + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (answer, evidence)
    }
}

extension IssueDetailState: ScreenModel {
    public var crumbs: [String] { [detail.map { $0.issue.key } ?? "…", tab.title] }
    public var contexts: [KeyContext] { [.issueDetail, tab.context] }

    public mutating func reload(select: String?) -> [Effect] {
        if let select { pendingStepSelection = select }
        return [.loadDetail(issueId: issueId)]
    }

    public mutating func rescroll(in size: Size) {
        for tab in DetailTab.allCases {
            var cursor = cursor(tab)
            cursor.scrollIntoView(count: rowCount(tab), visible: ScreenLayout.detailItems(tab, size))
            cursors[tab] = cursor
        }
    }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? { App.performOnDetail(action, in: &state) }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        IssueDetailView.draw(self, state: state, in: area, into: &buffer)
    }
}
