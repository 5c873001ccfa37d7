import TRCAACore

/// The message log: every message of the session, newest first, whole and with its time.
public struct MessageLogState: ScreenModel {
    /// The first line shown of the wrapped messages.
    public var scroll = 0

    public init() {}

    public var crumbs: [String] { ["Messages"] }
    public var contexts: [KeyContext] { [.messageLog] }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? {
        guard var log = state.top(MessageLogState.self) else { return nil }
        let visible = ScreenLayout.body(state.size).height - 1
        let last = max(0, MessageLogView.lines(state.messages, width: ScreenLayout.body(state.size).width).count - visible)
        switch action {
        case .moveDown: log.scroll += 1
        case .moveUp: log.scroll -= 1
        case .pageDown: log.scroll += visible
        case .pageUp: log.scroll -= visible
        case .halfPageDown: log.scroll += visible / 2
        case .halfPageUp: log.scroll -= visible / 2
        case .top: log.scroll = 0
        case .bottom: log.scroll = last
        default: return nil
        }
        log.scroll = max(0, min(log.scroll, last))
        state.replaceTop(log)
        return []
    }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        MessageLogView.draw(self, messages: state.messages, now: state.now, in: area, into: &buffer)
    }
}
