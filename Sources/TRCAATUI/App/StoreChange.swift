import Foundation
import TRCAACore

/// What a store effect changed, as the store reports it: `update` words it for the status bar
/// and the message log, and reloads the screens (selecting what it names).
public enum StoreChange: Sendable, Equatable {
    case issueCreated(Issue)
    case issueSaved(Issue)
    case whyAdded(WhyStep)
    case whySaved(stepId: String)
    case whyMoved(stepId: String, to: Int)
    case whyDeleted
    case rootCauseMarked(stepId: String)
    case incidentEventsAdded(count: Int)
    case incidentEventSaved, incidentEventDeleted
    case actionItemAdded, actionItemSaved(ActionItem), actionItemDeleted
    case spansDismissed(count: Int)
    case logPurged(spansRemoved: Int)
    case logImported(LogFileDetail)
    case documentGenerated(DocumentKind, replaced: Bool)
    case documentSaved(changed: Bool)
    case documentExported(path: String)
    case imageOpened(fileName: String)

    /// What the status bar says.
    var message: String {
        switch self {
        case .issueCreated(let issue): "created “\(issue.title)”"
        case .issueSaved(let issue): "saved “\(issue.title)”"
        case .whyAdded(let step): "added why #\(step.stepOrder)"
        case .whySaved: "saved the step"
        case .whyMoved(_, let number): "moved the step to #\(number)"
        case .whyDeleted: "deleted the step"
        case .rootCauseMarked: "marked the root cause"
        case .incidentEventsAdded(let count): "added \(counted(count, "incident event")) to the timeline"
        case .incidentEventSaved: "saved the event"
        case .incidentEventDeleted: "deleted the event"
        case .actionItemAdded: "added the action item"
        case .actionItemSaved(let item): item.status == .done ? "“\(item.description)” is done" : "saved the action item"
        case .actionItemDeleted: "deleted the action item"
        case .spansDismissed(let count): "dismissed \(counted(count, "PII span")) as false positives"
        case .logPurged(let removed): "purged \(counted(removed, "PII span")); the stored text is now redacted"
        case .logImported(let log):
            "imported \(log.summary.fileName): \(counted(log.lineCount ?? 0, "line")), \(counted(log.spanCount, "PII span"))"
        case .documentGenerated(let kind, let replaced): "\(replaced ? "regenerated" : "generated") the \(kind.displayName)"
        case .documentSaved(let changed): changed ? "saved the document" : "no changes"
        case .documentExported(let path): "exported \(path)"
        // The application reads it after xdg-open returns; the next trcaa run removes it.
        case .imageOpened(let fileName): "opened \(fileName) with the desktop's viewer"
        }
    }

    /// What the screens select once reloaded: the issue or step the change made or moved.
    var selection: String? {
        switch self {
        case .issueCreated(let issue), .issueSaved(let issue): issue.id
        case .whyAdded(let step): step.id
        case .whySaved(let id), .whyMoved(let id, _), .rootCauseMarked(let id): id
        default: nil
        }
    }
}

/// A change the store refuses until the analyst says yes.
public enum PendingChange: Sendable, Equatable {
    /// Regenerating would replace edits made since the last generation.
    case regenerateEdited(issueId: String, DocumentKind)
    /// Exporting would replace a file.
    case replaceExport(documentId: String, ExportFormat, redacted: Bool, directory: String, path: String)
    /// `field` was changed by `by` at `at` while it was being edited; yes runs `overwrite`, no
    /// runs `otherwise` (a long text goes back to the editor: nothing typed is lost).
    case overwriteEdit(field: String, by: String, at: String, overwrite: Effect, otherwise: [Effect])

    /// The question, with what yes does.
    var confirmation: ConfirmState {
        switch self {
        case .regenerateEdited(let issueId, let kind):
            ConfirmState(title: "Replace the edited \(kind.displayName)?",
                         message: "It was edited since it was generated; regenerating replaces those edits "
                             + "(the audit log keeps the old text's hash).",
                         onYes: [.generateDocument(issueId: issueId, kind, force: true)])
        case .replaceExport(let documentId, let format, let redacted, let directory, let path):
            ConfirmState(title: "Replace \((path as NSString).lastPathComponent)?",
                         message: "\(path) exists; exporting again replaces it.",
                         onYes: [.exportDocument(id: documentId, format, redacted: redacted, directory: directory,
                                                 replacing: true)])
        case .overwriteEdit(let field, let by, let at, let overwrite, let otherwise):
            ConfirmState(title: "Changed while you edited",
                         message: "\(by) changed \(field)\(Timestamp.parse(at).map { " at " + Timestamp.format($0) } ?? "") after "
                             + "you opened it; it shows now. Yes saves yours over it; No keeps theirs"
                             + (otherwise.isEmpty ? "." : " and opens yours again in the editor."),
                         onYes: [overwrite], onNo: otherwise)
        }
    }
}
