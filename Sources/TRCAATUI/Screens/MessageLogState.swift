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
        guard ScrollOffset.move(&log.scroll, action, visible: visible, last: last) else { return nil }
        state.replaceTop(log)
        return []
    }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        MessageLogView.draw(self, messages: state.messages, now: state.now, in: area, into: &buffer)
    }
}
