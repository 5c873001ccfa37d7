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
        let trimmed = { (index: Int) in form.value(index).trimmingCharacters(in: .whitespaces) }
        switch form.purpose {
        case .newIssue:
            guard !trimmed(0).isEmpty else { return reject(&form, "the title cannot be empty", field: 0, in: &state) }
            guard let severity = Severity(input: trimmed(1)) else {
                return reject(&form, "unknown severity “\(trimmed(1))”: use \(Severity.accepted.joined(separator: ", "))",
                              field: 1, in: &state)
            }
            guard let category = IssueCategory(input: trimmed(2)) else {
                return reject(&form, "unknown category “\(trimmed(2))”", field: 2, in: &state)
            }
            state.overlay = nil
            return [.createIssue(IssueDraft(title: trimmed(0), description: form.value(5), severity: severity,
                                            category: category, assignee: trimmed(3), tags: Tags.parse(form.value(4))))]
        case .exportDocument(let documentId, let format):
            let directory = PathInput.normalize(form.value(0))
            guard !directory.isEmpty else { return reject(&form, "type a directory", field: 0, in: &state) }
            state.overlay = nil
            return [.exportDocument(id: documentId, format, directory: directory, replacing: false)]
        case .importLog(let issueId):
            let path = PathInput.normalize(form.value(0))
            guard !path.isEmpty else { return reject(&form, "type the path of a log file", field: 0, in: &state) }
            if let running = state.importing {
                return reject(&form, "\(running) is still being imported (Ctrl-c stops it)", field: 0, in: &state)
            }
            state.overlay = nil
            state.importing = (path as NSString).lastPathComponent
            return [.importLog(issueId: issueId, path: path)]
        case .addWhy(let issueId):
            guard !trimmed(0).isEmpty else { return reject(&form, "the question cannot be empty", field: 0, in: &state) }
            state.overlay = nil
            return [.addWhy(issueId: issueId, question: trimmed(0), answer: trimmed(1), evidence: trimmed(2))]
        case .editWhy(let stepId):
            guard !trimmed(0).isEmpty else { return reject(&form, "the question cannot be empty", field: 0, in: &state) }
            state.overlay = nil
            return [.editWhy(stepId: stepId, question: trimmed(0), answer: trimmed(1), evidence: trimmed(2))]
        case .editField(let issueId, let field):
            var changes = IssueChanges()
            switch field {
            case .title:
                guard !trimmed(0).isEmpty else { return reject(&form, "the title cannot be empty", field: 0, in: &state) }
                changes.title = trimmed(0)
            case .assignee: changes.assignee = trimmed(0)
            case .tags: changes.tags = Tags.parse(form.value(0))
            default: break
            }
            state.overlay = nil
            return changes.isEmpty ? [] : [.updateIssue(id: issueId, changes)]
        }
    }

    private static func reject(_ form: inout FormState, _ reason: String, field: Int, in state: inout AppState) -> [Effect] {
        form.error = reason
        form.focused = field
        state.overlay = .form(form)
        return []
    }

    /// A chosen picker option becomes a change (or a new filter).
    static func choose(_ picker: PickerState, in state: inout AppState) -> [Effect] {
        let options = picker.options
        if case .viewerFilters(let logId) = picker.purpose { return applyFilterList(options, logId: logId, in: &state) }
        guard options.indices.contains(picker.cursor.selected) else { return [] }
        let value = options[picker.cursor.selected].value
        switch picker.purpose {
        case .status(let id):
            guard let status = IssueStatus(input: value) else { return [] }
            return [.updateIssue(id: id, IssueChanges(status: status))]
        case .severity(let id):
            guard let severity = Severity(input: value) else { return [] }
            return [.updateIssue(id: id, IssueChanges(severity: severity))]
        case .category(let id):
            guard let category = IssueCategory(input: value) else { return [] }
            return [.updateIssue(id: id, IssueChanges(category: category))]
        case .filter:
            guard var list = state.top(IssueListState.self) else { return [] }
            let ticked = options.filter(\.isTicked).map(\.value)
            list.filter.statuses = ticked.compactMap { $0.hasPrefix("status:") ? IssueStatus(input: String($0.dropFirst(7))) : nil }
            list.filter.severities = ticked.compactMap { $0.hasPrefix("severity:") ? Severity(input: String($0.dropFirst(9))) : nil }
            list.filter.categories = ticked.compactMap {
                $0.hasPrefix("category:") ? IssueCategory(input: String($0.dropFirst(9))) : nil
            }
            return reload(list, in: &state)
        case .viewerFilters:
            return []  // applied above, even with every filter removed
        case .attachEvidence(let logId):
            return attachEvidence(logId: logId, stepId: value, in: &state)
        case .attachPattern(let evidence):
            return appendEvidence(evidence, stepId: value, in: &state)
        case .dismissPII:
            guard let line = state.top(LogViewerState.self)?.selectedLine else { return [] }
            confirmDismissal(of: value.split(separator: ",").map(String.init), line: line.number, in: &state)
            return []
        case .jumpToLine:
            guard let line = Int(value) else { return [] }
            return performOnScreen(.gotoLine(line + 1), in: &state) ?? []
        case .generateDocument(let issueId):
            guard let kind = DocumentKind(rawValue: value) else { return [] }
            return [.generateDocument(issueId: issueId, kind, force: false)]
        case .exportFormat(let documentId):
            guard let format = ExportFormat(rawValue: value) else { return [] }
            askExportDirectory(documentId: documentId, format: format, in: &state)
            return []
        }
    }

    /// The filter list as left: each option an earlier filter (by index), ticked when on.
    private static func applyFilterList(_ options: [PickerOption], logId: String, in state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        state.updateScreens(LogViewerState.self, where: { $0.logId == logId }) { viewer in
            let kept = options.compactMap { option -> LineFilter? in
                guard let index = Int(option.value), viewer.filters.indices.contains(index) else { return nil }
                var filter = viewer.filters[index]
                filter.isEnabled = option.isTicked
                return filter
            }
            guard kept != viewer.filters else { return }
            effects += setFilters(kept, of: &viewer)
            effects += loadAroundCursor(&viewer)
        }
        if let viewer = state.screens(LogViewerState.self).last(where: { $0.logId == logId }) {
            state.keptViews[logId] = KeptView(viewer)
        }
        return effects
    }

    /// Appends the viewer's marked lines to the evidence of step `stepId`.
    private static func attachEvidence(logId: String, stepId: String, in state: inout AppState) -> [Effect] {
        guard let viewer = state.screens(LogViewerState.self).first(where: { $0.logId == logId }) else { return [] }
        return appendEvidence(evidence(from: viewer), stepId: stepId, in: &state)
    }

    /// Appends `lines` to the evidence of step `stepId`.
    private static func appendEvidence(_ lines: String, stepId: String, in state: inout AppState) -> [Effect] {
        let step = state.screens(IssueDetailState.self).lazy.compactMap { $0.detail?.steps.first { $0.id == stepId } }.first
        guard let step else { return [] }
        return [.editWhy(stepId: step.id, question: step.whyQuestion, answer: step.answer,
                         evidence: step.evidence.isEmpty ? lines : step.evidence + "\n" + lines)]
    }
}

/// Tags as typed in a form: comma-separated, trimmed, empty ones dropped.
enum Tags {
    static func parse(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
