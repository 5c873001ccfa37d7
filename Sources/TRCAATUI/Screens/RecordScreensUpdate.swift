import Foundation
import TRCAACore

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

    static func auditLoaded(_ entries: [AuditEntry], in state: inout AppState) {
        let visible = ScreenLayout.recordRows(state.size)
        state.updateScreens(AuditState.self) { screen in
            screen.entries = entries
            screen.isLoading = false
            screen.cursor.scrollIntoView(count: entries.count, visible: visible)
        }
    }

    static func performOnAudit(_ action: Action, in state: inout AppState) -> [Effect]? {
        guard var screen = state.top(AuditState.self) else { return nil }
        switch action {
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            screen.cursor.move(action, count: screen.entries.count, visible: ScreenLayout.recordRows(state.size))
        case .open:
            guard screen.entries.indices.contains(screen.cursor.selected) else { return [] }
            let entry = screen.entries[screen.cursor.selected]
            state.overlay = .message(title: entry.action, text: """
                \(entry.timestamp) by \(entry.userId)
                \(entry.entityType) \(entry.entityId)
                entry \(entry.id)
                hash \(entry.entryHash)
                after \(entry.prevHash)

                \(entry.details)
                """)
            return []
        case .verifyAudit:
            screen.verification = nil
            state.replaceTop(screen)
            return [.verifyAudit]
        default:
            return nil
        }
        state.replaceTop(screen)
        return []
    }

    /// The verification's result: a message, and the cursor on the broken entry when it is listed.
    static func auditVerified(_ result: AuditVerification, in state: inout AppState) {
        let visible = ScreenLayout.recordRows(state.size)
        state.updateScreens(AuditState.self) { screen in
            screen.verification = result
            if let problem = result.problem, let position = screen.entries.firstIndex(where: { $0.id == problem.entryId }) {
                screen.cursor.select(position, count: screen.entries.count, visible: visible)
            }
        }
        if let problem = result.problem {
            state.overlay = .message(title: "The audit chain is broken", text: """
                \(problem.message)
                entry \(problem.entryId), position \(problem.position) of the chain
                \(counted(result.verifiedEntries, "entry", plural: "entries")) verified before it
                """)
        } else {
            inform("the audit chain is intact: \(counted(result.verifiedEntries, "entry", plural: "entries")) verified",
                   in: &state)
        }
    }
}

extension AttachmentsState: ScreenModel {
    public var crumbs: [String] { ["Attachments"] }
    public var contexts: [KeyContext] { isEditingSearch ? [.attachmentList, .searchPrompt] : [.attachmentList] }
    public var isEditingText: Bool { isEditingSearch }

    public mutating func reload(select: String?) -> [Effect] { [.loadAttachments(search: query)] }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? { App.performOnAttachments(action, in: &state) }
    public static func type(_ key: Key, in state: inout AppState) -> [Effect] { App.typeIntoAttachmentSearch(key, in: &state) }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        RecordScreensView.drawAttachments(self, state: state, in: area, into: &buffer)
    }
}

extension AuditState: ScreenModel {
    public var crumbs: [String] { ["Audit log"] }
    public var contexts: [KeyContext] { [.auditLog] }

    public mutating func reload(select: String?) -> [Effect] { [.loadAudit] }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? { App.performOnAudit(action, in: &state) }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        RecordScreensView.drawAudit(self, state: state, in: area, into: &buffer)
    }
}
