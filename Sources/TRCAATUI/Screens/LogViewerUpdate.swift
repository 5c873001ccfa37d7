import Foundation
import TRCAACore

extension App {
    /// Opens the viewer on a log of the issue shown.
    /// Marks, filters and the last search of a log come back when it is opened again.
    static func openLogViewer(logId: String, issueId: String, fileName: String, in state: inout AppState) -> [Effect] {
        var viewer = LogViewerState(logId: logId, issueId: issueId, fileName: fileName)
        var effects: [Effect] = [.openLog(logId: logId)]
        if let kept = state.keptViews[logId] {
            viewer.marks = kept.marks
            viewer.view = kept.view
            effects += setFilters(kept.filters, of: &viewer)
            // After the filters, which would count its hits at once: that waits for the first lines.
            viewer.lastSearch = kept.lastSearch
            viewer.countsHitsOnceShown = kept.lastSearch != nil
        }
        state.screens.append(viewer)
        return effects
    }

    static func performOnLogViewer(_ action: Action, in state: inout AppState) -> [Effect]? {
        guard var viewer = state.top(LogViewerState.self) else { return nil }
        let visible = ScreenLayout.logLines(state.size)
        var effects: [Effect] = []
        switch action {
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            viewer.cursor.move(action, count: viewer.rowCount, visible: visible)
        case .gotoLine(let number):
            viewer.cursor.select(viewer.position(ofLine: number - 1), count: viewer.rowCount, visible: visible)
        case .scrollLeft, .scrollRight:
            let step = max(8, (state.size.width - 10) / 4)
            viewer.column = max(0, viewer.column + (action == .scrollLeft ? -step : step))
        case .showPatterns:
            return openPatterns(logId: viewer.logId, issueId: viewer.issueId, fileName: viewer.fileName, in: &state)
        case .toggleWrap:
            viewer.wraps.toggle()
        case .toggleRedacted, .toggleNumberedTokens:
            viewer.view = action == .toggleRedacted ? viewer.view.togglingRedaction : viewer.view.togglingNumbers
            // Filters and hits now read the other view.
            effects += setFilters(viewer.filters, of: &viewer)
            inform(viewer.view.description, in: &state)
        case .search, .searchBackward:
            viewer.prompt = LogPrompt(kind: .search(forward: action == .search))
        case .filter:
            viewer.prompt = LogPrompt(kind: .filter)
        case .showFilters:
            guard !viewer.filters.isEmpty else { inform("no filters yet: f adds one", in: &state); break }
            state.overlay = .picker(filterList(viewer.filters, logId: viewer.logId))
        case .clearFilters:
            guard !viewer.filters.isEmpty else { break }
            effects += setFilters([], of: &viewer)
            inform("every line shown again; the filters are removed", in: &state)
        case .toggleRegex:
            viewer.prompt?.isRegex.toggle()
        case .confirm:
            guard var prompt = viewer.prompt else { return nil }
            let text = prompt.editor.text
            let excludes = prompt.kind == .filter && text.hasPrefix("!")
            let needle = excludes ? String(text.dropFirst()) : text
            if prompt.isRegex, !needle.isEmpty, case .failure(let error) = Result(catching: { try LogPattern(needle) }) {
                // The prompt stays, with its text, to be corrected.
                prompt.error = App.describeSyntax(error)
                viewer.prompt = prompt
                break
            }
            viewer.prompt = nil
            guard !needle.isEmpty else { break }
            switch prompt.kind {
            case .filter:
                let filter = LineFilter(text: needle, ignoringCase: needle == needle.lowercased(), excludes: excludes,
                                        isRegex: prompt.isRegex)
                effects += setFilters(viewer.filters + [filter], of: &viewer)
            case .search(let forward):
                let search = LogSearch(text: needle, forward: forward, isRegex: prompt.isRegex)
                viewer.lastSearch = search
                effects += find(search.query, label: "“\(search.text)”", forward: forward, in: &viewer)
                effects += countHits(of: &viewer)
            }
        case .cancel:
            guard viewer.prompt != nil else { return nil }
            viewer.prompt = nil
        case .nextHit, .previousHit:
            guard let search = viewer.lastSearch else {
                inform("no search yet: / searches forward, ? backward", in: &state)
                break
            }
            let forward = search.forward == (action == .nextHit)
            let current = viewer.line(atPosition: viewer.cursor.selected)
            guard viewer.hits != nil else {
                effects += find(search.query, label: "“\(search.text)”", forward: forward, in: &viewer)
                break
            }
            // Counted: the next hit is known without reading the log.
            guard let hit = viewer.hit(from: forward ? current + 1 : current, forward: forward) else {
                inform("no more: “\(search.text)” not found \(forward ? "after" : "before") line \(current + 1)", in: &state)
                break
            }
            viewer.cursor.select(viewer.position(ofLine: hit.line), count: viewer.rowCount, visible: visible)
        case .nextError, .previousError:
            effects += find(.level(.error), label: "an error line", forward: action == .nextError, in: &viewer)
        case .nextWarning, .previousWarning:
            effects += find(.level(.warning), label: "a warning line", forward: action == .nextWarning, in: &viewer)
        case .toggleMark:
            guard let line = viewer.selectedLine else { break }
            if viewer.marks.removeValue(forKey: line.number) == nil {
                viewer.marks[line.number] = String(decoding: line.bytes, as: UTF8.self)
            }
        case .nextMark, .previousMark:
            let current = viewer.line(atPosition: viewer.cursor.selected)
            let target = action == .nextMark ? viewer.marks.keys.filter { $0 > current }.min()
                : viewer.marks.keys.filter { $0 < current }.max()
            guard let target else { inform("no more marks that way", in: &state); break }
            viewer.cursor.select(viewer.position(ofLine: target), count: viewer.rowCount, visible: visible)
        case .clearMarks:
            guard !viewer.marks.isEmpty else { inform("no marks to clear", in: &state); break }
            inform("cleared \(counted(viewer.marks.count, "mark"))", in: &state)
            viewer.marks = [:]
        case .makeIncidentEvents:
            state.replaceTop(viewer)
            openIncidentKindPicker(for: viewer, in: &state)
            return []
        case .openInPager:
            effects.append(.preparePager(logId: viewer.logId, view: viewer.view))
        case .showTopValues:
            let types = viewer.piiCounts.sorted { $0.count > $1.count }
            guard let first = types.first else { inform("no PII in this log: no values to rank", in: &state); break }
            guard types.count > 1 else { effects.append(.topValues(logId: viewer.logId, type: first.type)); break }
            state.overlay = .picker(PickerState(title: "Top values of which kind?",
                                                options: types.map { PickerOption("\($0.type)  \($0.count)", .text($0.type)) },
                                                purpose: .topValuesType(logId: viewer.logId)))
        case .showHistogram:
            viewer.finding = "the histogram"
            effects.append(.histogram(logId: viewer.logId))
        case .attachMarks:
            state.replaceTop(viewer)
            openEvidencePicker(for: viewer, in: &state)
            return []
        case .showPII:
            guard let line = viewer.selectedLine, !line.pii.isEmpty else { inform("no PII on this line", in: &state); break }
            state.overlay = .message(title: "PII on line \(line.number + 1)", text: piiDescription(line))
        case .dismissPII:
            guard let line = viewer.selectedLine, !line.pii.isEmpty else { inform("no PII on this line", in: &state); break }
            guard line.pii.count == 1 else {
                // Several on the line: choose one, or all of them.
                let options = line.pii.map { mark in
                    PickerOption("\(mark.type) \(String(decoding: line.bytes[mark.range], as: UTF8.self))", .spans([mark.spanId]))
                } + [PickerOption("all \(line.pii.count) on this line", .spans(line.pii.map(\.spanId)))]
                state.overlay = .picker(PickerState(title: "Dismiss which PII on line \(line.number + 1)?", options: options,
                                                    purpose: .dismissPII))
                break
            }
            confirmDismissal(of: [line.pii[0].spanId], line: line.number, in: &state)
        case .purgePII:
            let total = viewer.piiCounts.reduce(0) { $0 + $1.count }
            guard total > 0 else { inform("this log has no PII to purge", in: &state); break }
            state.overlay = .confirm(ConfirmState(
                title: "Purge \(counted(total, "PII span")) from \(viewer.fileName)?",
                message: "The stored text is replaced by its redacted view and the original values are deleted: "
                    + "this cannot be undone. Line numbers stay the same; the hash and size change.",
                onYes: [.purgeLog(logId: viewer.logId)]))
        default:
            return nil
        }
        effects += loadAroundCursor(&viewer)
        state.replaceTop(viewer)
        state.keepView(of: viewer.logId)
        return effects
    }

