import Foundation
import TRCAACore

extension App {
    /// Opens the viewer on a log of the issue shown.
    static func openLogViewer(logId: String, issueId: String, fileName: String, in state: inout AppState) -> [Effect] {
        state.screens.append(.logViewer(LogViewerState(logId: logId, issueId: issueId, fileName: fileName)))
        return [.openLog(logId: logId)]
    }

    static func performOnLogViewer(_ action: Action, in state: inout AppState) -> [Effect]? {
        guard case .logViewer(var viewer) = state.topScreen else { return nil }
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
        case .toggleWrap:
            viewer.wraps.toggle()
        case .toggleRedacted:
            viewer.redacted.toggle()
            viewer.dropLoadedLines()
            inform(viewer.redacted ? "redacted view: PII replaced by its type" : "stored text", in: &state)
        case .search, .searchBackward:
            viewer.prompt = LogPrompt(kind: .search(forward: action == .search))
        case .filter:
            viewer.prompt = LogPrompt(editor: LineEditor(viewer.filter.map { ($0.excludes ? "!" : "") + $0.text } ?? ""),
                                      kind: .filter)
        case .clearFilters:
            guard viewer.filter != nil else { break }
            let line = viewer.line(atPosition: viewer.cursor.selected)
            viewer.filter = nil
            viewer.filtered = nil
            viewer.dropLoadedLines()
            viewer.cursor.select(line, count: viewer.rowCount, visible: visible)
        case .confirm:
            guard let prompt = viewer.prompt else { return nil }
            viewer.prompt = nil
            switch prompt.kind {
            case .filter:
                effects += applyFilter(prompt.editor.text, to: &viewer)
            case .search(let forward):
                guard !prompt.editor.text.isEmpty else { break }
                let search = LogSearch(text: prompt.editor.text, forward: forward)
                viewer.lastSearch = search
                effects += find(search.query, label: "“\(search.text)”", forward: forward, in: &viewer)
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
            effects += find(search.query, label: "“\(search.text)”", forward: forward, in: &viewer)
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
        case .openInPager:
            effects.append(.preparePager(logId: viewer.logId, redacted: viewer.redacted))
        case .showHistogram:
            viewer.finding = "the histogram"
            effects.append(.histogram(logId: viewer.logId))
        case .attachMarks:
            state.screens[state.screens.count - 1] = .logViewer(viewer)
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
                    PickerOption("\(mark.type) \(String(decoding: line.bytes[mark.range], as: UTF8.self))", value: mark.spanId)
                } + [PickerOption("all \(line.pii.count) on this line", value: line.pii.map(\.spanId).joined(separator: ","))]
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
        state.screens[state.screens.count - 1] = .logViewer(viewer)
        return effects
    }

    /// Asks before dismissing spans as false positives (default No).
    static func confirmDismissal(of spanIds: [String], line: Int, in state: inout AppState) {
        state.overlay = .confirm(ConfirmState(
            title: "Dismiss \(counted(spanIds.count, "PII span")) on line \(line + 1)?",
            message: "They are judged false positives: no longer highlighted, redacted or purged. "
                + "The stored text does not change; the audit log records each dismissal.",
            onYes: [.dismissSpans(spanIds)]))
    }

    /// Starts a background search for `query` from the cursor, among the lines the filter lets through.
    private static func find(_ query: LineQuery, label: String, forward: Bool, in viewer: inout LogViewerState) -> [Effect] {
        viewer.findGeneration += 1
        viewer.finding = label
        return [.findInLog(logId: viewer.logId, query, from: viewer.line(atPosition: viewer.cursor.selected),
                           forward: forward, redacted: viewer.redacted, filter: viewer.filter,
                           generation: viewer.findGeneration)]
    }

    /// `text` keeps the lines with it, `!text` hides them (smart case); empty clears the filter.
    /// The lines are collected in the background; the cursor stays on its line or the next kept.
    private static func applyFilter(_ text: String, to viewer: inout LogViewerState) -> [Effect] {
        let excludes = text.hasPrefix("!")
        let needle = excludes ? String(text.dropFirst()) : text
        // Until the filtered lines arrive, the cursor holds the line number to come back to.
        viewer.cursor.selected = viewer.line(atPosition: viewer.cursor.selected)
        viewer.filterGeneration += 1
        viewer.dropLoadedLines()
        guard !needle.isEmpty else {
            viewer.filter = nil
            viewer.filtered = nil
            return []
        }
        let filter = LineFilter(text: needle, ignoringCase: needle == needle.lowercased(), excludes: excludes)
        viewer.filter = filter
        viewer.filtered = nil
        return [.filterLog(logId: viewer.logId, filter, redacted: viewer.redacted, generation: viewer.filterGeneration)]
    }

    /// Asks for the lines the cursor needs (`PagedWindow.request`), one page at a time.
    static func loadAroundCursor(_ viewer: inout LogViewerState) -> [Effect] {
        guard viewer.isOpen, !viewer.isLoading, viewer.filter == nil || viewer.filtered != nil,
              let request = viewer.window.request(around: viewer.cursor.selected, count: viewer.rowCount) else { return [] }
        viewer.isLoading = true
        let numbers = viewer.filtered.map { Array($0[request.offset..<min($0.count, request.offset + request.limit)]) }
        return [.loadLogLines(logId: viewer.logId, offset: request.offset, limit: request.limit, numbers: numbers,
                              redacted: viewer.redacted, generation: viewer.windowGeneration)]
    }

    static func logFiltered(_ logId: String, generation: Int, lines: [Int], in state: inout AppState) -> [Effect] {
        let visible = ScreenLayout.logLines(state.size)
        return updateLogViewers(logId, in: &state) { viewer in
            guard generation == viewer.filterGeneration, viewer.filter != nil else { return }
            let line = viewer.cursor.selected
            viewer.filtered = lines
            viewer.cursor = ListCursor()
            viewer.cursor.select(viewer.position(ofLine: line), count: viewer.rowCount, visible: visible)
        }
    }

