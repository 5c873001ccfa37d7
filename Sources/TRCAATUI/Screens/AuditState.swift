import TRCAACore

/// The audit log, newest first, and the result of the last verification.
public struct AuditState: Sendable {
    public var entries: [AuditEntry] = []
    public var cursor = ListCursor()
    public var isLoading = true
    public var verification: AuditVerification?
    /// What the CLI calls each entity (`#42`, `#42/L1`), by id.
    public var names: [String: String] = [:]

    public init() {}

    /// How many entries the screen loads.
    public static let limit = 2000
}

extension AuditState: ScreenModel {
    public var crumbs: [String] { ["Audit log"] }
    public var contexts: [KeyContext] { [.auditLog] }

    public mutating func reload(select: String?) -> [Effect] { [.loadAudit] }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? { App.performOnAudit(action, in: &state) }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        AuditView.draw(self, state: state, in: area, into: &buffer)
    }
}

extension App {
    static func auditLoaded(_ entries: [AuditEntry], names: [String: String], in state: inout AppState) {
        let visible = ScreenLayout.recordRows(state.size)
        state.updateScreens(AuditState.self) { screen in
            screen.entries = entries
            screen.names = names
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
