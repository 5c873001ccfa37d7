import Foundation
import TRCAACore

extension App {
    /// The Documents tab: open, generate, edit and export the issue's RCA and post-mortem.
    static func performOnDocumentsTab(_ action: Action, issue: Issue, detail: IssueDetailState,
                                      in state: inout AppState) -> [Effect]? {
        let documents = detail.detail?.documents ?? []
        let selected = detail.selectedDocument
        switch action {
        case .generateDocument:
            state.overlay = .picker(PickerState(
                title: "Generate from “\(issue.title)”",
                options: DocumentKind.allCases.map { kind in
                    let exists = documents.contains { $0.docType == kind.rawValue }
                    return PickerOption(kind.displayName + (exists ? " (replaces the current one)" : ""), .document(kind))
                },
                purpose: .generateDocument(issueId: issue.id)))
            return []
        case .open:
            guard let selected else { return [] }
            state.screens.append(DocumentViewState(documentId: selected.id))
            return [.loadDocument(id: selected.id)]
        case .editDocument:
            return selected.map { [.loadDocumentForEditing(id: $0.id)] } ?? []
        case .exportDocument:
            guard let selected else { return [] }
            openExportPicker(documentId: selected.id, title: selected.title, in: &state)
            return []
        default:
            return nil
        }
    }

    /// The document preview: scrolling, and the same edit, export and regenerate keys.
    static func performOnDocument(_ action: Action, in state: inout AppState) -> [Effect]? {
        guard var view = state.top(DocumentViewState.self) else { return nil }
        let lineCount = MarkdownLines.lines(view.blocks, width: ScreenLayout.body(state.size).width - 4).count
        let visible = ScreenLayout.documentLines(state.size)
        if ScrollOffset.move(&view.scroll, action, visible: visible, last: max(0, lineCount - visible)) {
            state.replaceTop(view)
            return []
        }
        switch action {
        case .editDocument: return [.loadDocumentForEditing(id: view.documentId)]
        case .exportDocument:
            openExportPicker(documentId: view.documentId, title: view.document?.title ?? "", in: &state)
            return []
        case .generateDocument:
            guard let document = view.document, let kind = DocumentKind(rawValue: document.docType) else { return [] }
            return [.generateDocument(issueId: document.issueId, kind, force: false)]
        default:
            return nil
        }
    }

    private static func openExportPicker(documentId: String, title: String, in state: inout AppState) {
        state.overlay = .picker(PickerState(
            title: "Export “\(title)” as", options: ExportFormat.allCases.map { PickerOption($0.label, .format($0)) },
            purpose: .exportFormat(documentId: documentId)))
    }

    /// The chosen format asks what to write, plain or redacted, and where: in the directory of
    /// this user's last export (`remembered`), else the one trcaa was started in.
    static func openExportDialog(documentId: String, format: ExportFormat, directory remembered: String?,
                                 in state: inout AppState) {
        guard state.overlay == nil else { return }  // Another dialog opened meanwhile.
        state.overlay = .form(FormState(
            title: "Export as \(format.label)",
            fields: [FormField(.content, "Content", ExportContent.plain.rawValue,
                               note: "plain  redacted (PII as tokens: [IPv4], [Email]…)",
                               kind: .choice(ExportContent.allCases.map(\.rawValue))),
                     FormField(.directory, "Directory", remembered ?? state.workingDirectory,
                               note: "Tab completes · ~ is your home", kind: .path)],
            purpose: .exportDocument(documentId: documentId, format)))
    }

    /// A loaded document goes to every preview of it.
    static func documentLoaded(_ document: Document, in state: inout AppState) {
        state.updateScreens(DocumentViewState.self, where: { $0.documentId == document.id }) { view in
            view.document = document
            view.blocks = MarkdownParser.parse(document.contentMd)
        }
    }
}

/// What an export holds: the document as written, or its redacted view (every PII span
/// replaced by its token, as the log viewer's redacted view shows it).
enum ExportContent: String, CaseIterable {
    case plain, redacted
}

extension ExportFormat {
    /// How pickers name the format.
    var label: String {
        switch self {
        case .md: "Markdown (.md)"
        case .html: "HTML (.html)"
        case .pdf: "PDF (.pdf)"
        case .docx: "Word (.docx)"
        }
    }
}

extension DocumentViewState: ScreenModel {
    public var crumbs: [String] { [document.map { DocumentKind(rawValue: $0.docType)?.displayName ?? $0.docType } ?? "…"] }
    public var contexts: [KeyContext] { [.documentView] }

    public mutating func reload(select: String?) -> [Effect] { [.loadDocument(id: documentId)] }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? { App.performOnDocument(action, in: &state) }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        DocumentView.draw(self, state: state, in: area, into: &buffer)
    }
}