    /// Applies `change` to every viewer of `logId` and asks for the lines each now needs.
    static func updateLogViewers(_ logId: String, in state: inout AppState,
                                 _ change: (inout LogViewerState) -> Void) -> [Effect] {
        var effects: [Effect] = []
        for index in state.screens.indices {
            guard case .logViewer(var viewer) = state.screens[index], viewer.logId == logId else { continue }
            change(&viewer)
            effects += loadAroundCursor(&viewer)
            state.screens[index] = .logViewer(viewer)
        }
        return effects
    }

    static func logOpened(_ logId: String, lineCount: Int, pii: [PIICount], in state: inout AppState) -> [Effect] {
        let visible = ScreenLayout.logLines(state.size)
        return updateLogViewers(logId, in: &state) { viewer in
            viewer.isOpen = true
            viewer.lineCount = lineCount
            viewer.piiCounts = pii
            viewer.cursor.scrollIntoView(count: viewer.rowCount, visible: visible)
        }
    }

    static func logLinesLoaded(_ logId: String, offset: Int, lines: [ViewerLine], generation: Int,
                               in state: inout AppState) -> [Effect] {
        updateLogViewers(logId, in: &state) { viewer in
            guard generation == viewer.windowGeneration else { return }
            viewer.isLoading = false
            viewer.window.receive(lines, at: offset)
        }
    }

    static func logLineFound(_ logId: String, generation: Int, line: Int?, in state: inout AppState) -> [Effect] {
        var missed: String?
        let visible = ScreenLayout.logLines(state.size)
        let effects = updateLogViewers(logId, in: &state) { viewer in
            guard generation == viewer.findGeneration, let label = viewer.finding else { return }
            viewer.finding = nil
            if let line {
                viewer.cursor.select(viewer.position(ofLine: line), count: viewer.rowCount, visible: visible)
            } else {
                missed = "no more: \(label) not found"
            }
        }
        if let missed { inform(missed, in: &state) }
        return effects
    }

    /// The histogram as a list to jump from: one row per bucket, its bar scaled to the busiest.
    static func histogramReady(_ logId: String, _ histogram: LogHistogram, in state: inout AppState) {
        var fileName = ""
        _ = updateLogViewers(logId, in: &state) { viewer in
            viewer.finding = nil
            fileName = viewer.fileName
        }
        let busiest = max(1, histogram.buckets.map(\.lines).max() ?? 1)
        let labelWidth = histogram.buckets.map(\.label.count).max() ?? 0
        let options = histogram.buckets.map { bucket in
            let bar = String(repeating: "█", count: (bucket.lines * 24 + busiest - 1) / busiest)
            let levels = [bucket.errors > 0 ? counted(bucket.errors, "error") : nil,
                          bucket.warnings > 0 ? counted(bucket.warnings, "warning") : nil].compactMap { $0 }
            let label = bucket.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            let lines = String(bucket.lines)
            let count = String(repeating: " ", count: max(0, String(busiest).count - lines.count)) + lines
            return PickerOption("\(label) \(bar.padding(toLength: 24, withPad: " ", startingAt: 0)) \(count)"
                                + (levels.isEmpty ? "" : "  " + levels.joined(separator: ", ")),
                                value: bucket.firstLine.map(String.init) ?? "")
        }
        state.overlay = .picker(PickerState(
            title: "\(fileName) \(histogram.isByTime ? "over time" : "by position") — Enter jumps there",
            options: options, purpose: .jumpToLine(logId: logId)))
    }

    /// Text typed into the viewer's search prompt.
    static func typeIntoLogPrompt(_ key: Key, in state: inout AppState) -> [Effect] {
        guard case .logViewer(var viewer) = state.topScreen, var prompt = viewer.prompt, prompt.editor.handle(key) else {
            return []
        }
        viewer.prompt = prompt
        state.screens[state.screens.count - 1] = .logViewer(viewer)
        return []
    }

    /// The 5-Whys of the issue the log belongs to, to attach the marked lines to.
    private static func openEvidencePicker(for viewer: LogViewerState, in state: inout AppState) {
        guard !viewer.marks.isEmpty else { return inform("mark lines with m first", in: &state) }
        let steps = state.screens.lazy.compactMap { screen -> [WhyStep]? in
            guard case .issueDetail(let detail) = screen, detail.issueId == viewer.issueId else { return nil }
            return detail.detail?.steps
        }.first ?? []
        guard !steps.isEmpty else { return inform("this issue has no whys yet: add one on its 5-Whys tab", in: &state) }
        let options = steps.map { PickerOption("#\($0.stepOrder) \($0.whyQuestion)", value: $0.id) }
        state.overlay = .picker(PickerState(title: "Attach \(counted(viewer.marks.count, "line")) to", options: options,
                                            purpose: .attachEvidence(logId: viewer.logId)))
    }

    /// The evidence text for the marked lines: "file.log:12: text", one per line.
    static func evidence(from viewer: LogViewerState) -> String {
        viewer.marks.keys.sorted().map { "\(viewer.fileName):\($0 + 1): \(viewer.marks[$0] ?? "")" }.joined(separator: "\n")
    }

    private static func piiDescription(_ line: ViewerLine) -> String {
        line.pii.map { mark in
            let text = String(decoding: line.bytes[mark.range], as: UTF8.self)
            return "\(mark.type): \(text)\n  \(PIIType(rawValue: mark.type)?.reason ?? "detected by the PII rules")"
        }.joined(separator: "\n")
    }
}
