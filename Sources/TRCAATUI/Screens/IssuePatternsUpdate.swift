import TRCAACore

extension App {
    /// Opens the patterns of all the issue's logs together.
    static func openIssuePatterns(issueId: String, logs: [LogFileSummary], in state: inout AppState) -> [Effect] {
        guard logs.count > 1 else {
            inform(logs.isEmpty ? "no logs in this issue yet: a imports one" : "one log: p shows its patterns", in: &state)
            return []
        }
        // Redacted when any of the logs is shown redacted: its PII stays hidden here too.
        let redacted = logs.contains { viewerView(of: $0.id, in: state).isRedacted }
        var pane = IssuePatternsState(issueId: issueId, logs: logs, redacted: redacted)
        pane.sort = state.patternSort
        state.screens.append(pane)
        return [pane.loading]
    }

    static func issuePatternsLoaded(_ issueId: String, _ patterns: [IssuePattern], lineCounts: [String: Int],
                                    in state: inout AppState) {
        let visible = IssuePatternsView.visibleRows(state.size)
        state.updateScreens(IssuePatternsState.self, where: { $0.issueId == issueId }) { pane in
            pane.patterns = patterns
            pane.lineCounts = lineCounts
            pane.isLoading = false
            pane.cursor.scrollIntoView(count: patterns.count, visible: visible)
        }
    }

    static func performOnIssuePatterns(_ action: Action, in state: inout AppState) -> [Effect]? {
        guard var pane = state.top(IssuePatternsState.self) else { return nil }
        var effects: [Effect] = []
        switch action {
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            pane.cursor.move(action, count: pane.patterns.count, visible: IssuePatternsView.visibleRows(state.size))
        case .cycleSort:
            nextSort(&pane.sort, cursor: &pane.cursor, in: &state)
        case .open:
            guard let pattern = pane.selected else { return [] }
            guard pattern.occurrences.count > 1 else { return showIssuePattern(in: 0, pane, in: &state) }
            let options = pattern.occurrences.enumerated().map { index, occurrence in
                PickerOption("\(pane.logName(occurrence.logId)) · \(counted(occurrence.pattern.count, "line"))", .index(index))
            }
            state.overlay = .picker(PickerState(title: "Show its lines in", options: options, purpose: .issuePatternLog))
            return []
        case .toggleRedacted:
            pane.redacted.toggle()
            effects = [pane.loading]
            inform(pane.redacted ? "templates redacted: PII in their text replaced by its type" : "templates as stored", in: &state)
        case .attachMarks:
            guard let pattern = pane.selected else { return [] }
            openWhyPicker(issueId: pane.issueId, title: "Attach the pattern and its first lines to",
                          purpose: .attachPattern(pattern.occurrences, redacted: pane.redacted), in: &state)
            return []
        default:
            return nil
        }
        state.replaceTop(pane)
        return effects
    }

    /// Shows the selected pattern's lines in the viewer of its `index`th log; a redacted pane
    /// turns the viewer to the redacted view (a redacted viewer stays as it is).
    static func showIssuePattern(in index: Int, _ pane: IssuePatternsState, in state: inout AppState) -> [Effect] {
        guard let occurrences = pane.selected?.occurrences, occurrences.indices.contains(index),
              let log = pane.logs.first(where: { $0.id == occurrences[index].logId }) else { return [] }
        let view: LogView? = pane.redacted && !viewerView(of: log.id, in: state).isRedacted ? .redacted(.plain) : nil
        return showPattern(occurrences[index].pattern, ofLog: log.id, issueId: pane.issueId, fileName: log.fileName,
                           view: view, in: &state)
    }
}
