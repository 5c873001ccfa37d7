import Foundation
import TRCAACore

/// Work `update` asks for; it runs off the UI thread (or, for the editor and suspension, with
/// the terminal handed over) and reports back with messages.
public enum Effect: Sendable, Equatable {
    /// A page of the list. `matching`: the count the list already knows, while scrolling (on
    /// 100 000 issues counting costs more than the page).
    case loadIssues(IssueFilter, offset: Int, matching: Int? = nil)
    /// The work a submitted form asked for: if it fails, the form comes back with the error
    /// and what was typed in it (`Msg.formRejected`).
    indirect case fromForm(FormState, Effect)
    case search(String, generation: Int)
    case loadDetail(issueId: String)
    /// Finds the issue a typed key names and loads it.
    case openIssue(reference: String)
    case createIssue(IssueDraft)
    /// `seen`: the issue as the editor showed it (`IssueService.update`); nil overwrites.
    case updateIssue(id: String, IssueChanges, seen: Issue?)
    case deleteIssue(id: String)
    case addWhy(issueId: String, question: String, answer: String, evidence: String)
    /// `seen`: the step as the editor showed it (`WhyService.edit`); nil overwrites.
    case editWhy(stepId: String, question: String, answer: String, evidence: String, seen: WhyStep?)
    case moveWhy(stepId: String, to: Int)
    case deleteWhy(stepId: String)
    case markRootCause(stepId: String, confidence: Double)
    case addIncidentEvents(issueId: String, [IncidentService.Draft])
    /// One event per line (0-based) of a log, at the line's time, the line as evidence.
    case addIncidentEventsFromLog(logId: String, lines: [Int], IncidentEventKind)
    case editIncidentEvent(id: String, at: Date, IncidentEventKind, description: String, evidence: String)
    case deleteIncidentEvent(id: String)
    case addActionItem(issueId: String, description: String, owner: String, dueDate: String, ActionPriority)
    case editActionItem(id: String, ActionItemService.Changes)
    case deleteActionItem(id: String)
    case loadDemoData
    /// Whether the store changed elsewhere since the last check (`Msg.changedElsewhere`).
    case checkExternalChanges
    case openLog(logId: String)
    /// Positions `offset..<offset+limit` of a viewer: those lines, or with a filter the lines `numbers`.
    case loadLogLines(logId: String, offset: Int, limit: Int, numbers: [Int]?, view: LogView, generation: Int)
    case findInLog(logId: String, LineQuery, from: Int, forward: Bool, view: LogView, filters: [LineFilter], generation: Int)
    case filterLog(logId: String, [LineFilter], view: LogView, generation: Int)
    /// Every line the search finds among those the filters let through, for "hit 3 of 520".
    case countHits(logId: String, LineQuery, view: LogView, filters: [LineFilter], generation: Int)
    case histogram(logId: String)
    /// The most frequent values of a PII type in a log.
    case topValues(logId: String, type: String)
    /// A log's patterns (mined first if it was stored before patterns were) and their sparklines;
    /// `redacted`: their templates as the redacted view shows them.
    case loadPatterns(logId: String, redacted: Bool)
    /// The evidence for a pattern (`LogService.patternEvidence`), to append to step `stepId`'s.
    case attachPatternEvidence(stepId: String, [PatternOccurrence], redacted: Bool)
    /// The patterns of an issue's `logs` grouped across them, and each log's lines.
    case loadIssuePatterns(issueId: String, logs: [LogFileSummary], redacted: Bool)
    /// A log's patterns against another log's.
    case loadPatternDiff(logId: String, otherId: String, otherName: String, redacted: Bool)
    /// Writes a private copy of the image and hands it to `xdg-open`.
    case openImage(id: String)
    /// Writes a private copy of the log for the pager; `runPager` then shows it.
    case preparePager(logId: String, view: LogView)
    case dismissSpans([String])
    case purgeLog(logId: String)
    /// Reads, scans and compresses a log on the import queue (the store is not touched).
    case importLog(issueId: String, path: String)
    /// Stops the import under way; run at once, not queued.
    case cancelImport
    /// Stores what `importLog` prepared, in one short transaction.
    case storeImport(issueId: String, PreparedLog)
    case loadDocument(id: String)
    /// Loads a document's text, then opens it in the editor.
    case loadDocumentForEditing(id: String)
    case generateDocument(issueId: String, DocumentKind, force: Bool)
    /// Opens the editor again on `text` (what the analyst wrote) after a conflict.
    case editAgain(EditPurpose, text: String, title: String)
    /// Appends `lines` to step `stepId`'s evidence as stored then (`WhyService.appendEvidence`).
    case appendEvidence(stepId: String, lines: String)
    /// `seen`: the text the editor started from (`DocumentService.save`); nil overwrites.
    case saveDocument(id: String, text: String, seen: String?)
    /// Reads where this user last exported to, then opens the export dialog (`exportDirectoryLoaded`).
    case prepareExport(documentId: String, ExportFormat)
    /// `redacted`: every PII span replaced by its token.
    case exportDocument(id: String, ExportFormat, redacted: Bool, directory: String, replacing: Bool)
    case loadAttachments(search: String?)
    case loadImageDetail(id: String)
    case loadAudit
    case verifyAudit
    /// Tab in a path field: the completion comes back as `pathCompleted`.
    case completePath(String)
    /// Runs `$VISUAL`/`$EDITOR` on `text`, with the terminal handed over.
    case runEditor(EditPurpose, text: String, fileName: String)
    /// Runs `$PAGER` on `path` with the terminal handed over, then removes `directory`.
    case runPager(directory: String, path: String)
    case suspend
    case quit
}

/// What the text in the editor is; each keeps what the editor started from.
public enum EditPurpose: Sendable, Equatable {
    case description(Issue)
    case whyText(WhyStep)
    case document(id: String, seen: String)
}

extension Effect {
    /// Whether the effect reads a log for an import (on a queue of its own).
    var isImport: Bool {
        switch self {
        case .importLog: true
        case .fromForm(_, let work): work.isImport
        default: false
        }
    }
}
