import TRCAACore

extension App {
    /// Opens the patterns of a log; the patterns hidden in its viewer stay marked hidden, and
    /// its templates are redacted when its viewer shows the redacted view.
    static func openPatterns(logId: String, issueId: String, fileName: String, in state: inout AppState) -> [Effect] {
        let hidden = viewerFilters(of: logId, in: state).first(where: isHideFilter)?.patterns ?? []
        let redacted = viewerView(of: logId, in: state).isRedacted
        var pane = PatternsState(logId: logId, issueId: issueId, fileName: fileName, hidden: hidden, redacted: redacted)
        pane.sort = state.patternSort
        pane.focus = viewerFilters(of: logId, in: state).first { !$0.excludes && $0.patterns?.count == 1 }?.patterns?.first
        state.screens.append(pane)
        return [.loadPatterns(logId: logId, redacted: redacted)]
    }

    static func patternsLoaded(_ logId: String, _ patterns: [LogPatternSummary], histogram: [Int: [Int]], in state: inout AppState) {
        let visible = PatternsView.visibleRows(state.size)
        state.updateScreens(PatternsState.self, where: { $0.logId == logId }) { pane in
            pane.patterns = patterns
            pane.histogram = histogram
            pane.isLoading = false
            if let focus = pane.focus, let row = pane.rows.firstIndex(where: { $0.id == focus }) { pane.cursor.selected = row }
            pane.focus = nil
            pane.cursor.scrollIntoView(count: patterns.count, visible: visible)
        }
    }

    static func patternDiffLoaded(_ logId: String, _ diff: PatternDiffView, in state: inout AppState) {
        state.updateScreens(PatternsState.self, where: { $0.logId == logId }) { pane in
            pane.diff = diff
            pane.cursor = ListCursor()
        }
    }

    static func performOnPatterns(_ action: Action, in state: inout AppState) -> [Effect]? {
        guard var pane = state.top(PatternsState.self) else { return nil }
        let visible = PatternsView.visibleRows(state.size)
        var effects: [Effect] = []
        switch action {
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            pane.cursor.move(action, count: pane.diff?.rows.count ?? pane.patterns.count, visible: visible)
        case .cycleSort:
            nextSort(&pane.sort, cursor: &pane.cursor, in: &state)
        case .open:
            if let diff = pane.diff {
                // A gone pattern's lines are in the other log, shown in the view this pane shows.
                guard diff.rows.indices.contains(pane.cursor.selected),
                      case .pattern(_, _, let pattern, let inOther) = diff.rows[pane.cursor.selected] else { return [] }
                state.screens.removeLast()
                return inOther
                    ? showPattern(pattern, ofLog: diff.otherId, issueId: pane.issueId, fileName: diff.otherName,
                                  view: pane.redacted ? .redacted(.plain) : nil, in: &state)
                    : showPattern(pattern, ofLog: pane.logId, issueId: pane.issueId, fileName: pane.fileName, in: &state)
            }
            guard let pattern = pane.selected else { return [] }
            state.screens.removeLast()
            return showPattern(pattern, ofLog: pane.logId, issueId: pane.issueId, fileName: pane.fileName, in: &state)
        case .hidePattern, .showAllPatterns:
            guard pane.diff == nil else { return [] }
            if action == .showAllPatterns {
                pane.hidden = []
            } else if let pattern = pane.selected {
                if pane.hidden.remove(pattern.id) == nil { pane.hidden.insert(pattern.id) }
                pane.cursor.move(by: 1, count: pane.patterns.count, visible: visible)
            }
            let filters = viewerFilters(of: pane.logId, in: state).filter { !isHideFilter($0) } + hideFilter(pane.hidden)
            effects = changeViewer(of: pane.logId, filters: filters, in: &state)
            inform(pane.hidden.isEmpty ? "every pattern shown in the viewer" : "\(counted(pane.hidden.count, "pattern")) hidden in the viewer",
                   in: &state)
        case .attachMarks:
            guard pane.diff == nil, let pattern = pane.selected else { return [] }
            let occurrence = PatternOccurrence(logId: pane.logId, fileName: pane.fileName, pattern: pattern)
            openWhyPicker(issueId: pane.issueId, title: "Attach pattern \(pattern.id) and its first lines to",
                          purpose: .attachPattern([occurrence], redacted: pane.redacted), in: &state)
            return []
        case .diffPatterns:
            let others = state.screens(IssueDetailState.self).last { $0.issueId == pane.issueId }?.detail?.logFiles
                .filter { $0.id != pane.logId } ?? []
            guard !others.isEmpty else {
                inform("no other log in this issue to compare with", in: &state)
                return []
            }
            let next = pane.diff.flatMap { diff in others.firstIndex { $0.id == diff.otherId } }.map { $0 + 1 } ?? 0
            guard next < others.count else {
                pane.diff = nil
                pane.cursor = ListCursor()
                effects = [.loadPatterns(logId: pane.logId, redacted: pane.redacted)]  // `r` may have turned meanwhile.
                break
            }
            effects = [.loadPatternDiff(logId: pane.logId, otherId: others[next].id, otherName: others[next].fileName,
                                        redacted: pane.redacted)]
        case .toggleRedacted:
            pane.redacted.toggle()
            let view: LogView = pane.redacted ? .redacted(.plain) : .stored
            effects = changeViewer(of: pane.logId, view: view, in: &state)
            effects.append(pane.diff.map { .loadPatternDiff(logId: pane.logId, otherId: $0.otherId, otherName: $0.otherName,
                                                            redacted: pane.redacted) }
                           ?? .loadPatterns(logId: pane.logId, redacted: pane.redacted))
            inform(pane.redacted ? "templates redacted: PII in their text replaced by its type; the viewer shows the redacted view"
                   : "templates as stored; the viewer shows the stored text", in: &state)
        default:
            return nil
        }
        state.replaceTop(pane)
        return effects
    }

