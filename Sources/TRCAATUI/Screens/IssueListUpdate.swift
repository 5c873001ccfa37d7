import TRCAACore

extension App {
    static func performOnIssueList(_ action: Action, in state: inout AppState) -> [Effect]? {
        guard var list = state.top(IssueListState.self) else { return nil }
        let visible = ScreenLayout.issueListRows(state.size)
        switch action {
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            list.cursor.move(action, count: list.rowCount, visible: visible)
        case .open:
            guard let issue = list.selectedIssue else { return [] }
            state.replaceTop(list)
            state.screens.append(IssueDetailState(issueId: issue.issue.id))
            return [.loadDetail(issueId: issue.issue.id)]
        case .newIssue:
            openNewIssueForm(in: &state)
            return []
        case .showAttachments:
            state.screens.append(AttachmentsState())
            return [.loadAttachments(search: nil)]
        case .showAudit:
            state.screens.append(AuditState())
            return [.loadAudit]
        case .changeStatus:
            guard let issue = list.selectedIssue else { return [] }
            openStatusPicker(issue.issue, in: &state)
            return []
        case .deleteIssue:
            guard let issue = list.selectedIssue else { return [] }
            state.overlay = .confirm(ConfirmState(
                title: "Delete issue?",
                message: "“\(issue.issue.title)” and its whys, timeline, logs, images and documents will be deleted.",
                onYes: [.deleteIssue(id: issue.issue.id)]))
            return []
        case .search:
            var search = list.search ?? SearchState()
            search.isEditing = true
            list.search = search
        case .confirm:
            list.search?.isEditing = false
            if list.search?.query.isEmpty == true { list.search = nil }
        case .cancel:
            list.search = nil
            list.cursor = ListCursor()
            list.cursor.scrollIntoView(count: list.rowCount, visible: visible)
        case .back where list.search != nil, .close where list.search != nil:
            list.search = nil
            list.cursor.scrollIntoView(count: list.rowCount, visible: visible)
        case .filter:
            state.overlay = .picker(filterPicker(for: list.filter))
            return []
        case .clearFilters:
            list.search = nil
            list.filter = IssueFilter(sort: list.filter.sort, reversed: list.filter.reversed, limit: IssueListState.pageSize)
            return reload(list, in: &state)
        case .cycleSort:
            let sorts = IssueSort.allCases
            list.filter.sort = sorts[((sorts.firstIndex(of: list.filter.sort) ?? 0) + 1) % sorts.count]
            return reload(list, in: &state)
        case .reverseSort:
            list.filter.reversed.toggle()
            return reload(list, in: &state)
        default:
            return nil
        }
        // The cursor may have moved, or the search that hid the list ended.
        let effects = loadAroundCursor(&list)
        state.replaceTop(list)
        return effects
    }

    /// Starts over from the first page (the filter or sort changed).
    static func reload(_ list: IssueListState, in state: inout AppState) -> [Effect] {
        var list = list
        list.cursor = ListCursor()
        list.isLoading = true
        state.replaceTop(list)
        return [.loadIssues(list.filter, offset: 0)]
    }

    /// Asks for the page the cursor needs next (`PagedWindow.request`). One page is on its way
    /// at a time; when it arrives the question is asked again.
    static func loadAroundCursor(_ list: inout IssueListState) -> [Effect] {
        guard list.search?.query.isEmpty ?? true, !list.isLoading,
              let request = list.window.request(around: list.cursor.selected, count: list.matching) else { return [] }
        var filter = list.filter
        filter.limit = request.limit
        list.isLoading = true
        return [.loadIssues(filter, offset: request.offset, matching: list.matching)]
    }

    /// Text typed into the search prompt: search again with a new generation.
    static func typeIntoSearch(_ key: Key, in state: inout AppState) -> [Effect] {
        guard var list = state.top(IssueListState.self), var search = list.search,
              search.editor.handle(key) else { return [] }
        search.generation += 1
        list.search = search
        list.cursor = ListCursor()
        var effects: [Effect] = [.search(search.query, generation: search.generation)]
        if search.query.isEmpty {
            list.search?.results = []
            list.search?.error = nil
            effects = loadAroundCursor(&list)
        }
        state.replaceTop(list)
        return effects
    }

