import Foundation
import TRCAACore

/// Every log and image of every issue (the original's 022 views), searchable by file name
/// and issue title.
public struct AttachmentsState: Sendable {
    public var rows: [AttachmentSummary] = []
    public var cursor = ListCursor()
    public var isLoading = true
    /// The search being typed, or kept after Enter.
    public var search: LineEditor?
    public var isEditingSearch = false

    public init() {}

    public var selected: AttachmentSummary? { rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil }

    /// The search as the store is asked it: nil when there is none or it is empty.
    public var query: String? { search.flatMap { $0.text.isEmpty ? nil : $0.text } }
}

extension AttachmentsState: ScreenModel {
    public var crumbs: [String] { ["Attachments"] }
    public var contexts: [KeyContext] { isEditingSearch ? [.attachmentList, .searchPrompt] : [.attachmentList] }
    public var isEditingText: Bool { isEditingSearch }

    public mutating func reload(select: String?) -> [Effect] { [.loadAttachments(search: query)] }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? { App.performOnAttachments(action, in: &state) }
    public static func type(_ key: Key, in state: inout AppState) -> [Effect] { App.typeIntoAttachmentSearch(key, in: &state) }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        AttachmentListView.draw(self, state: state, in: area, into: &buffer)
    }
}

extension App {
    static func performOnAttachments(_ action: Action, in state: inout AppState) -> [Effect]? {
        guard var screen = state.top(AttachmentsState.self) else { return nil }
        var effects: [Effect] = []
        switch action {
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            screen.cursor.move(action, count: screen.rows.count, visible: ScreenLayout.recordRows(state.size))
        case .search:
            screen.search = screen.search ?? LineEditor()
            screen.isEditingSearch = true
        case .confirm where screen.isEditingSearch:
            screen.isEditingSearch = false
        case .cancel where screen.isEditingSearch:
            screen.search = nil
            screen.isEditingSearch = false
            effects.append(.loadAttachments(search: nil))
        case .openInPager:
            guard let row = screen.selected else { return [] }
            return [row.kind == .log ? .preparePager(logId: row.id, view: .stored) : .openImage(id: row.id)]
        case .open:
            guard let row = screen.selected else { return [] }
            switch row.kind {
            case .log:
                state.replaceTop(screen)
                return openLogViewer(logId: row.id, issueId: row.issueId, fileName: row.fileName, in: &state)
            case .image:
                return [.loadImageDetail(id: row.id)]
            }
        default:
            return nil
        }
        state.replaceTop(screen)
        return effects
    }

    /// Text typed into the attachments search: the list follows as you type.
    static func typeIntoAttachmentSearch(_ key: Key, in state: inout AppState) -> [Effect] {
        guard var screen = state.top(AttachmentsState.self), var editor = screen.search, editor.handle(key) else {
            return []
        }
        screen.search = editor
        screen.cursor = ListCursor()
        state.replaceTop(screen)
        return [.loadAttachments(search: screen.query)]
    }

    /// Rows for the attachments screens whose search they answer (older answers are dropped).
    static func attachmentsLoaded(_ rows: [AttachmentSummary], search: String?, in state: inout AppState) {
        let visible = ScreenLayout.recordRows(state.size)
        state.updateScreens(AttachmentsState.self, where: { $0.query == search }) { screen in
            screen.rows = rows
            screen.isLoading = false
            screen.cursor.scrollIntoView(count: rows.count, visible: visible)
        }
    }
}
