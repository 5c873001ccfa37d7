/// Draws the overlay over the top screen.
enum OverlayView {
    static func draw(_ overlay: Overlay, state: AppState, into buffer: inout CellBuffer) {
        let screen = Rect(x: 0, y: 1, width: state.size.width, height: state.size.height - 3)
        switch overlay {
        case .help(let help): drawHelp(help, in: screen, into: &buffer)
        case .palette(let palette): drawPalette(palette, size: state.size, in: screen, into: &buffer)
        case .confirm(let confirm): drawConfirm(confirm, in: screen, into: &buffer)
        case .form(let form): drawForm(form, in: screen, into: &buffer)
        case .picker(let picker): drawPicker(picker, in: screen, into: &buffer)
        case .textEditor(let editor): drawTextEditor(editor, in: screen, into: &buffer)
        case .message(let title, let text): drawMessage(title: title, text: text, in: screen, into: &buffer)
        }
    }

    /// The keys of the focus help was opened from: its contexts first, then moving and global
    /// keys; each description wrapped at `width` beside its keys.
    static func helpLines(_ help: HelpState, width: Int) -> [(String, Role)] {
        var lines: [(String, Role)] = []
        var lastContext: KeyContext?
        for entry in Keymap.standard.visibleBindings(in: Keymap.chain(for: help.focus)) {
            if entry.context != lastContext {
                if lastContext != nil { lines.append(("", .normal)) }
                lines.append((entry.context.title, .header))
                lastContext = entry.context
            }
            let keys = entry.binding.keyLabels
            let keyColumn = max(DisplayWidth.columns(of: keys) + 1, 16)
            let wrapped = TextWrap.lines(entry.binding.help, width: max(10, width - keyColumn))
            for (index, text) in wrapped.enumerated() {
                let lead = index == 0 ? keys + String(repeating: " ", count: keyColumn - DisplayWidth.columns(of: keys))
                    : String(repeating: " ", count: keyColumn)
                lines.append((lead + text, .normal))
            }
        }
        return lines
    }

    private static func drawHelp(_ help: HelpState, in screen: Rect, into buffer: inout CellBuffer) {
        let width = min(72, screen.width)
        let lines = helpLines(help, width: width - 4)
        let area = screen.centred(width: width, height: min(screen.height, lines.count + 2))
        let inner = Frame.draw(area, title: "Keys — q or ? closes", into: &buffer)
        let scroll = min(help.scroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            buffer.put(line.0, x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 2, role: line.1)
        }
    }

