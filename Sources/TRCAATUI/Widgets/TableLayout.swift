/// A table column: fixed width or the one flexible column that takes what is left.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    public var width: Int
    public var isFlexible: Bool
    public var alignRight: Bool
    /// Columns with the lowest priority are dropped first on narrow terminals.
    public var priority: Int

    public init(_ title: String, width: Int, isFlexible: Bool = false, alignRight: Bool = false, priority: Int = 10) {
        self.title = title
        self.width = width
        self.isFlexible = isFlexible
        self.alignRight = alignRight
        self.priority = priority
    }
}

/// Places columns in a width: drops low-priority columns until the flexible one has at least
/// `minimumFlexible` columns, then gives it the rest. One space separates columns.
public struct TableLayout: Sendable {
    public let columns: [(column: TableColumn, x: Int, width: Int)]

    public init(_ columns: [TableColumn], width: Int, minimumFlexible: Int) {
        var kept = columns
        func flexibleWidth(_ set: [TableColumn]) -> Int {
            width - set.filter { !$0.isFlexible }.reduce(0) { $0 + $1.width } - max(0, set.count - 1)
        }
        while flexibleWidth(kept) < minimumFlexible,
              let drop = kept.enumerated().filter({ !$0.element.isFlexible && $0.element.priority < 10 })
                .min(by: { $0.element.priority < $1.element.priority })?.offset {
            kept.remove(at: drop)
        }
        var x = 0
        var placed: [(TableColumn, Int, Int)] = []
        for column in kept {
            let w = column.isFlexible ? max(0, flexibleWidth(kept)) : column.width
            placed.append((column, x, w))
            x += w + 1
        }
        self.columns = placed
    }

    /// Draws the column titles on row `y`.
    public func drawHeader(into buffer: inout CellBuffer, x: Int, y: Int) {
        for (column, cx, w) in columns {
            draw(column.title, column: column, x: x + cx, width: w, y: y, role: .header, highlighted: false, into: &buffer)
        }
    }

    /// Draws one row of cell texts (one per kept column, looked up by title) with per-cell roles.
    public func drawRow(_ values: [String: (String, Role)], into buffer: inout CellBuffer, x: Int, y: Int,
                        highlighted: Bool) {
        for (column, cx, w) in columns {
            let (text, role) = values[column.title] ?? ("", .normal)
            draw(text, column: column, x: x + cx, width: w, y: y, role: role, highlighted: highlighted, into: &buffer)
        }
    }

    private func draw(_ text: String, column: TableColumn, x: Int, width: Int, y: Int, role: Role, highlighted: Bool,
                      into buffer: inout CellBuffer) {
        if column.alignRight {
            let pad = max(0, width - DisplayWidth.columns(of: text))
            buffer.fill(Rect(x: x, y: y, width: pad, height: 1), role: role, highlighted: highlighted)
            buffer.put(text, x: x + pad, y: y, exactWidth: width - pad, role: role, highlighted: highlighted)
        } else {
            buffer.put(text, x: x, y: y, exactWidth: width, role: role, highlighted: highlighted)
        }
    }
}

extension TableLayout {
    /// A whole table in `area`: the header on its first row, then the rows the cursor shows,
    /// the selected one highlighted across the area's width.
    static func draw(_ columns: [TableColumn], rows: [[String: (String, Role)]], cursor: ListCursor, in area: Rect,
                     into buffer: inout CellBuffer) {
        let layout = TableLayout(columns, width: area.width - 2, minimumFlexible: 20)
        layout.drawHeader(into: &buffer, x: area.x + 1, y: area.y)
        let list = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        cursor.drawVisibleRows(count: rows.count, in: list, into: &buffer) { index, y, selected, buffer in
            layout.drawRow(rows[index], into: &buffer, x: area.x + 1, y: y, highlighted: selected)
        }
    }
}
