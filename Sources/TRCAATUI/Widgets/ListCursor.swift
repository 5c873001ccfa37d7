/// The selected row and the first visible row of a scrolling list. Scrolling keeps a margin
/// of context rows around the selection, as lazygit does.
public struct ListCursor: Sendable, Equatable {
    public var selected = 0
    public var offset = 0
    public static let margin = 2

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves by `delta` rows within `count`, then scrolls so the selection shows in `visible` rows.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        select(selected + delta, count: count, visible: visible)
    }

    /// Selects `index` (clamped) and scrolls it into view.
    public mutating func select(_ index: Int, count: Int, visible: Int) {
        selected = max(0, min(index, count - 1))
        scrollIntoView(count: count, visible: visible)
    }

    /// Adjusts `offset` so the selection and its margin are visible.
    public mutating func scrollIntoView(count: Int, visible: Int) {
        guard visible > 0, count > 0 else { offset = 0; selected = max(0, min(selected, count - 1)); return }
        selected = max(0, min(selected, count - 1))
        let margin = min(Self.margin, (visible - 1) / 2)
        if selected - margin < offset { offset = selected - margin }
        if selected + margin >= offset + visible { offset = selected + margin - visible + 1 }
        offset = max(0, min(offset, count - visible))
    }

    /// The index range to draw in `visible` rows.
    public func visibleRange(count: Int, visible: Int) -> Range<Int> {
        let start = max(0, min(offset, count))
        return start..<min(count, start + max(0, visible))
    }
}

extension ListCursor {
    /// Draws the rows in view of a list of `count`, `rowHeight` lines each from the top of
    /// `area`: the selected row's lines are filled as highlighted, then `draw` gets each row's
    /// index, first line and whether it is the selected one.
    func drawVisibleRows(count: Int, in area: Rect, rowHeight: Int = 1, into buffer: inout CellBuffer,
                         _ draw: (_ index: Int, _ y: Int, _ selected: Bool, _ buffer: inout CellBuffer) -> Void) {
        for (slot, index) in visibleRange(count: count, visible: area.height / max(1, rowHeight)).enumerated() {
            let y = area.y + slot * rowHeight
            let selected = index == self.selected
            if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: rowHeight), highlighted: true) }
            draw(index, y, selected, &buffer)
        }
    }
}
