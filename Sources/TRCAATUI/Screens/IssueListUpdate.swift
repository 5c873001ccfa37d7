import TRCAACore

extension App {
    static func performOnIssueList(_ action: Action, in state: inout AppState) -> [Effect]? {
        guard case .issueList(var list) = state.topScreen else { return nil }
        let visible = ScreenLayout.issueListRows(state.size)
        switch action {
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            list.cursor.move(action, count: list.rowCount, visible: visible)
        case .open:
            guard let issue = list.selectedIssue else { return [] }
            state.screens[state.screens.count - 1] = .issueList(list)
            state.screens.append(.issueDetail(IssueDetailState(issueId: issue.issue.id)))
            return [.loadDetail(issueId: issue.issue.id)]
        case .newIssue:
            openNewIssueForm(in: &state)
            return []
        case .showAttachments:
            state.screens.append(.attachments(AttachmentsState()))
            return [.loadAttachments(search: nil)]
        case .showAudit:
            state.screens.append(.audit(AuditState()))
            return [.loadAudit]
        case .changeStatus:
            guard let issue = list.selectedIssue else { return [] }
            openStatusPicker(issueId: issue.issue.id, current: issue.issue.status, in: &state)
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
        case .back where list.search != nil:
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
        state.screens[state.screens.count - 1] = .issueList(list)
        return effects
    }

    /// Starts over from the first page (the filter or sort changed).
    static func reload(_ list: IssueListState, in state: inout AppState) -> [Effect] {
        var list = list
        list.cursor = ListCursor()
        list.isLoading = true
        state.screens[state.screens.count - 1] = .issueList(list)
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
        guard case .issueList(var list) = state.topScreen, var search = list.search,
              search.editor.handle(key) else { return [] }
        search.generation += 1
        list.search = search
        list.cursor = ListCursor()
        state.screens[state.screens.count - 1] = .issueList(list)
        if search.query.isEmpty {
            list.search?.results = []
            list.search?.error = nil
            let effects = loadAroundCursor(&list)
            state.screens[state.screens.count - 1] = .issueList(list)
            return effects
        }
        return [.search(search.query, generation: search.generation)]
    }

    static func searchFinished(generation: Int, query: String, results: [SearchResult], in state: inout AppState) {
        guard let index = state.screens.firstIndex(where: { if case .issueList = $0 { true } else { false } }),
              case .issueList(var list) = state.screens[index], var search = list.search,
              generation == search.generation else { return }
        search.results = results
        search.resultsQuery = query
        search.error = nil
        list.search = search
        list.cursor.scrollIntoView(count: list.rowCount, visible: ScreenLayout.issueListRows(state.size))
        state.screens[index] = .issueList(list)
    }

    /// A search that failed (e.g. an unbalanced quote) shows its message on the search line.
    static func searchFailed(generation: Int, message: String, in state: inout AppState) {
        guard case .issueList(var list) = state.topScreen, generation == list.search?.generation else { return }
        list.search?.error = message
        list.search?.results = []
        state.screens[state.screens.count - 1] = .issueList(list)
    }

    static func openStatusPicker(issueId: String, current: String, in state: inout AppState) {
        let options = IssueStatus.allCases.map { PickerOption($0.rawValue, value: $0.rawValue, isTicked: $0.rawValue == current) }
        var picker = PickerState(title: "Status", options: options, purpose: .status(issueId: issueId))
        picker.cursor.selected = options.firstIndex { $0.isTicked } ?? 0
        state.overlay = .picker(picker)
    }

    static func filterPicker(for filter: IssueFilter) -> PickerState {
        var options = [PickerOption("Status", value: "", isHeading: true)]
        options += IssueStatus.allCases.map { PickerOption($0.rawValue, value: "status:\($0.rawValue)", isTicked: filter.statuses.contains($0)) }
        options.append(PickerOption("Severity", value: "", isHeading: true))
        options += Severity.allCases.map {
            PickerOption("\($0.rawValue) \($0.name)", value: "severity:\($0.rawValue)", isTicked: filter.severities.contains($0))
        }
        options.append(PickerOption("Category", value: "", isHeading: true))
        options += IssueCategory.allCases.map {
            PickerOption($0.rawValue, value: "category:\($0.rawValue)", isTicked: filter.categories.contains($0))
        }
        return PickerState(title: "Filter (Space ticks, Enter applies)", options: options, cursor: ListCursor(selected: 1),
                           purpose: .filter)
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