    static func searchFinished(generation: Int, query: String, results: [SearchResult], in state: inout AppState) {
        let visible = ScreenLayout.issueListRows(state.size)
        state.updateScreens(IssueListState.self, where: { $0.search?.generation == generation }) { list in
            list.search?.results = results
            list.search?.resultsQuery = query
            list.search?.error = nil
            list.cursor.scrollIntoView(count: list.rowCount, visible: visible)
        }
    }

    /// A search that failed (e.g. an unbalanced quote) shows its message on the search line.
    static func searchFailed(generation: Int, message: String, in state: inout AppState) {
        state.updateScreens(IssueListState.self, where: { $0.search?.generation == generation }) { list in
            list.search?.error = message
            list.search?.results = []
        }
    }

    static func openStatusPicker(_ issue: Issue, in state: inout AppState) {
        let options = IssueStatus.allCases.map { PickerOption($0.rawValue, .status($0), isTicked: $0.rawValue == issue.status) }
        var picker = PickerState(title: "Status", options: options, purpose: .status(issue))
        picker.cursor.selected = options.firstIndex { $0.isTicked } ?? 0
        state.overlay = .picker(picker)
    }

    static func filterPicker(for filter: IssueFilter) -> PickerState {
        var options = [PickerOption.heading("Status")]
        options += IssueStatus.allCases.map { PickerOption($0.rawValue, .status($0), isTicked: filter.statuses.contains($0)) }
        options.append(.heading("Severity"))
        options += Severity.allCases.map {
            PickerOption("\($0.rawValue) \($0.name)", .severity($0), isTicked: filter.severities.contains($0))
        }
        options.append(.heading("Category"))
        options += IssueCategory.allCases.map {
            PickerOption($0.rawValue, .category($0), isTicked: filter.categories.contains($0))
        }
        return PickerState(title: "Filter (Space ticks, Enter applies)", options: options, cursor: ListCursor(selected: 1),
                           purpose: .filter)
    }
}

extension IssueListState: ScreenModel {
    public var crumbs: [String] { ["Issues"] }
    public var contexts: [KeyContext] { isEditingText ? [.issueList, .searchPrompt] : [.issueList] }
    public var isEditingText: Bool { search?.isEditing == true }

    public mutating func reload(select: String?) -> [Effect] {
        pendingSelection = select ?? selectedIssue?.issue.id
        isLoading = true
        // A created or saved issue moves to the top of the usual order: load from there.
        // Otherwise the window again, so the rows around the cursor stay loaded.
        var filter = filter
        filter.limit = max(filter.limit, window.rows.count)
        var effects: [Effect] = [.loadIssues(filter, offset: select == nil ? window.first : 0)]
        if let search, !search.query.isEmpty { effects.append(.search(search.query, generation: search.generation)) }
        return effects
    }

    public mutating func rescroll(in size: Size) {
        cursor.scrollIntoView(count: rowCount, visible: ScreenLayout.issueListRows(size))
    }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? { App.performOnIssueList(action, in: &state) }
    public static func type(_ key: Key, in state: inout AppState) -> [Effect] { App.typeIntoSearch(key, in: &state) }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        IssueListView.draw(self, state: state, in: area, into: &buffer)
    }
}

extension ListCursor {
    /// Applies a movement action in a list of `count` rows showing `visible` of them.
    mutating func move(_ action: Action, count: Int, visible: Int) {
        switch action {
        case .moveDown: move(by: 1, count: count, visible: visible)
        case .moveUp: move(by: -1, count: count, visible: visible)
        case .top: select(0, count: count, visible: visible)
        case .bottom: select(count - 1, count: count, visible: visible)
        case .pageDown: move(by: visible, count: count, visible: visible)
        case .pageUp: move(by: -visible, count: count, visible: visible)
        case .halfPageDown: move(by: max(1, visible / 2), count: count, visible: visible)
        case .halfPageUp: move(by: -max(1, visible / 2), count: count, visible: visible)
        default: break
        }
    }
}
