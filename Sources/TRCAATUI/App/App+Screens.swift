import TRCAACore

extension App {
    /// The top screen's handling of `action`; `nil` when the screen leaves it to the global handlers.
    static func performOnScreen(_ action: Action, in state: inout AppState) -> [Effect]? {
        type(of: state.topScreen).perform(action, in: &state)
    }

    /// The first screen: the welcome screen on an empty database, else the issue list.
    static func issuesLoaded(_ page: IssuePage, in state: inout AppState) -> [Effect] {
        if let total = page.total { state.status.totalIssues = total }
        if page.total == 0, state.screens.count == 1, state.topScreen is IssueListState {
            state.screens = [WelcomeState()]
            return []
        }
        if let total = page.total, total > 0, state.screens.first is WelcomeState {
            var list = IssueListState()
            list.pendingSelection = page.rows.first?.issue.id
            state.screens[0] = list
        }
        guard let index = state.screens.firstIndex(where: { $0 is IssueListState }),
              var list = state.screens[index] as? IssueListState else { return [] }
        list.isLoading = false
        list.matching = page.matching
        list.window.receive(page.rows, at: page.offset)
        if let pending = list.pendingSelection {
            if let position = list.position(of: pending), list.search?.query.isEmpty ?? true {
                list.cursor.selected = position
            }
            list.pendingSelection = nil
        }
        list.cursor.scrollIntoView(count: list.rowCount, visible: ScreenLayout.issueListRows(state.size))
        let effects = loadAroundCursor(&list)
        state.screens[index] = list
        return effects
    }

    /// Opens the form for a new issue.
    static func openNewIssueForm(in state: inout AppState) {
        state.overlay = .form(FormState(
            title: "New issue",
            fields: [
                FormField(.title, "Title"),
                .choice(.severity, "Severity", "P3", Severity.allCases.map { "\($0.rawValue) \($0.name)" }),
                .choice(.category, "Category", "general", IssueCategory.allCases.map(\.rawValue)),
                FormField(.assignee, "Assignee"),
                FormField(.tags, "Tags", note: "comma-separated"),
                FormField(.description, "Description"),
            ],
            purpose: .newIssue))
    }
}
