import Foundation
import TRCAACore

/// Everything that can happen to the interface: input, time, and the results of effects.
public enum Msg: Sendable {
    case key(Key)
    case resize(Size)
    case action(Action)
    case tick(Date)
    case issuesLoaded(IssuePage)
    case searchFinished(generation: Int, query: String, results: [SearchResult])
    case searchFailed(generation: Int, message: String)
    case detailLoaded(IssueDetail)
    /// The issue a typed key named, to show on a screen of its own.
    case issueOpened(IssueDetail)
    /// A change was stored; `select` is the issue (or step) the cursor should move to.
    /// The store changed: said in the status bar, then every screen reloads.
    case stored(StoreChange)
    case issueDeleted(id: String, title: String)
    /// Another `trcaa` or a teammate committed a change: every screen reloads.
    case changedElsewhere
    /// The issue a screen shows no longer exists (deleted elsewhere): its screens close.
    case issueGone(id: String)
    /// The external editor returned; `nil` text means unchanged.
    case edited(EditPurpose, String?)
    /// The editor is to open again on `text` (after a conflict the analyst did not overwrite).
    case editAgain(EditPurpose, text: String, title: String)
    case failed(String)
    /// An import has read its file; storing it comes next.
    case importPrepared(issueId: String, PreparedLog)
    /// An import was stopped (Ctrl-c); nothing was stored.
    case importStopped(String)
    /// An import could not read or accept its file; nothing was stored.
    case importFailed(String)
    /// The work a form asked for failed: the form opens again with the reason.
    case formRejected(FormState, String)
    case demoLoaded(issues: Int)
    case logOpened(logId: String, lineCount: Int, pii: [PIICount])
    /// The log cannot be read (a row of the original app that kept only a path, a damaged blob).
    case logOpenFailed(logId: String, message: String)
    /// A search, filter or histogram stopped on an error.
    case logScanFailed(logId: String, message: String)
    case logLinesLoaded(logId: String, offset: Int, lines: [ViewerLine], generation: Int)
    case logLineFound(logId: String, generation: Int, line: Int?)
    case logFiltered(logId: String, generation: Int, lines: [Int])
    case logHitsCounted(logId: String, generation: Int, lines: [Int])
    case histogramReady(logId: String, LogHistogram)
    case topValuesReady(logId: String, type: String, [ValueCount], distinct: Int)
    case patternsLoaded(logId: String, [LogPatternSummary], histogram: [Int: [Int]])
    case patternDiffLoaded(logId: String, PatternDiffView)
    case issuePatternsLoaded(issueId: String, [IssuePattern], lineCounts: [String: Int])
    /// A pattern's evidence, read from its logs, to append to step `stepId`'s.
    case patternEvidenceReady(stepId: String, String)
    case pagerReady(directory: String, path: String)
    case pathCompleted(String, candidates: [String])
    case attachmentsLoaded([AttachmentSummary], search: String?)
    case imageDetailLoaded(ImageDetail)
    /// The newest audit entries, and what the CLI calls each entity they name (`#42/L1`).
    case auditLoaded([AuditEntry], names: [String: String])
    case auditVerified(AuditVerification)
    case documentLoaded(Document, forEditing: Bool)
    /// The directory this user last exported to (nil before the first export), for the export dialog.
    case exportDirectoryLoaded(documentId: String, ExportFormat, directory: String?)
    /// Work that stopped to ask first (an edited document to replace, a file to overwrite).
    case needsConfirmation(PendingChange)
    /// Long work under way (an import at 40%); nil when it is over.
    case progress(String?)
}

/// One page of the issue list, with the counts the status bar shows.
public struct IssuePage: Sendable, Equatable {
    public var rows: [IssueSummary]
    /// Issues matching the filter.
    public var matching: Int
    /// Issues in the database; nil when not counted again (a page loaded while scrolling).
    public var total: Int?
    /// Where `rows` starts in the filtered list.
    public var offset: Int

    public init(rows: [IssueSummary], matching: Int, total: Int?, offset: Int) {
        self.rows = rows
        self.matching = matching
        self.total = total
        self.offset = offset
    }
}

extension Msg {
    /// A failure of work `form` asked for, as the rejection that reopens it; other messages as they are.
    func rejecting(_ form: FormState) -> Msg {
        switch self {
        case .failed(let message), .importFailed(let message): .formRejected(form, message)
        default: self
        }
    }
}
