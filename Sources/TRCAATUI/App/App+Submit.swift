import Foundation
import TRCAACore

extension App {
    /// A submitted form becomes a store change; invalid input keeps the form open with the reason,
    /// and so does a change the store refuses (`Msg.formRejected`).
    static func submit(_ form: FormState, in state: inout AppState) -> [Effect] {
        work(for: form, in: &state).map { .fromForm(form, $0) }
    }

    private static func work(for form: FormState, in state: inout AppState) -> [Effect] {
        var form = form
        let trimmed = { (id: FormField.ID) in form.value(id).trimmingCharacters(in: .whitespaces) }
        switch form.purpose {
        case .newIssue:
            guard !trimmed(.title).isEmpty else { return reject(&form, "the title cannot be empty", field: .title, in: &state) }
            // A choice reads as its first word ("P2 high").
            let severityText = String(trimmed(.severity).split(separator: " ").first ?? "")
            guard let severity = Severity(input: severityText) else {
                return reject(&form, "unknown severity “\(trimmed(.severity))”: use \(Severity.accepted.joined(separator: ", "))",
                              field: .severity, in: &state)
            }
            guard let category = IssueCategory(input: trimmed(.category)) else {
                return reject(&form, "unknown category “\(trimmed(.category))”: Tab completes", field: .category, in: &state)
            }
            state.overlay = nil
            return [.createIssue(IssueDraft(title: trimmed(.title), description: form.value(.description), severity: severity,
                                            category: category, assignee: trimmed(.assignee), tags: Tags.parse(form.value(.tags))))]
        case .exportDocument(let documentId, let format):
            guard let redacted = ExportContent(rawValue: trimmed(.content).lowercased()).map({ $0 == .redacted }) else {
                return reject(&form, "unknown content “\(trimmed(.content))”: plain or redacted", field: .content, in: &state)
            }
            let directory = PathInput.normalize(form.value(.directory))
            guard !directory.isEmpty else { return reject(&form, "type a directory", field: .directory, in: &state) }
            state.overlay = nil
            return [.exportDocument(id: documentId, format, redacted: redacted, directory: directory, replacing: false)]
        case .importLog(let issueId):
            let path = PathInput.normalize(form.value(.path))
            guard !path.isEmpty else { return reject(&form, "type the path of a log file", field: .path, in: &state) }
            if let running = state.importing {
                return reject(&form, "\(running) is still being imported (Ctrl-c stops it)", field: .path, in: &state)
            }
            state.overlay = nil
            state.importing = (path as NSString).lastPathComponent
            return [.importLog(issueId: issueId, path: path)]
        case .addWhy(let issueId):
            guard !trimmed(.question).isEmpty else { return reject(&form, "the question cannot be empty", field: .question, in: &state) }
            state.overlay = nil
            return [.addWhy(issueId: issueId, question: trimmed(.question), answer: trimmed(.answer), evidence: trimmed(.evidence))]
        case .addWhyWithEvidence(let issueId, let evidence):
            guard !trimmed(.question).isEmpty else { return reject(&form, "the question cannot be empty", field: .question, in: &state) }
            state.overlay = nil
            return [.addWhy(issueId: issueId, question: trimmed(.question), answer: trimmed(.answer), evidence: evidence)]
        // `id`: the issue of a new event, or the event edited.
        case .addIncidentEvent(let id, let start), .editIncidentEvent(let id, let start):
            let at: Date
            do {
                at = try IncidentTime.parse(trimmed(.time), start: start, now: state.now)
            } catch TriageError.invalidTime(_, let reason) {
                return reject(&form, "cannot read “\(trimmed(.time))”: \(reason)", field: .time, in: &state)
            } catch {
                return reject(&form, "\(error)", field: .time, in: &state)
            }
            guard let kind = IncidentEventKind(input: trimmed(.kind)) else {
                return reject(&form, "unknown kind “\(trimmed(.kind))”: Tab completes", field: .kind, in: &state)
            }
            guard !trimmed(.description).isEmpty else {
                return reject(&form, "say what happened", field: .description, in: &state)
            }
            state.overlay = nil
            if case .editIncidentEvent = form.purpose {
                return [.editIncidentEvent(id: id, at: at, kind, description: trimmed(.description), evidence: form.value(.evidence))]
            }
            return [.addIncidentEvents(issueId: id, [.init(at: at, kind: kind, description: trimmed(.description),
                                                                evidence: form.value(.evidence))])]
        // `id`: the issue of a new item, or the item edited.
        case .addActionItem(let id), .editActionItem(let id):
            guard !trimmed(.description).isEmpty else {
                return reject(&form, "say what will be done", field: .description, in: &state)
            }
            guard let priority = ActionPriority(input: trimmed(.priority)) else {
                return reject(&form, "the priority is P0, P1, P2 or P3", field: .priority, in: &state)
            }
            state.overlay = nil
            if case .editActionItem = form.purpose {
                return [.editActionItem(id: id, .init(description: trimmed(.description), owner: trimmed(.owner),
                                                      dueDate: trimmed(.due), priority: priority))]
            }
            return [.addActionItem(issueId: id, description: trimmed(.description), owner: trimmed(.owner),
                                   dueDate: trimmed(.due), priority)]
        case .editWhy(let step):
            guard !trimmed(.question).isEmpty else { return reject(&form, "the question cannot be empty", field: .question, in: &state) }
            state.overlay = nil
            return [.editWhy(stepId: step.id, question: trimmed(.question), answer: trimmed(.answer), evidence: trimmed(.evidence),
                             seen: step)]
        case .editField(let issue, let field):
            var changes = IssueChanges()
            switch field {
            case .title:
                guard !trimmed(.title).isEmpty else { return reject(&form, "the title cannot be empty", field: .title, in: &state) }
                changes.title = trimmed(.title)
            case .assignee: changes.assignee = trimmed(.assignee)
            case .tags: changes.tags = Tags.parse(form.value(.tags))
            default: break
            }
            state.overlay = nil
            return changes.isEmpty ? [] : [.updateIssue(id: issue.id, changes, seen: issue)]
        }
    }

