extension CellBuffer {
    /// Writes `text` from (x, y), at most `maxWidth` columns (and never past the buffer's
    /// edge), cutting with `…` at a column boundary. Control characters are drawn as `�` so
    /// log content can never reach the terminal raw; a tab is one space.
    ///
    /// - returns: the columns written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, maxWidth: Int? = nil, role: Role = .normal,
                             highlighted: Bool = false) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.width - x)
        guard limit > 0 else { return 0 }
        let needsCut = DisplayWidth.columns(of: text) > limit
        let budget = needsCut ? limit - 1 : limit
        var column = 0
        for character in text {
            let (glyph, width) = Self.drawable(character)
            if column + width > budget { break }
            if width > 0 {
                set(x: x + column, y: y, Cell(glyph, width: UInt8(width), role: role, isHighlighted: highlighted))
            } else if column > 0 {
                appendCombining(glyph, x: x + column - 1, y: y)
            }
            column += width
        }
        if needsCut {
            while column < budget {
                set(x: x + column, y: y, Cell(" ", role: role, isHighlighted: highlighted))
                column += 1
            }
            set(x: x + column, y: y, Cell("…", role: role, isHighlighted: highlighted))
            column += 1
        }
        return column
    }

    /// Writes `text` padded with spaces (or cut) to exactly `width` columns.
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, exactWidth width: Int, role: Role = .normal,
                             highlighted: Bool = false) {
        let written = put(text, x: x, y: y, maxWidth: width, role: role, highlighted: highlighted)
        if written < width {
            fill(Rect(x: x + written, y: y, width: width - written, height: 1), role: role, highlighted: highlighted)
        }
    }

    /// Writes `text` right-aligned so that it ends at column `maxX`.
    @discardableResult
    public mutating func putRight(_ text: some StringProtocol, maxX: Int, y: Int, role: Role = .normal) -> Int {
        let width = DisplayWidth.columns(of: text)
        return put(text, x: max(0, maxX - width), y: y, maxWidth: maxX - max(0, maxX - width), role: role)
    }

    /// A zero-width mark joins the glyph of the cell before it (the cell of a wide glyph's first half).
    private mutating func appendCombining(_ mark: String, x: Int, y: Int) {
        var target = x
        if self[target, y].isContinuation { target -= 1 }
        guard target >= 0 else { return }
        var cell = self[target, y]
        cell.text += mark
        set(x: target, y: y, cell)
    }

    /// The glyph a character is drawn as, and its columns.
    static func drawable(_ character: Character) -> (String, Int) {
        if let ascii = character.asciiValue {
            if ascii == 9 { return (" ", 1) }
            if ascii < 0x20 || ascii == 0x7F { return ("\u{FFFD}", 1) }
            return (String(character), 1)
        }
        if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return ("\u{FFFD}", 1)
        }
        return (String(character), DisplayWidth.columns(of: character))
    }
}