    private static func drawPalette(_ palette: PaletteState, size: Size, in screen: Rect, into buffer: inout CellBuffer) {
        let entries = App.paletteEntries(palette)
        let rows = App.paletteRows(size)
        let area = Rect(x: screen.x + (screen.width - min(70, screen.width)) / 2, y: screen.y + 1,
                        width: min(70, screen.width), height: rows + 4)
        let inner = Frame.draw(area, title: "Commands", into: &buffer)
        var x = inner.x + 1
        x += buffer.put(": ", x: x, y: inner.y, role: .key)
        TextField.draw(palette.editor, showsCursor: true, x: x, y: inner.y, width: inner.width - 4, into: &buffer)
        buffer.put(String(repeating: "─", count: inner.width), x: inner.x, y: inner.y + 1, role: .border)
        if entries.isEmpty {
            buffer.put("no command matches", x: inner.x + 2, y: inner.y + 2, role: .muted)
        }
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: rows)
        palette.cursor.drawVisibleRows(count: entries.count, in: list, into: &buffer) { index, y, selected, buffer in
            let entry = entries[index]
            buffer.put(entry.binding.help, x: inner.x + 1, y: y, maxWidth: inner.width - 14, highlighted: selected)
            buffer.putRight(entry.binding.keys.first?.label ?? "", maxX: inner.maxX - 1, y: y, role: .key)
        }
    }

    private static func drawConfirm(_ confirm: ConfirmState, in screen: Rect, into buffer: inout CellBuffer) {
        let width = min(64, screen.width - 4)
        let message = TextWrap.lines(confirm.message, width: width - 4)
        let area = screen.centred(width: width, height: message.count + 5)
        let inner = Frame.draw(area, title: confirm.title, into: &buffer)
        for (row, line) in message.enumerated() { buffer.put(line, x: inner.x + 1, y: inner.y + row, role: .dialog) }
        let y = inner.maxY - 1
        let no = " No ", yes = " Yes "
        let x = inner.x + (inner.width - 12) / 2
        buffer.put(yes, x: x, y: y, role: .dialog, highlighted: confirm.yesSelected)
        buffer.put(no, x: x + 7, y: y, role: .dialog, highlighted: !confirm.yesSelected)
        buffer.put("y/n", x: inner.maxX - 4, y: y, role: .muted)
    }

    private static func drawForm(_ form: FormState, in screen: Rect, into buffer: inout CellBuffer) {
        let width = min(76, screen.width - 2)
        let labelWidth = (form.fields.map { DisplayWidth.columns(of: $0.label) }.max() ?? 0) + 2
        let fieldWidth = width - 4 - labelWidth
        // The focused field's note whole (the values a choice takes), up to three lines; so is the error.
        let noteLines = form.fields.indices.contains(form.focused)
            ? Array(TextWrap.lines(form.fields[form.focused].note ?? "", width: fieldWidth).prefix(3)) : []
        let errorLines = form.error.map { Array(TextWrap.lines($0, width: width - 4).prefix(3)) } ?? []
        let height = form.fields.count * 2 + max(0, noteLines.count - 1) + 2 + max(1, errorLines.count)
        let area = screen.centred(width: width, height: height)
        let inner = Frame.draw(area, title: form.title, into: &buffer)
        var y = inner.y
        for (index, field) in form.fields.enumerated() {
            let focused = index == form.focused
            buffer.put(field.label, x: inner.x + 1, y: y, role: focused ? .key : .muted)
            let fieldX = inner.x + 1 + labelWidth
            buffer.fill(Rect(x: fieldX, y: y, width: inner.maxX - fieldX - 1, height: 1), role: .input)
            TextField.draw(field.editor, showsCursor: focused, x: fieldX, y: y, width: inner.maxX - fieldX - 1,
                           into: &buffer)
            let notes = focused ? noteLines : []
            for (row, line) in notes.enumerated() {
                buffer.put(line, x: fieldX, y: y + 1 + row, maxWidth: inner.maxX - fieldX - 1, role: .muted)
            }
            y += 1 + max(1, notes.count)
        }
        if !errorLines.isEmpty {
            for (index, line) in errorLines.enumerated() {
                buffer.put(line, x: inner.x + 1, y: inner.maxY - errorLines.count + index, maxWidth: inner.width - 2, role: .error)
            }
        } else {
            buffer.put("Enter next · Tab completes · Ctrl-s save · Esc cancel", x: inner.x + 1, y: inner.maxY - 1, role: .muted)
        }
    }

    private static func drawPicker(_ picker: PickerState, in screen: Rect, into buffer: inout CellBuffer) {
        let rows = min(picker.options.count, screen.height - 2)
        // As wide as the title and the longest choice (mark, borders and margins), up to the screen.
        let longest = picker.options.map { DisplayWidth.columns(of: $0.label) }.max() ?? 0
        let width = min(max(34, DisplayWidth.columns(of: picker.title) + 6, longest + 8), screen.width - 2)
        let area = screen.centred(width: width, height: rows + 2)
        let inner = Frame.draw(area, title: picker.title, into: &buffer)
        var cursor = picker.cursor
        cursor.scrollIntoView(count: picker.options.count, visible: inner.height)
        cursor.drawVisibleRows(count: picker.options.count, in: inner, into: &buffer) { index, y, selected, buffer in
            let option = picker.options[index]
            if option.isHeading { buffer.put(option.label, x: inner.x + 1, y: y, role: .header); return }
            let mark = picker.purpose == .filter ? (option.isTicked ? "[x] " : "[ ] ") : (option.isTicked ? "• " : "  ")
            buffer.put(mark + option.label, x: inner.x + 1, y: y, maxWidth: inner.width - 2, highlighted: selected)
        }
    }

    private static func drawTextEditor(_ editor: TextEditorState, in screen: Rect, into buffer: inout CellBuffer) {
        let area = screen.inset(by: 1)
        let inner = Frame.draw(area, title: editor.title + " — Ctrl-s saves, Esc cancels", into: &buffer)
        let visible = inner.height
        for (row, line) in editor.lines.dropFirst(editor.scroll).prefix(visible).enumerated() {
            buffer.put(line, x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 2, role: .input)
        }
        let cursorRow = editor.row - editor.scroll
        if cursorRow >= 0, cursorRow < visible {
            let line = Array(editor.lines[editor.row])
            let column = min(editor.column, line.count)
            let x = inner.x + 1 + DisplayWidth.columns(of: String(line[..<column]))
            buffer.put(column < line.count ? String(line[column]) : " ", x: x, y: inner.y + cursorRow, maxWidth: 2,
                       role: .input, highlighted: true)
        }
    }

    private static func drawMessage(title: String, text: String, in screen: Rect, into buffer: inout CellBuffer) {
        let width = min(76, screen.width - 2)
        let lines = TextWrap.lines(text, width: width - 4)
        let area = screen.centred(width: width, height: min(screen.height, lines.count + 2))
        let inner = Frame.draw(area, title: title, into: &buffer)
        for (row, line) in lines.prefix(inner.height).enumerated() {
            buffer.put(line, x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 2)
        }
    }
}