    private static func reject(_ form: inout FormState, _ reason: String, field: FormField.ID, in state: inout AppState) -> [Effect] {
        form.error = reason
        form.focused = form.index(of: field)
        state.overlay = .form(form)
        return []
    }

    /// A chosen picker option becomes a change (or a new filter).
    static func choose(_ picker: PickerState, in state: inout AppState) -> [Effect] {
        let options = picker.options
        if case .viewerFilters(let logId) = picker.purpose { return applyFilterList(options, logId: logId, in: &state) }
        guard options.indices.contains(picker.cursor.selected) else { return [] }
        switch (picker.purpose, options[picker.cursor.selected].value) {
        case (.status(let issue), .status(let status)):
            return [.updateIssue(id: issue.id, IssueChanges(status: status), seen: issue)]
        case (.severity(let issue), .severity(let severity)):
            return [.updateIssue(id: issue.id, IssueChanges(severity: severity), seen: issue)]
        case (.category(let issue), .category(let category)):
            return [.updateIssue(id: issue.id, IssueChanges(category: category), seen: issue)]
        case (.filter, _):
            guard var list = state.top(IssueListState.self) else { return [] }
            let ticked = options.filter(\.isTicked).map(\.value)
            list.filter.statuses = ticked.compactMap { if case .status(let status) = $0 { status } else { nil } }
            list.filter.severities = ticked.compactMap { if case .severity(let severity) = $0 { severity } else { nil } }
            list.filter.categories = ticked.compactMap { if case .category(let category) = $0 { category } else { nil } }
            return reload(list, in: &state)
        case (.attachEvidence(let logId), .text(let stepId)):
            return attachEvidence(logId: logId, stepId: stepId, in: &state)
        case (.attachEvidence(let logId), .newEntry):
            guard let viewer = state.screens(LogViewerState.self).first(where: { $0.logId == logId }) else { return [] }
            state.overlay = .form(FormState(
                title: "A new why, with \(counted(viewer.marks.count, "marked line")) as its evidence",
                fields: [FormField(.question, "Why?"), FormField(.answer, "Answer")],
                purpose: .addWhyWithEvidence(issueId: viewer.issueId, evidence: evidence(from: viewer))))
            return []
        case (.rootCauseConfidence(let stepId), .confidence(let confidence)):
            return [.markRootCause(stepId: stepId, confidence: confidence)]
        case (.incidentKind(let logId, let lines), .incidentKind(let kind)):
            return [.addIncidentEventsFromLog(logId: logId, lines: lines, kind)]
        case (.issuePatternLog, .index(let index)):
            guard let pane = state.top(IssuePatternsState.self) else { return [] }
            return showIssuePattern(in: index, pane, in: &state)
        case (.attachPattern(let occurrences, let redacted), .text(let stepId)):
            return [.attachPatternEvidence(stepId: stepId, occurrences, redacted: redacted)]
        case (.dismissPII, .spans(let ids)):
            guard let line = state.top(LogViewerState.self)?.selectedLine else { return [] }
            confirmDismissal(of: ids, line: line.number, in: &state)
            return []
        case (.topValuesType(let logId), .text(let type)):
            return [.topValues(logId: logId, type: type)]
        case (.topValue(let logId), .text(let value)):
            return filterToValue(value, logId: logId, in: &state)
        case (.jumpToLine, .line(let line)):
            return performOnScreen(.gotoLine(line + 1), in: &state) ?? []
        case (.generateDocument(let issueId), .document(let kind)):
            return [.generateDocument(issueId: issueId, kind, force: false)]
        case (.exportFormat(let documentId), .format(let format)):
            return [.prepareExport(documentId: documentId, format)]
        default:
            return []  // A heading, or the viewer's filters (applied above, even with every filter removed).
        }
    }

    /// The filter list as left: each option an earlier filter (by index), ticked when on.
    private static func applyFilterList(_ options: [PickerOption], logId: String, in state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        state.updateScreens(LogViewerState.self, where: { $0.logId == logId }) { viewer in
            let kept = options.compactMap { option -> LineFilter? in
                guard case .index(let index) = option.value, viewer.filters.indices.contains(index) else { return nil }
                var filter = viewer.filters[index]
                filter.isEnabled = option.isTicked
                return filter
            }
            guard kept != viewer.filters else { return }
            effects += setFilters(kept, of: &viewer)
        }
        state.keepView(of: logId)
        return effects
    }

    /// Appends the viewer's marked lines to the evidence of step `stepId`.
    private static func attachEvidence(logId: String, stepId: String, in state: inout AppState) -> [Effect] {
        guard let viewer = state.screens(LogViewerState.self).first(where: { $0.logId == logId }) else { return [] }
        return [.appendEvidence(stepId: stepId, lines: evidence(from: viewer))]
    }
}

/// Tags as typed in a form: comma-separated, trimmed, empty ones dropped.
enum Tags {
    static func parse(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
