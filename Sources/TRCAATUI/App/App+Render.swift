import TRCAACore

extension App {
    /// Draws the whole frame from `state`: title row, top screen, overlay, key hints, status bar.
    public static func render(_ state: AppState, into buffer: inout CellBuffer) {
        buffer.fill(buffer.area)
        guard ScreenLayout.fits(state.size) else {
            drawTooSmall(state.size, into: &buffer)
            return
        }
        drawTitle(state, into: &buffer)
        let body = ScreenLayout.body(state.size)
        state.topScreen.draw(state, in: body, into: &buffer)
        if let overlay = state.overlay { OverlayView.draw(overlay, state: state, into: &buffer) }
        drawHints(state, into: &buffer)
        drawStatus(state, into: &buffer)
    }

    private static func drawTooSmall(_ size: Size, into buffer: inout CellBuffer) {
        let lines = ["terminal too small", "need at least 60x16 (80x24 is best)", "now \(size)", "Q quits"]
        for (index, line) in lines.enumerated() {
            let y = max(0, size.height / 2 - 2) + index
            buffer.put(line, x: max(0, (size.width - DisplayWidth.columns(of: line)) / 2), y: y,
                       role: index == 0 ? .warning : .normal)
        }
    }

    /// The breadcrumb: where the user is.
    private static func drawTitle(_ state: AppState, into buffer: inout CellBuffer) {
        let crumbs = ["trcaa"] + state.screens.flatMap(\.crumbs)
        buffer.put(" " + crumbs.joined(separator: " › "), x: 0, y: 0, exactWidth: state.size.width, role: .title)
    }

    /// Up to six key hints of the focused context, then help.
    private static func drawHints(_ state: AppState, into buffer: inout CellBuffer) {
        let y = state.size.height - 2
        let chain = Keymap.chain(for: state.focus)
        var x = 1
        let hinted = Keymap.standard.visibleBindings(in: chain).filter { $0.binding.hint != nil }
        let contextual = hinted.filter { $0.context != .global }
        let global = hinted.filter { $0.context == .global }
        for entry in (contextual.prefix(7) + global) {
            guard let hint = entry.binding.hint,
                  let key = Keymap.standard.key(for: entry.binding.action, in: chain) else { continue }
            let width = DisplayWidth.columns(of: key.label) + 1 + DisplayWidth.columns(of: hint)
            guard x + width < state.size.width else { break }
            x += buffer.put(key.label, x: x, y: y, role: .key)
            x += buffer.put(" " + hint, x: x, y: y, role: .muted) + 2
        }
    }

    /// Database, key source and counts on the left; the toast on the right.
    private static func drawStatus(_ state: AppState, into buffer: inout CellBuffer) {
        let y = state.size.height - 1
        let line = Rect(x: 0, y: y, width: state.size.width, height: 1)
        if state.overlay == nil, state.topScreen.drawPrompt(state, in: line, into: &buffer) { return }
        buffer.fill(line, role: .statusBar)
        let left = " \(state.status.databaseName) · key: \(state.status.keySource) · \(counted(state.status.totalIssues, "issue"))"
        let used = buffer.put(left, x: 0, y: y, maxWidth: state.size.width / 2, role: .statusBar)
        let message = state.toast.map { ($0.text, $0.isError ? Role.error : .info) }
            ?? state.status.activity.map { ($0, Role.warning) }
        if let (text, role) = message {
            let room = state.size.width - used - 2
            let shown = DisplayWidth.columns(of: text) > room ? text : text + " "
            let width = min(room, DisplayWidth.columns(of: shown))
            buffer.put(shown, x: state.size.width - width, y: y, maxWidth: width, role: role, highlighted: true)
        }
    }
}
