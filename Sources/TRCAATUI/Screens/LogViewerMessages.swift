import TRCAACore

/// What comes back from the log viewer's effects: the log opened, a page of lines, a line
/// found, the filtered lines, the histogram.
extension App {
    /// Applies `change` to every viewer of `logId` and asks for the lines each now needs.
    static func updateLogViewers(_ logId: String, in state: inout AppState,
                                 _ change: (inout LogViewerState) -> Void) -> [Effect] {
        var effects: [Effect] = []
        state.updateScreens(LogViewerState.self, where: { $0.logId == logId }) { viewer in
            change(&viewer)
            effects += loadAroundCursor(&viewer)
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
        var counting: [Effect] = []
        let loading = updateLogViewers(logId, in: &state) { viewer in
            guard generation == viewer.windowGeneration else { return }
            viewer.isLoading = false
            viewer.window.receive(lines, at: offset)
            if viewer.countsHitsOnceShown {
                viewer.countsHitsOnceShown = false
                counting = countHits(of: &viewer)
            }
        }
        return loading + counting
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
        var current = 0
        _ = updateLogViewers(logId, in: &state) { viewer in
            viewer.finding = nil
            fileName = viewer.fileName
            current = viewer.line(atPosition: viewer.cursor.selected)
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
                                bucket.firstLine.map(PickerOption.Value.line) ?? .none)
        }
        var picker = PickerState(
            title: "\(fileName) \(histogram.isByTime ? "over time" : "by position") — Enter jumps there",
            options: options, purpose: .jumpToLine(logId: logId))
        // It opens on the slice of the line the cursor is on.
        picker.cursor.select(histogram.buckets.lastIndex { ($0.firstLine ?? .max) <= current } ?? 0,
                             count: options.count, visible: options.count)
        state.overlay = .picker(picker)
    }
}

extension App {
    /// The top values as a list to filter from: count, value, the line it first appears on.
    static func topValuesReady(_ logId: String, type: String, _ values: [ValueCount], distinct: Int, in state: inout AppState) {
        guard let viewer = state.screens(LogViewerState.self).last(where: { $0.logId == logId }), !values.isEmpty else { return }
        let width = String(values[0].count).count
        let options = values.map { row in
            let count = String(row.count)
            return PickerOption(String(repeating: " ", count: width - count.count) + count + "  " + row.value
                                    + "  (first on line \(row.firstLine))", .text(row.value))
        }
        let shown = distinct > values.count ? "top \(values.count) of \(distinct)" : counted(distinct, "value")
        state.overlay = .picker(PickerState(title: "\(type) in \(viewer.fileName): \(shown) · Enter filters to one",
                                            options: options, purpose: .topValue(logId: logId)))
    }

    /// Adds a filter to the lines with `value`; the stored text is shown, where values are.
    static func filterToValue(_ value: String, logId: String, in state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        var showedStored = false
        state.updateScreens(LogViewerState.self, where: { $0.logId == logId }) { viewer in
            if viewer.view.isRedacted {
                viewer.view = .stored
                showedStored = true
            }
            let filter = LineFilter(text: value, ignoringCase: false, excludes: false)
            effects += setFilters(viewer.filters + [filter], of: &viewer)
        }
        state.keepView(of: logId)
        if showedStored { inform("the stored text is shown: the redacted view has no values to filter on", in: &state) }
        return effects
    }
}