    /// Starts a background search for `query` from the cursor, among the lines the filter lets through.
    private static func find(_ query: LineQuery, label: String, forward: Bool, in viewer: inout LogViewerState) -> [Effect] {
        viewer.findGeneration += 1
        viewer.finding = label
        return [.findInLog(logId: viewer.logId, query, from: viewer.line(atPosition: viewer.cursor.selected),
                           forward: forward, view: viewer.view, filters: viewer.filters,
                           generation: viewer.findGeneration)]
    }

    /// What is wrong with a regular expression, and the way out.
    static func describeSyntax(_ error: any Error) -> String {
        guard case TriageError.searchSyntax(_, let message) = error else { return "\(error)" }
        return "not a regular expression: \(message) · Ctrl-r for fixed text"
    }

    /// Counts the last search's hits among the lines shown, in the background.
    static func countHits(of viewer: inout LogViewerState) -> [Effect] {
        viewer.hitsGeneration += 1
        viewer.hits = nil
        viewer.countsHitsOnceShown = false
        guard let search = viewer.lastSearch else { return [] }
        return [.countHits(logId: viewer.logId, search.query, view: viewer.view, filters: viewer.filters,
                           generation: viewer.hitsGeneration)]
    }

    /// Puts `filters` in force. The lines they let through are collected in the background;
    /// the cursor stays on its line or the next one shown; without filters on, the lines around
    /// it are asked for at once.
    static func setFilters(_ filters: [LineFilter], of viewer: inout LogViewerState) -> [Effect] {
        // Until the filtered lines arrive, the cursor holds the line number to come back to.
        viewer.cursor.selected = viewer.line(atPosition: viewer.cursor.selected)
        viewer.filterGeneration += 1
        viewer.dropLoadedLines()
        viewer.filters = filters
        viewer.filtered = nil
        let counting = countHits(of: &viewer)
        guard viewer.isFiltering else { return counting + loadAroundCursor(&viewer) }
        return [.filterLog(logId: viewer.logId, filters, view: viewer.view, generation: viewer.filterGeneration)] + counting
    }

