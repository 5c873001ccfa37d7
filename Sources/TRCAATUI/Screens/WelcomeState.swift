import TRCAACore

/// The first screen on an empty database: what to do first, and where things live.
public struct WelcomeState: ScreenModel {
    public init() {}

    public var crumbs: [String] { ["Welcome"] }
    public var contexts: [KeyContext] { [.welcome] }

    public mutating func reload(select: String?) -> [Effect] { [.loadIssues(IssueListState().filter, offset: 0)] }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? {
        switch action {
        case .newIssue: App.openNewIssueForm(in: &state); return []
        case .loadDemoData: return [.loadDemoData]
        default: return nil
        }
    }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        WelcomeView.draw(state, in: area, into: &buffer)
    }
}