    /// `o` in a patterns pane: the next order, from the top; the next pane opens in it too.
    static func nextSort(_ sort: inout LogPatternSort, cursor: inout ListCursor, in state: inout AppState) {
        let orders = LogPatternSort.allCases
        sort = orders[(orders.firstIndex(of: sort)! + 1) % orders.count]  // Safe: one of them.
        state.patternSort = sort
        cursor = ListCursor()
        inform("patterns sorted by \(sort.rawValue)", in: &state)
    }

    /// The viewer's filters of a log: its open viewer's, or those kept from when it closed.
    private static func viewerFilters(of logId: String, in state: AppState) -> [LineFilter] {
        state.screens(LogViewerState.self).last { $0.logId == logId }?.filters ?? state.keptViews[logId]?.filters ?? []
    }

    /// What the log's viewer shows: its open viewer's view, or the one kept from when it closed.
    static func viewerView(of logId: String, in state: AppState) -> LogView {
        state.screens(LogViewerState.self).last { $0.logId == logId }?.view ?? state.keptViews[logId]?.view ?? .stored
    }

    private static func isHideFilter(_ filter: LineFilter) -> Bool { filter.patterns != nil && filter.excludes }

    private static func hideFilter(_ hidden: Set<Int>) -> [LineFilter] {
        hidden.isEmpty ? [] : [LineFilter(text: "hidden patterns: \(hidden.count)", ignoringCase: false, excludes: true,
                                          patterns: hidden)]
    }

    /// Puts `filters` or `view` (or both) on the log's open viewer, or keeps them for when it opens.
    private static func changeViewer(of logId: String, filters: [LineFilter]? = nil, view: LogView? = nil,
                                     in state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        state.updateScreens(LogViewerState.self, where: { $0.logId == logId }) { viewer in
            if let view { viewer.view = view }
            effects += setFilters(filters ?? viewer.filters, of: &viewer)  // Filters and hits read the view too.
        }
        if state.screens(LogViewerState.self).contains(where: { $0.logId == logId }) { return effects }
        keepForViewer(of: logId, filters: filters, view: view, in: &state)
        return []
    }

    private static func keepForViewer(of logId: String, filters: [LineFilter]?, view: LogView?, in state: inout AppState) {
        var kept = state.keptViews[logId] ?? KeptView(LogViewerState(logId: logId, issueId: "", fileName: ""))
        if let filters { kept.filters = filters }
        if let view { kept.view = view }
        state.keptViews[logId] = kept
    }

    /// Shows the lines of `pattern` of a log in its viewer: the one on top, or a new one. The
    /// viewer's text filters and hidden patterns stay; `view`, when given, is the view it shows.
    static func showPattern(_ pattern: LogPatternSummary, ofLog logId: String, issueId: String, fileName: String,
                            view: LogView? = nil, in state: inout AppState) -> [Effect] {
        let keep = LineFilter(text: "pattern \(pattern.id): \(pattern.template)", ignoringCase: false, excludes: false,
                              patterns: [pattern.id])
        let current = viewerFilters(of: logId, in: state)
        let filters = current.filter { $0.patterns == nil } + [keep] + current.filter(isHideFilter)
        if state.top(LogViewerState.self)?.logId == logId { return changeViewer(of: logId, filters: filters, view: view, in: &state) }
        keepForViewer(of: logId, filters: filters, view: view, in: &state)
        return openLogViewer(logId: logId, issueId: issueId, fileName: fileName, in: &state)
    }
}