    /// The filter list (`Tab`): Space turns a filter off or on, `x` removes it, Enter applies.
    private static func filterList(_ filters: [LineFilter], logId: String) -> PickerState {
        PickerState(title: "Filters (Space turns off/on, x removes, Enter applies)",
                    options: filters.enumerated().map { index, filter in
                        PickerOption((filter.excludes ? "out  " : "in   ") + filter.text + (filter.isRegex ? "  (regex)" : ""),
                                     .index(index), isTicked: filter.isEnabled)
                    },
                    purpose: .viewerFilters(logId: logId))
    }

    /// Asks for the lines the cursor needs (`PagedWindow.request`), one page at a time.
    static func loadAroundCursor(_ viewer: inout LogViewerState) -> [Effect] {
        guard viewer.isOpen, !viewer.isLoading, !viewer.isFiltering || viewer.filtered != nil,
              let request = viewer.window.request(around: viewer.cursor.selected, count: viewer.rowCount) else { return [] }
        viewer.isLoading = true
        let numbers = viewer.filtered.map { Array($0[request.offset..<min($0.count, request.offset + request.limit)]) }
        return [.loadLogLines(logId: viewer.logId, offset: request.offset, limit: request.limit, numbers: numbers,
                              view: viewer.view, generation: viewer.windowGeneration)]
    }

    static func logFiltered(_ logId: String, generation: Int, lines: [Int], in state: inout AppState) -> [Effect] {
        let visible = ScreenLayout.logLines(state.size)
        return updateLogViewers(logId, in: &state) { viewer in
            guard generation == viewer.filterGeneration, viewer.isFiltering else { return }
            let line = viewer.cursor.selected
            viewer.filtered = lines
            viewer.cursor = ListCursor()
            viewer.cursor.select(viewer.position(ofLine: line), count: viewer.rowCount, visible: visible)
        }
    }

    /// Text typed into the viewer's search prompt.
    static func typeIntoLogPrompt(_ key: Key, in state: inout AppState) -> [Effect] {
        state.updateTop(LogViewerState.self) { viewer in
            guard var prompt = viewer.prompt, prompt.editor.handle(key) else { return }
            viewer.prompt = prompt
        }
        return []
    }
}

extension LogViewerState: ScreenModel {
    public var crumbs: [String] { [fileName] }
    public var contexts: [KeyContext] { isEditingText ? [.logViewer, .searchPrompt] : [.logViewer] }
    public var isEditingText: Bool { prompt != nil }

    /// Spans may have been dismissed or purged: open the log again where the cursor is.
    public mutating func reload(select: String?) -> [Effect] {
        dropLoadedLines()
        isOpen = false
        return [.openLog(logId: logId)]
    }

    public mutating func rescroll(in size: Size) {
        cursor.scrollIntoView(count: rowCount, visible: ScreenLayout.logLines(size))
    }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? { App.performOnLogViewer(action, in: &state) }
    public static func type(_ key: Key, in state: inout AppState) -> [Effect] { App.typeIntoLogPrompt(key, in: &state) }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        LogViewerView.draw(self, state: state, in: area, into: &buffer)
    }

    public func drawPrompt(_ state: AppState, in line: Rect, into buffer: inout CellBuffer) -> Bool {
        guard let prompt else { return false }
        LogViewerView.drawPrompt(prompt, in: line, into: &buffer)
        return true
    }
}
