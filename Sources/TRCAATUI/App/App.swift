import Foundation
import TRCAACore

/// The interface's logic: `update` (pure: state and message in, effects out) and `render`
/// (pure: state in, cells out). Screens and overlays add their parts in extensions.
public enum App {
    /// How long an information toast stays.
    static let toastSeconds: TimeInterval = 4
    /// How often the interface asks whether the store changed elsewhere (another `trcaa`, a
    /// teammate): one cheap read, so what it shows is at most about this old.
    static let externalCheckSeconds: TimeInterval = 1

    /// The work to do before the first frame: load the first page of issues.
    public static func start(_ state: inout AppState) -> [Effect] {
        reloadAfterChange(select: nil, in: &state)
    }

    /// Applies `msg` to `state`; returns the work to run.
    public static func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        switch msg {
        case .key(let key):
            if state.toast?.isError == true { state.toast = nil }
            return handle(key, in: &state)
        case .action(let action):
            return perform(action, in: &state)
        case .resize(let size):
            state.size = size
            rescroll(&state)
            return []
        case .tick(let now):
            state.now = now
            if let toast = state.toast, !toast.isError, toast.expires <= now { state.toast = nil }
            guard now >= state.nextExternalCheck else { return [] }
            state.nextExternalCheck = now.addingTimeInterval(externalCheckSeconds)
            return [.checkExternalChanges]
        case .issuesLoaded(let page):
            return issuesLoaded(page, in: &state)
        case .searchFinished(let generation, let query, let results):
            searchFinished(generation: generation, query: query, results: results, in: &state)
            return []
        case .searchFailed(let generation, let message):
            searchFailed(generation: generation, message: message, in: &state)
            return []
        case .detailLoaded(let detail):
            detailLoaded(detail, in: &state)
            return []
        case .issueOpened(let detail):
            state.screens.append(IssueDetailState(issueId: detail.issue.id))
            detailLoaded(detail, in: &state)
            return []
        case .stored(let change):
            inform(change.message, in: &state)
            if case .issueSaved(let issue) = change {
                // What the next edit is checked against, before the reload lands: the issue as saved.
                state.updateScreens(IssueDetailState.self, where: { $0.issueId == issue.id }) { $0.detail?.issue = issue }
            }
            return reloadAfterChange(select: change.selection, in: &state)
        case .issueDeleted(let id, let title):
            inform("deleted “\(title)”", in: &state)
            state.screens.removeAll { ($0 as? IssueDetailState)?.issueId == id }
            return reloadAfterChange(select: nil, in: &state)
        case .changedElsewhere:
            return reloadAfterChange(select: nil, in: &state)
        case .issueGone(let id):
            let shown = state.screens.compactMap { ($0 as? IssueDetailState)?.detail?.issue }.first { $0.id == id }
            inform("“\(shown?.title ?? id)” was deleted elsewhere", in: &state)
            state.screens.removeAll { ($0 as? IssueDetailState)?.issueId == id }
            return reloadAfterChange(select: nil, in: &state)
        case .edited(let purpose, let text):
            return edited(purpose, text: text, in: &state)
        case .editAgain(let purpose, let text, let title):
            return editLongText(purpose, text: text, title: title, in: &state)
        case .failed(let message):
            fail(message, in: &state)
            return []
        case .importPrepared(let issueId, let prepared):
            state.importing = nil
            return [.storeImport(issueId: issueId, prepared)]
        case .importStopped(let message), .importFailed(let message):
            state.importing = nil
            fail(message, in: &state)
            return []
        case .formRejected(var form, let message):
            if case .importLog = form.purpose { state.importing = nil }
            // Another dialog opened meanwhile: it stays, and the reason goes to the status bar.
            guard state.overlay == nil else {
                fail(message, in: &state)
                return []
            }
            state.messages.record(message, isError: true, at: state.now)
            form.error = message
            state.overlay = .form(form)
            return []
        case .logOpened(let logId, let lineCount, let pii):
            return logOpened(logId, lineCount: lineCount, pii: pii, in: &state)
        case .logScanFailed(let logId, let message):
            fail(message, in: &state)
            return updateLogViewers(logId, in: &state) { viewer in
                viewer.finding = nil
                // The filters could not be applied: they stay listed, turned off (Tab turns them on).
                if viewer.filtered == nil, viewer.isFiltering {
                    for index in viewer.filters.indices { viewer.filters[index].isEnabled = false }
                }
            }
        case .logOpenFailed(let logId, let message):
            return updateLogViewers(logId, in: &state) { viewer in
                viewer.openError = message
                viewer.isOpen = false
                viewer.isLoading = false
            }
        case .logLinesLoaded(let logId, let offset, let lines, let generation):
            return logLinesLoaded(logId, offset: offset, lines: lines, generation: generation, in: &state)
        case .logLineFound(let logId, let generation, let line):
            return logLineFound(logId, generation: generation, line: line, in: &state)
        case .logFiltered(let logId, let generation, let lines):
            return logFiltered(logId, generation: generation, lines: lines, in: &state)
        case .logHitsCounted(let logId, let generation, let lines):
            return updateLogViewers(logId, in: &state) { viewer in
                if generation == viewer.hitsGeneration { viewer.hits = lines }
            }
        case .pagerReady(let directory, let path):
            return [.runPager(directory: directory, path: path)]
        case .patternsLoaded(let logId, let patterns, let histogram):
            patternsLoaded(logId, patterns, histogram: histogram, in: &state)
            return []
        case .patternDiffLoaded(let logId, let diff):
            patternDiffLoaded(logId, diff, in: &state)
            return []
        case .issuePatternsLoaded(let issueId, let patterns, let lineCounts):
            issuePatternsLoaded(issueId, patterns, lineCounts: lineCounts, in: &state)
            return []
        case .patternEvidenceReady(let stepId, let evidence):
            return [.appendEvidence(stepId: stepId, lines: evidence)]
        case .histogramReady(let logId, let histogram):
            histogramReady(logId, histogram, in: &state)
            return []
        case .topValuesReady(let logId, let type, let values, let distinct):
            topValuesReady(logId, type: type, values, distinct: distinct, in: &state)
            return []
        case .pathCompleted(let text, let candidates):
            guard case .form(var form) = state.overlay, form.fields[form.focused].kind == .path else { return [] }
            form.fields[form.focused].editor = LineEditor(text)
            form.fields[form.focused].note = candidates.isEmpty ? nil
                : candidates.prefix(8).joined(separator: "  ") + (candidates.count > 8 ? "  …" : "")
            state.overlay = .form(form)
            return []
        case .documentLoaded(let document, let forEditing):
            guard forEditing else {
                documentLoaded(document, in: &state)
                return []
            }
            return editLongText(.document(id: document.id, seen: document.contentMd), text: document.contentMd,
                                title: document.title, in: &state)
        case .exportDirectoryLoaded(let documentId, let format, let directory):
            openExportDialog(documentId: documentId, format: format, directory: directory, in: &state)
            return []
        case .attachmentsLoaded(let rows, let search):
            attachmentsLoaded(rows, search: search, in: &state)
            return []
        case .imageDetailLoaded(let image):
            state.overlay = .message(title: image.summary.fileName, text: ImageText.details(image))
            return []
        case .auditLoaded(let entries, let names):
            auditLoaded(entries, names: names, in: &state)
            return []
        case .auditVerified(let result):
            auditVerified(result, in: &state)
            return []
        case .needsConfirmation(let change):
            state.overlay = .confirm(change.confirmation)
            // What the other change wrote shows under the question.
            if case .overwriteEdit = change { return reloadAfterChange(select: nil, in: &state) }
            return []
        case .progress(let text):
            state.status.activity = text
            return []
        case .demoLoaded(let count):
            inform("loaded \(count) demo issues", in: &state)
            state.screens = [IssueListState()]
            return [.loadIssues(IssueListState().filter, offset: 0)]
        }
    }

    /// Shows an information toast, and keeps it in the message log.
    static func inform(_ message: String, in state: inout AppState) {
        state.toast = Toast(message, expires: state.now.addingTimeInterval(toastSeconds))
        state.messages.record(message, isError: false, at: state.now)
    }

    /// Shows an error in the status bar until the next key, and keeps it in the message log.
    static func fail(_ message: String, in state: inout AppState) {
        state.toast = Toast(message, isError: true, expires: state.now)
        state.messages.record(message, isError: true, at: state.now)
    }

    /// Routes a key: text fields take printable keys first, then the focused keymap chain.
    static func handle(_ key: Key, in state: inout AppState) -> [Effect] {
        // While an import reads, Ctrl-c stops it (as in a shell); once more, it quits.
        if key == .ctrl("c"), let name = state.importing {
            state.status.activity = "stopping the import of \(name)…"
            return [.cancelImport]
        }
        let chain = Keymap.chain(for: state.focus)
        let action = Keymap.standard.action(for: key, in: chain)
        if let action, !(isTextEntry(state) && key.isPrintable) {
            return perform(action, in: &state)
        }
        return typeText(key, in: &state)
    }

    private static func isTextEntry(_ state: AppState) -> Bool {
        switch state.overlay {
        case .form, .palette, .textEditor: return true
        case .help, .confirm, .picker, .message: return false
        case nil: return state.topScreen.isEditingText
        }
    }

    /// Sends `action` to the overlay, else the top screen, else the global handlers.
    static func perform(_ action: Action, in state: inout AppState) -> [Effect] {
        if state.overlay != nil { return performInOverlay(action, in: &state) }
        if let effects = performOnScreen(action, in: &state) { return effects }
        return performGlobal(action, in: &state)
    }

    static func performGlobal(_ action: Action, in state: inout AppState) -> [Effect] {
        switch action {
        case .help:
            state.overlay = .help(HelpState(focus: state.focus))
        case .palette:
            state.overlay = .palette(PaletteState(focus: state.focus))
        case .back, .close:
            if state.screens.count > 1 {
                // Screens below were reloaded with every change made above them.
                state.screens.removeLast()
                return []
            }
            // Esc is pressed by habit to leave a prompt or a dialog: on the first screen it does not quit.
            guard action == .back else {
                inform("q quits trcaa (Esc only goes back)", in: &state)
                return []
            }
            state.isQuitting = true
            return [.quit]
        case .quit:
            state.isQuitting = true
            return [.quit]
        case .suspend:
            return [.suspend]
        case .refresh:
            return reloadAfterChange(select: nil, in: &state)
        case .openIssue(let reference):
            return [.openIssue(reference: reference)]
        case .showMessages:
            if !(state.topScreen is MessageLogState) { state.screens.append(MessageLogState()) }
        default:
            break
        }
        return []
    }

    /// Reloads what the visible screens show after a change in the store.
    static func reloadAfterChange(select: String?, in state: inout AppState) -> [Effect] {
        state.screens.indices.flatMap { state.screens[$0].reload(select: select) }
    }

    /// Keeps every cursor in view after a resize.
    static func rescroll(_ state: inout AppState) {
        for index in state.screens.indices { state.screens[index].rescroll(in: state.size) }
    }
}

extension Key {
    /// Whether the key types a character into a text field.
    var isPrintable: Bool { if case .char = self { true } else { false } }
}
