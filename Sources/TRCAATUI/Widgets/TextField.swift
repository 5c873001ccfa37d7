/// Draws a `LineEditor` on one row, scrolled so its cursor stays visible.
enum TextField {
    /// A one-line text field with a reverse-video cursor; returns the columns used.
    @discardableResult
    static func draw(_ editor: LineEditor, showsCursor: Bool, x: Int, y: Int, width: Int,
                     into buffer: inout CellBuffer) -> Int {
        let characters = Array(editor.text)
        // Scroll so the cursor stays visible in `width` columns.
        var start = 0
        while DisplayWidth.columns(of: String(characters[start..<editor.cursor])) >= width - 1, start < editor.cursor {
            start += 1
        }
        let shown = String(characters[start...])
        let used = buffer.put(shown, x: x, y: y, maxWidth: width, role: .input)
        guard showsCursor else { return used }
        let cursorX = x + DisplayWidth.columns(of: String(characters[start..<editor.cursor]))
        let under = editor.cursor < characters.count ? String(characters[editor.cursor]) : " "
        buffer.put(under, x: cursorX, y: y, maxWidth: 2, role: .input, highlighted: true)
        return max(used, cursorX - x + 1)
    }
}
