/// A frame of cells that screens draw into; backends show it.
///
/// Drawing never goes out of bounds and never leaves half of a wide character: overwriting
/// either half of one blanks the other half.
public struct CellBuffer: Sendable, Equatable {
    public private(set) var size: Size
    private var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * size.width + x]
    }

    func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < size.width && y < size.height }

    /// The same frame with each cell's text replaced by `transform` of the cell (same width).
    func mapText(_ transform: (Cell) -> String) -> CellBuffer {
        var result = self
        for index in cells.indices { result.cells[index].text = transform(cells[index]) }
        return result
    }

    /// Puts `cell` at (x, y); a wide cell also takes (x + 1, y), or is replaced by a blank when
    /// there is no room for its second half.
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard contains(x: x, y: y) else { return }
        if cell.width == 2 && x + 1 >= size.width {
            set(x: x, y: y, Cell(" ", role: cell.role, isHighlighted: cell.isHighlighted))
            return
        }
        clearWideNeighbours(x: x, y: y)
        cells[y * size.width + x] = cell
        if cell.width == 2 {
            clearWideNeighbours(x: x + 1, y: y)
            cells[y * size.width + x + 1] = .continuation(role: cell.role, isHighlighted: cell.isHighlighted)
        }
    }

    /// Blanks the other half of a wide character that (x, y) is part of.
    private mutating func clearWideNeighbours(x: Int, y: Int) {
        let index = y * size.width + x
        let current = cells[index]
        if current.isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", role: cells[index - 1].role, isHighlighted: cells[index - 1].isHighlighted)
        } else if current.width == 2, x + 1 < size.width {
            cells[index + 1] = Cell(" ", role: current.role, isHighlighted: current.isHighlighted)
        }
    }

    /// Fills `area` with blanks of `role`.
    public mutating func fill(_ area: Rect, role: Role = .normal, highlighted: Bool = false) {
        for y in max(0, area.y)..<min(size.height, area.maxY) {
            for x in max(0, area.x)..<min(size.width, area.maxX) {
                set(x: x, y: y, Cell(" ", role: role, isHighlighted: highlighted))
            }
        }
    }

    /// Row `y` as text, continuation cells skipped (what a terminal would show).
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var text = ""
        for cell in cells[(y * size.width)..<((y + 1) * size.width)] where !cell.isContinuation { text += cell.text }
        return text
    }

    /// Every row as text.
    public var lines: [String] { (0..<size.height).map(line) }

    /// The rows whose cells differ from `previous` (all of them after a size change).
    public func changedRows(since previous: CellBuffer?) -> [Int] {
        guard let previous, previous.size == size else { return Array(0..<size.height) }
        return (0..<size.height).filter { y in
            let range = (y * size.width)..<((y + 1) * size.width)
            return cells[range] != previous.cells[range]
        }
    }
}
