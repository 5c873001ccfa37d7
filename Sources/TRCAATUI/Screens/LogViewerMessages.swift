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
}
