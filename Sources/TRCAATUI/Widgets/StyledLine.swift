/// Text in runs of roles (a log line with its PII and search hits), laid out from a starting
/// column in rows of a fixed width: one row cut at the edge, or several when wrapping.
struct StyledLine {
    var runs: [(text: String, role: Role)]

    /// The rows: at most `maxRows` of at most `width` columns, the first `skip` columns left
    /// out. A wide glyph that would straddle a row's edge starts the next row.
    func rows(width: Int, skip: Int, maxRows: Int) -> [[(text: String, role: Role)]] {
        guard width > 0, maxRows > 0 else { return [] }
        var rows: [[(text: String, role: Role)]] = [[]]
        var column = 0, rowWidth = 0
        for run in runs {
            for character in run.text {
                let columns = CellBuffer.drawable(character).1
                defer { column += columns }
                guard column >= skip, columns > 0 || column > skip else { continue }
                if rowWidth + columns > width {
                    guard rows.count < maxRows else { return rows }
                    rows.append([])
                    rowWidth = 0
                }
                if rows[rows.count - 1].last?.role == run.role {
                    rows[rows.count - 1][rows[rows.count - 1].count - 1].text.append(character)
                } else {
                    rows[rows.count - 1].append((String(character), run.role))
                }
                rowWidth += columns
            }
        }
        return rows
    }

    /// Draws one row from (x, y).
    static func draw(_ row: [(text: String, role: Role)], x: Int, y: Int, highlighted: Bool,
                     into buffer: inout CellBuffer) {
        var x = x
        for run in row { x += buffer.put(run.text, x: x, y: y, role: run.role, highlighted: highlighted) }
    }
}
